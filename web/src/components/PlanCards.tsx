// The dashboard's planning cards: this month's budget, the savings goals, and the bills coming up. Each loads on
// its own, so a slow or failing one never holds the rest of the dashboard back.
import { api, must } from "../api/client";
import { formatShortDate } from "../lib/dates";
import { useLoad } from "../lib/load";
import { abs, compareAmounts, formatMoney, isNegative, share, sumAmounts } from "../lib/money";
import { loadAlerts, loadSubscriptions } from "../lib/recurring";
import { Link } from "../lib/router";
import { goalStatus, totals } from "../lib/planning";
import { GoalProgress } from "./GoalProgress";
import { Money } from "./Money";

/** How much of what a line holds is spent, for ordering (display geometry, not money). */
function used(line: { spent: string; budgeted: string; rolled_over: string }): number {
  const holds = sumAmounts([line.budgeted, line.rolled_over]);
  return compareAmounts(holds, "0") > 0 ? share(line.spent, holds) : 1000;
}

export function BudgetCard() {
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/budgets")), []);
  return (
    <section className="card plan-card" aria-labelledby="budget-card" data-testid="budget-card">
      <header className="card-head">
        <h2 id="budget-card">Budget</h2>
        <Link to="/budget" className="muted small">
          Open the budget →
        </Link>
      </header>
      {error && !data && <p className="empty">The budget could not load.</p>}
      {data && data.categories.length === 0 && (
        <p className="empty">
          Nothing budgeted this month. <Link to="/budget">Set a budget</Link>.
        </p>
      )}
      {data && data.categories.length > 0 && (
        <>
          {(() => {
            const sums = totals(data.categories);
            return (
              <p className="plan-summary">
                <Money amount={sums.spent} currency={data.currency} />{" "}
                <span className="muted">spent of {formatMoney(sums.budgeted, data.currency)}</span>
                {data.mode === "envelope" && data.to_budget !== null && (
                  <span className="muted small">
                    {" "}
                    · to budget <Money amount={data.to_budget} currency={data.currency} />
                  </span>
                )}
              </p>
            );
          })()}
          <ul className="plan-lines">
            {[...data.categories]
              // The lines closest to (or past) their limit first: they are the ones to look at.
              .sort((a, b) => used(b) - used(a))
              .slice(0, 4)
              .map((line) => {
                const holds = sumAmounts([line.budgeted, line.rolled_over]);
                const over = isNegative(line.available);
                const pct = compareAmounts(holds, "0") > 0 ? Math.min(100, share(line.spent, holds)) : 100;
                return (
                  <li key={line.category_id}>
                    <span className="plan-line-name">{line.category.split("/").at(-1)}</span>
                    <span className={`small ${over ? "money-out" : "muted"}`}>
                      {formatMoney(abs(line.available), data.currency)} {over ? "over" : "left"}
                    </span>
                    <span className="budget-bar" aria-hidden="true">
                      <span className={`budget-fill ${over ? "over" : ""}`} style={{ width: `${pct}%` }} />
                    </span>
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </section>
  );
}

export function GoalsCard() {
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/goals")), []);
  return (
    <section className="card plan-card" aria-labelledby="goals-card" data-testid="goals-card">
      <header className="card-head">
        <h2 id="goals-card">Goals</h2>
        <Link to="/goals" className="muted small">
          All goals →
        </Link>
      </header>
      {error && !data && <p className="empty">The goals could not load.</p>}
      {data && data.length === 0 && (
        <p className="empty">
          No savings goals yet. <Link to="/goals">Add one</Link>.
        </p>
      )}
      <ul className="plan-goals">
        {(data ?? []).slice(0, 3).map((goal) => {
          const status = goalStatus(goal);
          return (
            <li key={goal.id}>
              <span className="plan-line-name">{goal.name}</span>
              <span className="small muted">
                {formatMoney(goal.saved, goal.currency)} of {formatMoney(goal.target, goal.currency)}
              </span>
              <span className={`badge ${status.tone}`}>{status.label}</span>
              <GoalProgress goal={goal} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function BillsCard() {
  const { data, error } = useLoad(async () => {
    const [upcoming, subscriptions, alerts] = await Promise.all([
      api.GET("/api/v1/recurring/upcoming", { params: { query: { days: 14 } } }),
      loadSubscriptions(),
      loadAlerts(),
    ]);
    return { upcoming: must(upcoming), subscriptions, alerts };
  }, []);
  const bills = (data?.upcoming ?? []).filter((u) => u.kind !== "income");
  return (
    <section className="card plan-card" aria-labelledby="bills-card" data-testid="bills-card">
      <header className="card-head">
        <h2 id="bills-card">Coming up</h2>
        <Link to="/recurring" className="muted small">
          Recurring →
        </Link>
      </header>
      {error && !data && <p className="empty">The recurring payments could not load.</p>}
      {data && data.subscriptions.series.length > 0 && (
        <p className="plan-summary">
          {formatMoney(data.subscriptions.monthly_total, data.subscriptions.currency)}
          <span className="muted"> a month in subscriptions</span>
          {data.alerts.length > 0 && (
            <Link to="/recurring" className="badge warn plan-alerts">
              {data.alerts.length} alert{data.alerts.length === 1 ? "" : "s"}
            </Link>
          )}
        </p>
      )}
      {data && bills.length === 0 && <p className="empty">No bills expected in the next two weeks.</p>}
      <ul className="plan-bills">
        {bills.slice(0, 5).map((u) => (
          <li key={`${u.id}-${u.date}`}>
            <span className="muted small plan-date">{formatShortDate(u.date)}</span>
            <span className="plan-line-name">{u.payee}</span>
            <Money amount={u.amount} currency={u.currency} transfer={u.kind === "transfer"} signed />
          </li>
        ))}
      </ul>
    </section>
  );
}
