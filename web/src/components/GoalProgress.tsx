// A goal's progress bar: the share of the target saved, toned by whether the goal is on track.
import type { Goal } from "../api/client";
import { formatMoney } from "../lib/money";
import { goalStatus, progressOf } from "../lib/planning";

export function GoalProgress({ goal }: { goal: Goal }) {
  const pct = progressOf(goal);
  const status = goalStatus(goal);
  return (
    <div
      className={`progress goal-progress ${status.tone}`}
      role="progressbar"
      aria-label={`${goal.name}: ${formatMoney(goal.saved, goal.currency)} of ${formatMoney(goal.target, goal.currency)}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}
