// Hand-made charts (no chart library in the bundle): HTML bars sized by their share of the largest figure, each
// one a link to the transactions behind it.
import { Link } from "../lib/router";
import { formatMonthKey } from "../lib/dates";
import { abs, compareAmounts, formatMoney, formatMoneyShort, share } from "../lib/money";

export interface Bar {
  key: string;
  label: string;
  amount: string;
  href: string;
  count?: number;
}

const PALETTE = ["#0f766e", "#2563eb", "#d97706", "#7c3aed", "#db2777", "#059669", "#dc2626", "#0891b2", "#65a30d"];

function maxOf(amounts: string[]): string {
  let max = "0";
  for (const a of amounts) {
    const size = abs(a);
    if (compareAmounts(size, max) > 0) max = size;
  }
  return max;
}

export function CategoryBars({ bars, currency }: { bars: Bar[]; currency: string }) {
  if (bars.length === 0) return <p className="empty">No spending in this period yet.</p>;
  const max = maxOf(bars.map((b) => b.amount));
  return (
    <ul className="hbars">
      {bars.map((bar, i) => (
        <li key={bar.key}>
          <Link to={bar.href} className="hbar" aria-label={`${bar.label}: ${formatMoney(bar.amount, currency)}`}>
            <span className="hbar-label">
              <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
              {bar.label}
            </span>
            <span className="hbar-value">{formatMoney(bar.amount, currency)}</span>
            <span className="hbar-track" aria-hidden="true">
              <span
                className="hbar-fill"
                style={{ width: `${Math.max(share(bar.amount, max), 1)}%`, background: PALETTE[i % PALETTE.length] }}
              />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export interface MonthFlow {
  key: string; // "2026-03"
  income: string;
  expenses: string;
  net: string;
  href: string;
}

export function CashFlowChart({ months, currency }: { months: MonthFlow[]; currency: string }) {
  if (months.length === 0) return <p className="empty">No income or spending in the last twelve months yet.</p>;
  const max = maxOf(months.flatMap((m) => [m.income, m.expenses]));
  return (
    <div className="cashflow">
      <div className="cashflow-axis" aria-hidden="true">
        <span>{formatMoneyShort(max, currency)}</span>
        <span>{formatMoneyShort("0", currency)}</span>
      </div>
      <ol className="cashflow-months">
        {months.map((m) => (
          <li key={m.key}>
            <Link
              to={m.href}
              className="cashflow-month"
              aria-label={`${formatMonthKey(m.key)}: income ${formatMoney(m.income, currency)}, spending ${formatMoney(m.expenses, currency)}, net ${formatMoney(m.net, currency)}`}
              title={`Net ${formatMoney(m.net, currency, { sign: true })}`}
            >
              <span className="cashflow-bars" aria-hidden="true">
                <span className="bar-in" style={{ height: `${share(m.income, max)}%` }} />
                <span className="bar-out" style={{ height: `${share(m.expenses, max)}%` }} />
              </span>
              <span className="cashflow-label" aria-hidden="true">
                {formatMonthKey(m.key)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      <p className="legend" aria-hidden="true">
        <span className="swatch bar-in" /> Income <span className="swatch bar-out" /> Spending
      </p>
    </div>
  );
}
