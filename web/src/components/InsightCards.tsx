// The dashboard's insights cards: this month's pace against the usual, the financial health score, and the
// anomaly most worth a look. Each loads on its own (the first forecast in a server takes a second or two).
import { api, must } from "../api/client";
import { formatShortDate } from "../lib/dates";
import { useLoad } from "../lib/load";
import { compareAmounts, formatMoney } from "../lib/money";
import { Link } from "../lib/router";

function CardHead({ id, title }: { id: string; title: string }) {
  return (
    <header className="card-head">
      <h2 id={id}>{title}</h2>
      <Link to="/insights" className="muted small">
        Insights →
      </Link>
    </header>
  );
}

export function PaceCard() {
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/insights/forecast")), []);
  const pace = data?.pace;
  const above = pace?.usual_by_today ? compareAmounts(pace.spent, pace.usual_by_today) > 0 : false;
  return (
    <section className="card plan-card" aria-labelledby="pace-card" data-testid="pace-card">
      <CardHead id="pace-card" title="This month's pace" />
      {error && !data && <p className="empty">The forecast could not load.</p>}
      {data && pace && (
        <>
          <p className="plan-summary">
            <span className="money">{formatMoney(pace.spent, data.currency)}</span> spent by day {pace.day}
          </p>
          <p className="small">
            {pace.usual_by_today
              ? `Usually ${formatMoney(pace.usual_by_today, data.currency)} by now: ${above ? "above" : "at or below"} your usual.`
              : "Not enough months yet to say what is usual."}{" "}
            At this pace {formatMoney(pace.projected, data.currency)} by the month's end.
          </p>
          {data.months[0] && (
            <p className="muted small">
              Next month: about {formatMoney(data.months[0].spending, data.currency)} to spend
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function ScoreCard() {
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/insights/health")), []);
  const weakest = (data?.pillars ?? [])
    .filter((p) => p.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  return (
    <section className="card plan-card" aria-labelledby="score-card" data-testid="score-card">
      <CardHead id="score-card" title="Financial health" />
      {error && !data && <p className="empty">The health score could not load.</p>}
      {data && (
        <>
          <p className="plan-summary">
            <span className="money">{data.score ?? "—"}</span>
            {data.score !== null && <span className="muted">/100 · {data.grade}</span>}
            {data.score === null && <span className="muted"> not enough data yet</span>}
          </p>
          {weakest && (
            <p className="small">
              Most room to improve: <strong>{weakest.name.toLowerCase()}</strong> ({weakest.score}).{" "}
              <span className="muted">{weakest.explanation}</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function AnomalyCard() {
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/insights/anomalies")), []);
  const top = data?.[0];
  return (
    <section className="card plan-card" aria-labelledby="anomaly-card" data-testid="anomaly-card">
      <CardHead id="anomaly-card" title="Worth a look" />
      {error && !data && <p className="empty">The anomalies could not load.</p>}
      {data && !top && <p className="empty">Nothing unusual this month.</p>}
      {top && (
        <>
          <p className="plan-summary">
            <strong>{top.payee ?? top.category}</strong>{" "}
            <span className="money">{formatMoney(top.amount, top.currency)}</span>{" "}
            <span className="muted small">{formatShortDate(top.date)}</span>
          </p>
          <p className="small">{top.reasons[0]}</p>
          {data.length > 1 && <p className="muted small">and {data.length - 1} more this month</p>}
        </>
      )}
    </section>
  );
}
