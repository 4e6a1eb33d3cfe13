// Recurring: what the books show coming back (subscriptions and bills, income, transfers), found by detection.
// Alerts (a price went up, a payment is missing, a new subscription), the subscriptions' monthly and yearly cost,
// a calendar of the next 30 or 60 days with each account's lowest balance before payday, and every series, which a
// person can confirm, rename or dismiss. Keys: j/k move, c confirm, r rename, d dismiss.
import { useState, type KeyboardEvent } from "react";
import {
  api,
  latestGroupOfKind,
  must,
  undoGroup,
  type Recurring as Series,
  type Schemas,
  type Upcoming,
} from "../api/client";
import { loadAlerts, loadCalendar, loadSubscriptions, type Alert, type Calendar } from "../lib/recurring";
import { Icon } from "../components/Icon";
import { Money } from "../components/Money";
import { formatDate, formatShortDate, isoDate, today } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { abs, formatMoney, isNegative, sumAmounts } from "../lib/money";
import { Link, withQuery } from "../lib/router";
import { useApp, useCurrency } from "../state";

type Filter = "bills" | "income" | "transfer" | "all";
const FILTERS: { value: Filter; label: string }[] = [
  { value: "bills", label: "Bills & subscriptions" },
  { value: "income", label: "Income" },
  { value: "transfer", label: "Transfers" },
  { value: "all", label: "All, with dismissed" },
];

const CADENCE: Record<Series["cadence"], string> = {
  weekly: "every week",
  biweekly: "every 2 weeks",
  "semi-monthly": "twice a month",
  monthly: "monthly",
  quarterly: "quarterly",
  "semi-annual": "twice a year",
  yearly: "yearly",
};

function parseIso(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The calendar's weeks: Monday to Sunday, from the week holding `start` through the one holding `start + days`. */
export function calendarWeeks(start: string, days: number): string[][] {
  const first = parseIso(start);
  const offset = (first.getDay() + 6) % 7; // Monday = 0
  const cursor = new Date(first.getFullYear(), first.getMonth(), first.getDate() - offset);
  const last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + days);
  const weeks: string[][] = [];
  while (cursor <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(isoDate(cursor));
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

async function loadRecurring(all: boolean, days: number) {
  const [series, calendar, subscriptions, alerts] = await Promise.all([
    api.GET("/api/v1/recurring", { params: { query: { all } } }),
    loadCalendar(days),
    loadSubscriptions(),
    loadAlerts(),
  ]);
  return { series: must(series), calendar, subscriptions, alerts };
}

export function Recurring() {
  const { toast, accounts } = useApp();
  const currency = useCurrency();
  // A card's balance is below zero by nature: only money one holds can "go below zero before payday".
  const belowZero = (a: Calendar["accounts"][number]) =>
    isNegative(a.lowest_balance) && accounts.find((x) => x.name === a.account)?.kind !== "liability";
  const [filter, setFilter] = useState<Filter>("bills");
  const [days, setDays] = useState(30);
  const { data, error } = useLoad(() => loadRecurring(filter === "all", days), [filter === "all", days]);
  const [current, setCurrent] = useState(0);
  const [renaming, setRenaming] = useState<string | null>(null);

  const shown = (data?.series ?? []).filter((s) =>
    filter === "all" ? true : filter === "bills" ? s.kind === "expense" : s.kind === filter,
  );

  async function update(series: Series, body: Schemas["RecurringUpdateIn"], text: string) {
    try {
      must(
        await api.PATCH("/api/v1/recurring/series/{series_id}", { params: { path: { series_id: series.id } }, body }),
      );
      // What a person says about a series is an event like any other write: its toast undoes exactly that.
      const group = await latestGroupOfKind(["recurring_note"]).catch(() => null);
      ledgerChanged();
      toast({
        text,
        tone: "success",
        undo: group
          ? async () => {
              await undoGroup(group);
              ledgerChanged();
            }
          : undefined,
      });
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }
  const confirm = (s: Series) =>
    update(s, { confirmed: !s.confirmed }, s.confirmed ? `${s.payee}: back to detected` : `Confirmed ${s.payee}`);
  const dismiss = (s: Series) =>
    s.status === "dismissed"
      ? update(s, { dismissed: false }, `${s.payee} is back`)
      : update(s, { dismissed: true }, `Dismissed ${s.payee}: it will not be detected again`);
  const end = (s: Series) =>
    s.status === "ended"
      ? update(s, { ended: false }, `${s.payee} is running again`)
      : update(s, { ended: true }, `Ended ${s.payee}: no more payments expected`);
  const rename = (s: Series, name: string) =>
    update(s, { name }, `Renamed ${s.payee} to ${name}`).then(() => setRenaming(null));

  function onKey(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (renaming !== null || (e.target as HTMLElement).tagName === "INPUT") return;
    const series = shown[current];
    const move = (i: number) => {
      setCurrent(i);
      e.currentTarget.querySelectorAll<HTMLElement>("tr")[i]?.focus();
    };
    if (e.key === "j" || e.key === "ArrowDown") move(Math.min(current + 1, shown.length - 1));
    else if (e.key === "k" || e.key === "ArrowUp") move(Math.max(current - 1, 0));
    else if (series && e.key === "c") void confirm(series);
    else if (series && e.key === "d") void dismiss(series);
    else if (series && e.key === "r") setRenaming(series.id);
    else if (series && e.key === "e") void end(series);
    else return;
    e.preventDefault();
  }

  if (error && !data) return <p className="form-error">Could not load the recurring payments: {error.message}</p>;
  if (!data) return <div className="page" aria-busy="true" aria-label="Loading the recurring payments" />;
  const { calendar, subscriptions, alerts } = data;
  const bills = calendar.items.filter((u) => u.kind === "expense");
  const subscriptionIds = new Set(subscriptions.series.map((s) => s.id));
  const income = calendar.items.filter((u) => u.kind === "income");

  return (
    <div className="page recurring">
      <header className="page-head">
        <div>
          <h1>Recurring</h1>
          <p className="muted">Found in your books: subscriptions and bills, income, transfers</p>
        </div>
      </header>

      {alerts.length > 0 && (
        <section className="card alerts" aria-labelledby="alerts">
          <h2 id="alerts">Alerts</h2>
          <ul className="alert-list">
            {alerts.map((a) => (
              <li key={`${a.kind}-${a.series_id}`} className={`alert alert-${a.kind}`} data-testid="alert">
                <span className="badge warn">{ALERT_LABEL[a.kind]}</span>
                <span>{a.message}</span>
                <span className="muted small">{formatDate(a.date)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="kpis" aria-label="Recurring costs">
        <div className="card kpi" data-testid="subscriptions-monthly">
          <span className="kpi-label">Subscriptions a month</span>
          <span className="kpi-value">{formatMoney(subscriptions.monthly_total, subscriptions.currency)}</span>
          <span className="delta muted">
            {subscriptions.series.length} subscriptions
            {subscriptions.other_totals?.map((t) => ` · ${formatMoney(t.monthly_total, t.currency)}`).join("")}
          </span>
        </div>
        <div className="card kpi" data-testid="subscriptions-yearly">
          <span className="kpi-label">Subscriptions a year</span>
          <span className="kpi-value">{formatMoney(subscriptions.yearly_total, subscriptions.currency)}</span>
          <span className="delta muted">at today's prices</span>
        </div>
        <div className="card kpi">
          <span className="kpi-label">Bills in {days} days</span>
          <span className="kpi-value">{formatMoney(abs(sumAmounts(bills.map((b) => b.amount))), currency)}</span>
          <span className="delta muted">{bills.length} payments</span>
        </div>
        <div className="card kpi">
          <span className="kpi-label">Income in {days} days</span>
          <span className="kpi-value">{formatMoney(sumAmounts(income.map((b) => b.amount)), currency)}</span>
          <span className="delta muted">{income.length} expected</span>
        </div>
      </section>

      <section className="card" aria-labelledby="bills-calendar">
        <header className="card-head">
          <h2 id="bills-calendar">Bills calendar</h2>
          <div className="segmented" role="radiogroup" aria-label="Days ahead">
            {[30, 60].map((n) => (
              <label key={n} className={days === n ? "active" : ""}>
                <input type="radio" name="calendar-days" checked={days === n} onChange={() => setDays(n)} />
                {n} days
              </label>
            ))}
          </div>
        </header>
        <BillsCalendar items={calendar.items} days={days} start={today()} />
        {calendar.accounts.length > 0 && (
          <ul className="lowest-balances" aria-label="Lowest balance before the next income">
            {calendar.accounts.map((a) => (
              <li key={a.account} className={belowZero(a) ? "below-zero" : ""} data-testid="lowest">
                <strong>{a.account}</strong>{" "}
                <span className="muted small">
                  now <Money amount={a.balance} currency={a.currency} />
                </span>
                <span>
                  lowest <Money amount={a.lowest_balance} currency={a.currency} />
                  {a.lowest_date && <span className="muted small"> on {formatShortDate(a.lowest_date)}</span>}
                  {a.next_income_date ? (
                    <span className="muted small"> before payday {formatShortDate(a.next_income_date)}</span>
                  ) : (
                    <span className="muted small"> (no income expected)</span>
                  )}
                </span>
                {belowZero(a) && <span className="badge warn">goes below zero</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="series">
        <header className="card-head">
          <h2 id="series">Series</h2>
          <div className="segmented" role="radiogroup" aria-label="Show">
            {FILTERS.map((f) => (
              <label key={f.value} className={filter === f.value ? "active" : ""}>
                <input
                  type="radio"
                  name="series-filter"
                  checked={filter === f.value}
                  onChange={() => {
                    setFilter(f.value);
                    setCurrent(0);
                  }}
                />
                {f.label}
              </label>
            ))}
          </div>
          <span className="muted small kbd-hints">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm · <kbd>r</kbd> rename · <kbd>e</kbd> end ·{" "}
            <kbd>d</kbd> dismiss
          </span>
        </header>
        {shown.length === 0 ? (
          <p className="empty">Nothing recurring of this kind yet: it takes two payments to see a pattern.</p>
        ) : (
          <div className="table-scroll">
            <table className="tx-table series-table">
              <thead>
                <tr>
                  <th>Payee</th>
                  <th>How often</th>
                  <th className="col-amount">Amount</th>
                  <th className="col-amount">A year</th>
                  <th>Next</th>
                  <th>Status</th>
                  <th className="col-actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody onKeyDown={onKey}>
                {shown.map((s, i) => (
                  <SeriesRow
                    key={s.id}
                    series={s}
                    subscription={subscriptionIds.has(s.id)}
                    current={i === current}
                    renaming={renaming === s.id}
                    onFocus={() => setCurrent(i)}
                    onConfirm={() => void confirm(s)}
                    onDismiss={() => void dismiss(s)}
                    onRename={() => setRenaming(s.id)}
                    onEnd={() => void end(s)}
                    onRenamed={(name) => void rename(s, name)}
                    onCancel={() => setRenaming(null)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

const ALERT_LABEL: Record<Alert["kind"], string> = {
  price_increase: "Price up",
  missed: "Missed",
  new_subscription: "New",
};

function SeriesRow(props: {
  series: Series;
  /** One of the subscriptions (the rest of the expenses are bills). */
  subscription: boolean;
  current: boolean;
  renaming: boolean;
  onFocus: () => void;
  onConfirm: () => void;
  onDismiss: () => void;
  onRename: () => void;
  onEnd: () => void;
  onRenamed: (name: string) => void;
  onCancel: () => void;
}) {
  const s = props.series;
  const [name, setName] = useState(s.payee);
  return (
    <tr
      className={props.current ? "selected" : ""}
      tabIndex={props.current ? 0 : -1}
      onFocus={props.onFocus}
      data-testid="series"
      data-status={s.status}
    >
      <td>
        {props.renaming ? (
          <input
            className="inline-input"
            aria-label={`New name for ${s.payee}`}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && name.trim()) props.onRenamed(name.trim());
              else if (e.key === "Escape") props.onCancel();
              e.stopPropagation();
            }}
          />
        ) : (
          <Link to={withQuery("/transactions", { q: s.payee })} className="series-payee">
            <span className="payee">{s.payee}</span>
            {s.confirmed && <Icon name="check" size={14} label="confirmed" />}
            {props.subscription && <span className="badge">subscription</span>}
          </Link>
        )}
        <span className="muted small">
          {s.category ?? (s.kind === "transfer" ? "Transfer" : "Uncategorized")} · {s.account}
        </span>
      </td>
      <td>
        {CADENCE[s.cadence]}
        <span className="muted small"> · {s.count} times</span>
      </td>
      <td className="col-amount">
        <Money amount={s.amount} currency={s.currency} signed transfer={s.kind === "transfer"} />
        {s.previous_amount && s.price_changed_on && (
          <span className="muted small price-change" data-testid="price-change">
            {formatMoney(abs(s.previous_amount), s.currency)} → {formatMoney(abs(s.amount), s.currency)} since{" "}
            {formatShortDate(s.price_changed_on)}
          </span>
        )}
      </td>
      <td className="col-amount">
        <Money amount={s.yearly_cost} currency={s.currency} transfer={s.kind === "transfer"} />
      </td>
      <td>
        {formatShortDate(s.next_date)}
        <span className="muted small"> last {formatShortDate(s.last_date)}</span>
      </td>
      <td>
        <span className={`badge ${s.status === "late" ? "warn" : s.status === "active" ? "ok" : ""}`}>{s.status}</span>
      </td>
      <td className="col-actions series-actions">
        <button
          type="button"
          className="button ghost small"
          tabIndex={-1}
          aria-keyshortcuts="c"
          onClick={props.onConfirm}
        >
          {s.confirmed ? "Unconfirm" : "Confirm"}
        </button>
        <button
          type="button"
          className="button ghost small"
          tabIndex={-1}
          aria-keyshortcuts="r"
          onClick={props.onRename}
        >
          Rename
        </button>
        {s.kind === "expense" && (
          <button
            type="button"
            className="button ghost small"
            tabIndex={-1}
            aria-keyshortcuts="e"
            onClick={props.onEnd}
          >
            {s.status === "ended" ? "Not ended" : "End"}
          </button>
        )}
        <button
          type="button"
          className="button ghost small danger"
          tabIndex={-1}
          aria-keyshortcuts="d"
          onClick={props.onDismiss}
        >
          {s.status === "dismissed" ? "Restore" : "Dismiss"}
        </button>
      </td>
    </tr>
  );
}

/** The next days as weeks of seven, each day with what is expected on it (a day before today is dimmed). */
export function BillsCalendar({ items, days, start }: { items: Upcoming[]; days: number; start: string }) {
  const byDay = new Map<string, Upcoming[]>();
  for (const item of items) byDay.set(item.date, [...(byDay.get(item.date) ?? []), item]);
  const end = isoDate(new Date(parseIso(start).getTime() + days * 86400000));
  const weeks = calendarWeeks(start, days);
  return (
    <div className="bills-calendar" role="table" aria-label={`Expected payments, the next ${days} days`}>
      <div className="calendar-row calendar-head" role="row">
        {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
          <span key={d} role="columnheader">
            {d}
          </span>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="calendar-row" role="row">
          {week.map((day) => {
            const due = byDay.get(day) ?? [];
            const outside = day < start || day > end;
            const first = day.endsWith("-01") || day === week[0] || day === start;
            return (
              <div
                key={day}
                role="cell"
                className={`calendar-day ${outside ? "outside" : ""} ${day === start ? "today" : ""}`}
                data-date={day}
              >
                <span className="calendar-date">{first ? formatShortDate(day) : Number(day.slice(8))}</span>
                {due.map((u) => (
                  <span key={u.id} className={`calendar-item kind-${u.kind}`} title={`${u.payee} · ${u.account}`}>
                    <span className="calendar-payee">{u.payee}</span>
                    <Money amount={u.amount} currency={u.currency} transfer={u.kind === "transfer"} signed />
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
