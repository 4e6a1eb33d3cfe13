// Insights: the month in a few sentences, then the forecast of the months ahead, drawn with its 80% band after the last twelve months, the spending
// method's backtest predictions over the months it was tested on (so you see how close it came), how each series'
// method did against the 3-month mean, this month's pace and each account's lowest projected balance.
// Then this month's anomalies with their reasons ("That's fine" dismisses one), the financial health score: a gauge, its pillars with their sentences, and the past months' scores.
// Keys: 3, 6 and y show 3, 6 or 12 months ahead.
import { useEffect, useState } from "react";
import { api, latestGroupOfKind, must, undoGroup, type Schemas } from "../api/client";
import { Money } from "../components/Money";
import { formatMonthKey, formatShortDate } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { compareAmounts, formatMoney, formatMoneyShort, isNegative, share } from "../lib/money";
import { useApp } from "../state";

type Forecast = Schemas["ForecastOut"];
type Health = Schemas["HealthOut"];
type Anomaly = Schemas["AnomalyOut"];

/** This month's anomalies, highest score first, each with its reasons; "That's fine" dismisses one (undoable). */
function AnomalyCard({ anomalies }: { anomalies: Anomaly[] }) {
  const { toast } = useApp();
  async function dismiss(one: Anomaly) {
    try {
      must(
        await api.POST("/api/v1/insights/anomalies/{anomaly_id}/dismiss", {
          params: { path: { anomaly_id: one.id } },
        }),
      );
      const group = await latestGroupOfKind(["anomaly_dismissal"]).catch(() => null);
      ledgerChanged();
      toast({
        text: `${one.payee ?? one.category ?? "That"} will not be flagged again`,
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
  return (
    <section className="card" aria-labelledby="anomalies" data-testid="anomalies">
      <header className="card-head">
        <h2 id="anomalies">Worth a look this month</h2>
        <span className="muted small">far above the usual, new payees, double charges, price changes</span>
      </header>
      {anomalies.length === 0 ? (
        <p className="empty">Nothing unusual this month: every charge is within what its payee usually costs.</p>
      ) : (
        <ul className="anomaly-list">
          {anomalies.map((a) => (
            <li key={a.id} data-testid="anomaly">
              <div>
                <strong>{a.payee ?? a.category}</strong>{" "}
                <span className="muted small">
                  {formatShortDate(a.date)}
                  {a.account ? ` · ${a.account}` : ""}
                </span>
                <ul className="reasons">
                  {a.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
              <Money amount={a.amount} currency={a.currency} />
              <button type="button" className="button ghost small" onClick={() => void dismiss(a)}>
                That's fine
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
type HealthHistory = Schemas["HealthHistoryOut"];

/** The score as a ring (its share of 100) with the grade inside, the pillars as bars, and the past months' scores. */
function HealthCard({ health, history }: { health: Health; history: HealthHistory }) {
  const score = health.score ?? 0;
  const circumference = 2 * Math.PI * 42;
  const points = history.months.filter((m) => m.score !== null);
  return (
    <section className="card health" aria-labelledby="health-score" data-testid="health">
      <header className="card-head">
        <h2 id="health-score">Financial health</h2>
        <span className="muted small">{formatMonthKey(health.month)}, as of today</span>
      </header>
      <div className="health-body">
        <figure
          className="health-gauge"
          aria-label={health.score === null ? "Not enough data yet" : `${score} out of 100, grade ${health.grade}`}
        >
          <svg viewBox="0 0 100 100" aria-hidden="true">
            <circle cx="50" cy="50" r="42" className="gauge-track" />
            <circle
              cx="50"
              cy="50"
              r="42"
              className={`gauge-fill grade-${(health.grade ?? "none").replace("+", "plus")}`}
              strokeDasharray={`${(circumference * score) / 100} ${circumference}`}
              transform="rotate(-90 50 50)"
            />
            <text x="50" y="48" textAnchor="middle" className="gauge-score">
              {health.score ?? "—"}
            </text>
            <text x="50" y="66" textAnchor="middle" className="gauge-grade">
              {health.grade ?? "not enough data"}
            </text>
          </svg>
        </figure>
        <ul className="pillars">
          {health.pillars.map((p) => (
            <li key={p.key} data-testid="pillar">
              <span className="pillar-name">{p.name}</span>
              <span className="pillar-score">{p.score ?? "—"}</span>
              <span className="pillar-bar" aria-hidden="true">
                <span style={{ width: `${p.score ?? 0}%` }} />
              </span>
              <span className="pillar-why muted small">{p.explanation}</span>
            </li>
          ))}
        </ul>
      </div>
      {points.length > 1 && (
        <ol className="health-history" aria-label="The score of each past month">
          {points.map((m) => (
            <li key={m.month} title={`${formatMonthKey(m.month)}: ${m.score} (${m.grade})`}>
              <span className="history-bar" style={{ height: `${m.score}%` }} />
              <span className="history-label">{formatMonthKey(m.month).split(" ")[0]}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const METHOD: Record<string, string> = {
  average: "plain average",
  mean_3: "mean of the last 3 months",
  weighted_6: "weighted 6 months",
  seasonal_naive: "same month last year",
  ses: "exponential smoothing",
  theta: "Theta",
  holt_winters: "Holt-Winters",
};

const SERIES_NAME = (name: string) =>
  name === "income" ? "Income" : name === "spending" ? "Spending" : name.replace(/^spending:/, "");

function largest(amounts: string[]): string {
  return amounts.reduce((max, a) => (compareAmounts(a, max) > 0 ? a : max), "0");
}

/** The last months' spending as bars, the backtest's predictions as a dashed line over them, then the months ahead
 * with their band: bars in a lighter tone, the band as a shaded column from low to high. */
function ForecastChart({ forecast }: { forecast: Forecast }) {
  const { months, currency, pace } = forecast;
  const history = forecast.history ?? [];
  const max = largest([
    ...history.map((h) => h.spending),
    ...history.map((h) => h.spending_predicted ?? "0"),
    ...months.map((m) => m.spending_high),
    pace.projected,
  ]);
  // This month sits between the last complete one and the forecast: spent so far, and where its pace ends.
  const now = history.length;
  const slots = history.length + 1 + months.length;
  if (slots === 0) return <p className="empty">Nothing to draw yet.</p>;
  const width = 720;
  const height = 220;
  const step = width / slots;
  const y = (amount: string) => height - (share(amount, max) / 100) * height;
  const predicted = history
    .map((h, i) => (h.spending_predicted ? `${i * step + step / 2},${y(h.spending_predicted)}` : null))
    .filter((p): p is string => p !== null);
  const label = (key: string) => formatMonthKey(key).split(" ")[0];
  return (
    <figure className="forecast-chart">
      <svg viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-label="Spending: the last months and the forecast">
        {history.map((h, i) => (
          <rect
            key={h.month}
            className="fc-actual"
            x={i * step + step * 0.2}
            width={step * 0.6}
            y={y(h.spending)}
            height={height - y(h.spending)}
          >
            <title>{`${formatMonthKey(h.month)}: ${formatMoney(h.spending, currency)} spent${
              h.spending_predicted ? `, ${formatMoney(h.spending_predicted, currency)} predicted` : ""
            }`}</title>
          </rect>
        ))}
        <g data-testid="this-month">
          <rect
            className="fc-pace"
            x={now * step + step * 0.2}
            width={step * 0.6}
            y={y(pace.projected)}
            height={height - y(pace.projected)}
          />
          <rect
            className="fc-actual fc-so-far"
            x={now * step + step * 0.2}
            width={step * 0.6}
            y={y(pace.spent)}
            height={height - y(pace.spent)}
          >
            <title>{`${formatMonthKey(pace.month)} so far: ${formatMoney(pace.spent, currency)}; at this pace ${formatMoney(
              pace.projected,
              currency,
            )}`}</title>
          </rect>
        </g>
        {months.map((m, j) => {
          const i = history.length + 1 + j;
          return (
            <g key={m.month}>
              <rect
                className="fc-band"
                x={i * step + step * 0.1}
                width={step * 0.8}
                y={y(m.spending_high)}
                height={Math.max(y(m.spending_low) - y(m.spending_high), 1)}
              />
              <rect
                className="fc-ahead"
                x={i * step + step * 0.3}
                width={step * 0.4}
                y={y(m.spending)}
                height={height - y(m.spending)}
              >
                <title>{`${formatMonthKey(m.month)}: ${formatMoney(m.spending, currency)} expected (80%: ${formatMoney(
                  m.spending_low,
                  currency,
                )} to ${formatMoney(m.spending_high, currency)})`}</title>
              </rect>
            </g>
          );
        })}
        {predicted.length > 1 && <polyline className="fc-backtest" points={predicted.join(" ")} />}
        {[...history.map((h) => h.month), pace.month, ...months.map((m) => m.month)].map((key, i) => (
          <text key={key} x={i * step + step / 2} y={height + 16} textAnchor="middle" className="fc-label">
            {label(key)}
          </text>
        ))}
        <line x1={(now + 1) * step} x2={(now + 1) * step} y1={0} y2={height} className="fc-now" />
      </svg>
      <figcaption className="legend fc-legend">
        <span>
          <span className="swatch fc-actual" /> Spent
        </span>
        <span>
          <span className="swatch fc-pace" /> This month at its pace
        </span>
        <span title="What the method predicted for each month from the months before it">
          <span className="swatch fc-backtest" /> Backtest
        </span>
        <span>
          <span className="swatch fc-ahead" /> Forecast
        </span>
        <span>
          <span className="swatch fc-band" /> 80% band
        </span>
        <span className="muted small">top: {formatMoneyShort(max, currency)}</span>
      </figcaption>
    </figure>
  );
}

export function Insights() {
  const { accounts } = useApp();
  const [months, setMonths] = useState(3);
  const { data, error } = useLoad(
    async () => must(await api.GET("/api/v1/insights/forecast", { params: { query: { months } } })),
    [months],
  );
  const anomalies = useLoad(async () => must(await api.GET("/api/v1/insights/anomalies")), []);
  const words = useLoad(async () => must(await api.GET("/api/v1/insights/text")), []);
  const health = useLoad(async () => {
    const [score, history] = await Promise.all([
      api.GET("/api/v1/insights/health"),
      api.GET("/api/v1/insights/health/history"),
    ]);
    return { score: must(score), history: must(history) };
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      const wanted = { "3": 3, "6": 6, y: 12 }[e.key];
      if (wanted) {
        e.preventDefault();
        setMonths(wanted);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (error && !data) return <p className="form-error">Could not load the forecast: {error.message}</p>;
  if (!data) return <div className="page" aria-busy="true" aria-label="Loading the forecast" />;
  const { currency, pace } = data;
  const next = data.months[0];
  const spending = data.series.find((s) => s.name === "spending");
  const lowest = data.balances.find((b) => accounts.find((a) => a.name === b.account)?.kind !== "liability");

  return (
    <div className="page insights">
      <header className="page-head">
        <div>
          <h1>Insights</h1>
          <p className="muted">What is coming, from your own history, with how far to trust it</p>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Months ahead">
          {[3, 6, 12].map((n) => (
            <label key={n} className={months === n ? "active" : ""}>
              <input type="radio" name="forecast-months" checked={months === n} onChange={() => setMonths(n)} />
              {n} months
            </label>
          ))}
        </div>
      </header>

      {words.data && words.data.length > 0 && (
        <section className="card" aria-labelledby="month-in-words" data-testid="month-in-words">
          <h2 id="month-in-words">This month in a few words</h2>
          <ul className="insight-list">
            {words.data.map((one) => (
              <li key={one.kind + one.title} className={`insight insight-${one.kind}`}>
                {one.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="kpis" aria-label="The forecast at a glance">
        {next && (
          <div className="card kpi" data-testid="next-spending">
            <span className="kpi-label">Spending next month ({formatMonthKey(next.month)})</span>
            <span className="kpi-value">{formatMoney(next.spending, currency)}</span>
            <span className="delta muted">
              80%: {formatMoney(next.spending_low, currency)} – {formatMoney(next.spending_high, currency)}
            </span>
          </div>
        )}
        {next && (
          <div className="card kpi" data-testid="next-net">
            <span className="kpi-label">Net in {formatMonthKey(next.month)}</span>
            <span className={`kpi-value ${isNegative(next.net) ? "negative" : ""}`}>
              {formatMoney(next.net, currency, { sign: true })}
            </span>
            <span className="delta muted">{formatMoney(next.income, currency)} coming in</span>
          </div>
        )}
        <div className="card kpi" data-testid="pace">
          <span className="kpi-label">This month so far</span>
          <span className="kpi-value">{formatMoney(pace.spent, currency)}</span>
          <span className="delta muted">
            {pace.usual_by_today ? `usually ${formatMoney(pace.usual_by_today, currency)} by day ${pace.day}; ` : ""}
            at this pace {formatMoney(pace.projected, currency)}
          </span>
        </div>
        {lowest && (
          <div className={`card kpi ${isNegative(lowest.lowest) ? "below-zero" : ""}`} data-testid="lowest">
            <span className="kpi-label">Lowest {lowest.account}</span>
            <span className="kpi-value">{formatMoney(lowest.lowest, lowest.currency)}</span>
            <span className="delta muted">on {formatShortDate(lowest.lowest_date)}</span>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="forecast-chart">
        <header className="card-head">
          <h2 id="forecast-chart">Spending, and the months ahead</h2>
          {spending?.mae && spending.baseline_mae && (
            <span className="muted small">
              {METHOD[spending.method] ?? spending.method}: off by {formatMoney(spending.mae, currency)} a month on
              average, against {formatMoney(spending.baseline_mae, currency)} for the 3-month mean
            </span>
          )}
        </header>
        <ForecastChart forecast={data} />
        <div className="table-scroll" tabIndex={0} role="region" aria-label="The months ahead">
          <table className="simple-table forecast-months" data-testid="forecast-months">
            <thead>
              <tr>
                <th>Month</th>
                <th className="num">Income</th>
                <th className="num">Spending</th>
                <th className="num">80% band</th>
                <th className="num">Net</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr key={m.month}>
                  <td>{formatMonthKey(m.month)}</td>
                  <td className="num">
                    <Money amount={m.income} currency={currency} />
                  </td>
                  <td className="num">
                    <Money amount={m.spending} currency={currency} />
                    {m.scheduled_spending !== "0.00" && (
                      <span className="muted small"> ({formatMoney(m.scheduled_spending, currency)} scheduled)</span>
                    )}
                  </td>
                  <td className="num muted">
                    {formatMoney(m.spending_low, currency)} – {formatMoney(m.spending_high, currency)}
                  </td>
                  <td className="num">
                    <Money amount={m.net} currency={currency} signed />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {anomalies.data && <AnomalyCard anomalies={anomalies.data} />}

      {health.data && <HealthCard health={health.data.score} history={health.data.history} />}

      <section className="card" aria-labelledby="forecast-trust">
        <header className="card-head">
          <h2 id="forecast-trust">How far to trust it</h2>
          <span className="muted small">each series' best method on its own backtest, one month ahead</span>
        </header>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Each series' method and error">
          <table className="simple-table" data-testid="forecast-series">
            <thead>
              <tr>
                <th>Series</th>
                <th>Method</th>
                <th className="num">Its error</th>
                <th className="num">3-month mean's</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.series.map((s) => {
                const better = s.mae !== null && s.baseline_mae !== null && compareAmounts(s.mae, s.baseline_mae) < 0;
                return (
                  <tr key={s.name}>
                    <td>{SERIES_NAME(s.name)}</td>
                    <td>{METHOD[s.method] ?? s.method}</td>
                    <td className="num">{s.mae !== null ? formatMoney(s.mae, currency) : "—"}</td>
                    <td className="num muted">
                      {s.baseline_mae !== null ? formatMoney(s.baseline_mae, currency) : "—"}
                    </td>
                    <td className="muted small">
                      {s.note ?? (better ? <span className="badge ok">beats the mean</span> : "as good as the mean")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
