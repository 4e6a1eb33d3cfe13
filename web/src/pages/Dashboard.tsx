// The dashboard: this month against last, the budget, goals and bills coming up, where the money went, twelve
// months of cash flow, net worth, balances and the latest transactions. Every figure links to the transactions
// that make it up.
import { api, must, type NetWorth, type Summary, type Transaction } from "../api/client";
import { CashFlowChart, CategoryBars, type Bar, type MonthFlow } from "../components/Charts";
import { Money } from "../components/Money";
import { AnomalyCard, PaceCard, ScoreCard } from "../components/InsightCards";
import { BillsCard, BudgetCard, GoalsCard } from "../components/PlanCards";
import { formatMonthYear, formatShortDate, monthOf, today } from "../lib/dates";
import { useLoad } from "../lib/load";
import { change, compareAmounts, formatMoney } from "../lib/money";
import { Link, withQuery } from "../lib/router";
import { useCurrency } from "../state";

interface DashboardData {
  current: Summary;
  previous: Summary;
  byGroup: Summary;
  months: Summary;
  worth: NetWorth;
  recent: Transaction[];
}

async function loadDashboard(): Promise<DashboardData> {
  const day = today();
  const now = monthOf(day);
  const last = monthOf(day, -1);
  const yearAgo = monthOf(day, -11);
  const summary = (query: Record<string, string>) => api.GET("/api/v1/reports/summary", { params: { query } });
  const [current, previous, byGroup, months, worth, recent] = await Promise.all([
    summary({ start: now.start, end: now.end }),
    summary({ start: last.start, end: last.end }),
    summary({ start: now.start, end: now.end, group_by: "group" }),
    summary({ start: yearAgo.start, end: now.end, group_by: "month" }),
    api.GET("/api/v1/reports/net-worth"),
    api.GET("/api/v1/transactions", { params: { query: { limit: 8 } } }),
  ]);
  return {
    current: must(current),
    previous: must(previous),
    byGroup: must(byGroup),
    months: must(months),
    worth: must(worth),
    recent: must(recent).items,
  };
}

function Delta({ now, before, goodWhenUp }: { now: string; before: string; goodWhenUp: boolean }) {
  const pct = change(now, before);
  if (pct === null) return <span className="delta muted">no data last month</span>;
  const up = compareAmounts(now, before) > 0;
  const good = up === goodWhenUp;
  return (
    <span className={`delta ${good ? "delta-good" : "delta-bad"}`}>
      <span aria-hidden="true">{up ? "▲" : "▼"}</span> {pct} <span className="muted">vs last month</span>
    </span>
  );
}

function Kpi(props: { label: string; href: string; children: React.ReactNode; delta?: React.ReactNode }) {
  return (
    <Link to={props.href} className="card kpi">
      <span className="kpi-label">{props.label}</span>
      <span className="kpi-value">{props.children}</span>
      {props.delta}
    </Link>
  );
}

export function Dashboard() {
  const currency = useCurrency();
  // No household in the inputs: switching households bumps the ledger version, which reloads every view.
  const { data, error, loading } = useLoad(loadDashboard, []);
  const now = monthOf(today());
  const last = monthOf(today(), -1);

  if (error && !data) return <p className="form-error">Could not load the dashboard: {error.message}</p>;
  if (!data) return <DashboardSkeleton />;
  const { current, previous, byGroup, months, worth, recent } = data;

  const bars: Bar[] = byGroup.groups
    .filter((g) => compareAmounts(g.expenses, "0") > 0)
    .sort((a, b) => compareAmounts(b.expenses, a.expenses))
    .slice(0, 8)
    .map((g) => ({
      key: g.key,
      label: g.key,
      amount: g.expenses,
      count: g.count,
      href: withQuery("/transactions", {
        start: now.start,
        end: now.end,
        category: g.category_id ?? g.key,
        type: "expense",
      }),
    }));
  // Twelve columns always, so a quiet month shows as an empty one rather than vanishing.
  const byMonth = new Map(months.groups.map((g) => [g.key, g]));
  const hasFlows = months.groups.length > 0;
  const flows: MonthFlow[] = hasFlows
    ? Array.from({ length: 12 }, (_, i) => {
        const month = monthOf(today(), i - 11);
        const key = month.start.slice(0, 7);
        const g = byMonth.get(key);
        return {
          key,
          income: g?.income ?? "0.00",
          expenses: g?.expenses ?? "0.00",
          net: g?.net ?? "0.00",
          href: withQuery("/transactions", month),
        };
      })
    : [];
  const liabilities = worth.accounts.filter((a) => a.account.kind === "liability");
  const assets = worth.accounts.filter((a) => a.account.kind !== "liability");

  return (
    <div className="page dashboard" aria-busy={loading}>
      <header className="page-head">
        <div>
          <h1>{formatMonthYear(now.start)}</h1>
          <p className="muted">This month so far, against last month</p>
        </div>
      </header>
      <section className="kpis" aria-label="This month">
        <Kpi
          label="Income"
          href={withQuery("/transactions", { ...now, type: "income" })}
          delta={<Delta now={current.income} before={previous.income} goodWhenUp />}
        >
          {formatMoney(current.income, currency)}
        </Kpi>
        <Kpi
          label="Spending"
          href={withQuery("/transactions", { ...now, type: "expense" })}
          delta={<Delta now={current.expenses} before={previous.expenses} goodWhenUp={false} />}
        >
          {formatMoney(current.expenses, currency)}
        </Kpi>
        <Kpi
          label="Net"
          href={withQuery("/transactions", now)}
          delta={<Delta now={current.net} before={previous.net} goodWhenUp />}
        >
          <Money amount={current.net} currency={currency} signed />
        </Kpi>
        <Kpi
          label="Savings rate"
          href={withQuery("/transactions", now)}
          delta={
            <span className="delta muted">
              {previous.savings_rate !== null ? `${previous.savings_rate}% in ${formatMonthYear(last.start)}` : "—"}
            </span>
          }
        >
          {current.savings_rate !== null ? `${current.savings_rate}%` : "—"}
        </Kpi>
      </section>

      <div className="grid-3">
        <BudgetCard />
        <GoalsCard />
        <BillsCard />
      </div>

      <div className="grid-3">
        <PaceCard />
        <ScoreCard />
        <AnomalyCard />
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="by-category">
          <header className="card-head">
            <h2 id="by-category">Spending by category</h2>
            <Link to={withQuery("/transactions", { ...now, type: "expense" })} className="muted small">
              All spending →
            </Link>
          </header>
          <CategoryBars bars={bars} currency={currency} />
        </section>
        <section className="card chart-card" aria-labelledby="cash-flow">
          <header className="card-head">
            <h2 id="cash-flow">Cash flow, 12 months</h2>
            <span className="muted small">
              Net <Money amount={months.net} currency={currency} signed />
            </span>
          </header>
          <CashFlowChart months={flows} currency={currency} />
        </section>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="net-worth">
          <header className="card-head">
            <h2 id="net-worth">Net worth</h2>
            <span className="kpi-value small-kpi">
              <Money amount={worth.net_worth} currency={currency} />
            </span>
          </header>
          <div className="balances">
            {worth.accounts.length === 0 && (
              <p className="empty">
                No accounts yet. <Link to="/accounts">Add your first account</Link> or{" "}
                <Link to="/import">import a statement</Link>.
              </p>
            )}
            <BalanceList title="Assets" total={worth.assets} rows={assets} currency={currency} />
            <BalanceList title="Liabilities" total={worth.liabilities} rows={liabilities} currency={currency} />
          </div>
        </section>
        <section className="card" aria-labelledby="recent">
          <header className="card-head">
            <h2 id="recent">Recent transactions</h2>
            <Link to="/transactions" className="muted small">
              See all →
            </Link>
          </header>
          <ul className="recent">
            {recent.length === 0 && <li className="empty">Nothing yet. Press “Add” or import a statement.</li>}
            {recent.map((t) => (
              <li key={t.id}>
                <Link
                  to={withQuery("/transactions", { q: t.payee || null, start: t.date, end: t.date })}
                  className="recent-row"
                >
                  <span className="recent-main">
                    <span className="payee">{t.payee || t.description || "—"}</span>
                    <span className="muted small">
                      {formatShortDate(t.date)} ·{" "}
                      {t.category?.name ??
                        (t.type === "transfer" ? `${t.account?.name} → ${t.to_account?.name}` : "Uncategorized")}
                    </span>
                  </span>
                  <Money amount={t.amount} currency={t.currency} transfer={t.type === "transfer"} signed />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

function BalanceList(props: { title: string; total: string; rows: NetWorth["accounts"]; currency: string }) {
  if (props.rows.length === 0) return null;
  return (
    <div>
      <h3 className="balance-title">
        <span>{props.title}</span>
        <Money amount={props.total} currency={props.currency} />
      </h3>
      <ul className="balance-list">
        {props.rows.map(({ account, balance }) => (
          <li key={account.id}>
            <Link to={withQuery("/transactions", { account: account.id })} className="balance-row">
              <span>
                {account.name}
                {account.institution && <span className="muted small"> · {account.institution}</span>}
              </span>
              <Money amount={balance} currency={account.currency ?? props.currency} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DashboardSkeleton() {
  return (
    <div className="page" aria-busy="true" aria-label="Loading the dashboard">
      <div className="kpis">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card kpi skeleton" />
        ))}
      </div>
      <div className="grid-2">
        <div className="card skeleton tall" />
        <div className="card skeleton tall" />
      </div>
    </div>
  );
}
