// Savings goals: each with its progress (saved of target), what is left, the monthly amount the date needs and
// whether the last three months' pace makes it; a new goal (linked accounts or contributions), a contribution,
// a removal with its undo. Keys: j/k move between goals, c contributes to the current one, a adds a goal.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { api, latestGroupOfKind, must, undoGroup, type Goal } from "../api/client";
import { Icon } from "../components/Icon";
import { Money } from "../components/Money";
import { formatDate } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { compareAmounts, formatMoney, isValidAmount } from "../lib/money";
import { GoalProgress } from "../components/GoalProgress";
import { goalStatus } from "../lib/planning";
import { useApp, useCurrency } from "../state";

export function Goals() {
  const { toast } = useApp();
  const { data, error } = useLoad(async () => must(await api.GET("/api/v1/goals")), []);
  const [current, setCurrent] = useState(0);
  const [contributing, setContributing] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const goals = data ?? [];

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "a") {
        e.preventDefault();
        nameInput.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  async function withUndo(text: string, write: () => Promise<unknown>) {
    try {
      await write();
      const group = await latestGroupOfKind(["goal", "goal_contribution"]).catch(() => null);
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
      return true;
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
      return false;
    }
  }

  const contribute = (goal: Goal, amount: string) =>
    withUndo(`Put ${formatMoney(amount, goal.currency)} towards ${goal.name}`, async () =>
      must(
        await api.POST("/api/v1/goals/{goal_id}/contributions", {
          params: { path: { goal_id: goal.id } },
          body: { amount },
        }),
      ),
    ).then((ok) => ok && setContributing(null));
  const remove = (goal: Goal) =>
    withUndo(`Removed the goal ${goal.name}`, async () =>
      api.DELETE("/api/v1/goals/{goal_id}", { params: { path: { goal_id: goal.id } } }),
    );

  function onKey(e: KeyboardEvent<HTMLUListElement>) {
    if (contributing !== null || (e.target as HTMLElement).tagName === "INPUT") return;
    const goal = goals[current];
    const move = (i: number) => {
      setCurrent(i);
      list.current?.querySelectorAll<HTMLElement>(".goal-card")[i]?.focus();
    };
    if (e.key === "j" || e.key === "ArrowDown") move(Math.min(current + 1, goals.length - 1));
    else if (e.key === "k" || e.key === "ArrowUp") move(Math.max(current - 1, 0));
    else if (goal && e.key === "c" && goal.accounts.length === 0) setContributing(goal.id);
    else return;
    e.preventDefault();
  }

  return (
    <div className="page goals">
      <header className="page-head">
        <div>
          <h1>Savings goals</h1>
          <p className="muted">Saved so far, what the date needs each month, and whether the pace makes it</p>
        </div>
        <span className="muted small kbd-hints">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> contribute · <kbd>a</kbd> add a goal
        </span>
      </header>
      {error && !data && <p className="form-error">Could not load the goals: {error.message}</p>}
      {data && goals.length === 0 && (
        <p className="card empty">No goals yet. Add one below: a trip, a cushion, a car.</p>
      )}
      {goals.length > 0 && (
        <ul className="goal-list" ref={list} onKeyDown={onKey} aria-label="Goals">
          {goals.map((goal, i) => (
            <li
              key={goal.id}
              className={`card goal-card ${i === current ? "current" : ""}`}
              tabIndex={i === current ? 0 : -1}
              onFocus={() => setCurrent(i)}
              data-testid="goal"
              aria-label={goal.name}
            >
              <GoalCard
                goal={goal}
                contributing={contributing === goal.id}
                onContribute={() => setContributing(goal.id)}
                onCancel={() => setContributing(null)}
                onSave={(amount) => void contribute(goal, amount)}
                onRemove={() => void remove(goal)}
              />
            </li>
          ))}
        </ul>
      )}
      <AddGoal nameRef={nameInput} onAdded={(name) => withUndo(`Added the goal ${name}`, async () => undefined)} />
    </div>
  );
}

function GoalCard(props: {
  goal: Goal;
  contributing: boolean;
  onContribute: () => void;
  onCancel: () => void;
  onSave: (amount: string) => void;
  onRemove: () => void;
}) {
  const { goal } = props;
  const status = goalStatus(goal);
  const [amount, setAmount] = useState("");
  const [invalid, setInvalid] = useState(false);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = amount.trim();
    if (!isValidAmount(text, goal.currency) || compareAmounts(text, "0") <= 0) {
      setInvalid(true);
      return;
    }
    props.onSave(text);
  };
  return (
    <>
      <header className="card-head">
        <h2>{goal.name}</h2>
        <span className={`badge ${status.tone}`}>{status.label}</span>
      </header>
      <p className="goal-amounts">
        <Money amount={goal.saved} currency={goal.currency} className="goal-saved" />
        <span className="muted"> of {formatMoney(goal.target, goal.currency)}</span>
      </p>
      <GoalProgress goal={goal} />
      <dl className="goal-facts">
        <div>
          <dt>Left</dt>
          <dd>{formatMoney(goal.remaining, goal.currency)}</dd>
        </div>
        <div>
          <dt>By</dt>
          <dd>{goal.by ? formatDate(goal.by) : "—"}</dd>
        </div>
        <div>
          <dt>Needs a month</dt>
          <dd>{goal.monthly_needed !== null ? formatMoney(goal.monthly_needed, goal.currency) : "—"}</dd>
        </div>
        <div>
          <dt>Pace a month</dt>
          <dd>
            <Money amount={goal.pace} currency={goal.currency} />
          </dd>
        </div>
        <div>
          <dt>At this pace</dt>
          <dd>{goal.projected_date ? formatDate(goal.projected_date) : "not reached"}</dd>
        </div>
      </dl>
      <p className="muted small">
        {goal.accounts.length > 0
          ? `Progress is the balance of ${goal.accounts.join(", ")}`
          : "Progress is what you put aside here"}
      </p>
      {props.contributing ? (
        <form
          className="inline-form"
          aria-label={`Contribute to ${goal.name}`}
          onSubmit={save}
          onKeyDown={(e) => e.key === "Escape" && props.onCancel()}
        >
          <input
            inputMode="decimal"
            aria-label="Amount to put aside"
            placeholder="Amount"
            autoFocus
            aria-invalid={invalid}
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setInvalid(false);
            }}
          />
          <button type="submit" className="button primary small">
            Put aside
          </button>
          <button type="button" className="button ghost small" onClick={props.onCancel}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="form-actions">
          {goal.accounts.length === 0 && (
            <button type="button" className="button small" onClick={props.onContribute} aria-keyshortcuts="c">
              <Icon name="plus" size={14} /> Contribute
            </button>
          )}
          <button type="button" className="button ghost small danger" onClick={props.onRemove}>
            Remove
          </button>
        </div>
      )}
    </>
  );
}

function AddGoal({
  nameRef,
  onAdded,
}: {
  nameRef: React.RefObject<HTMLInputElement>;
  onAdded: (name: string) => Promise<boolean>;
}) {
  const { accounts, toast } = useApp();
  const currency = useCurrency();
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [by, setBy] = useState("");
  const [linked, setLinked] = useState<number[]>([]);
  const [error, setError] = useState("");
  const money = accounts.filter((a) => (a.kind === "asset" || a.kind === "liability") && !a.archived);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    if (!isValidAmount(target.trim(), currency) || compareAmounts(target.trim(), "0") <= 0) {
      setError("The target is an amount above zero.");
      return;
    }
    try {
      must(
        await api.POST("/api/v1/goals", {
          body: { name: name.trim(), target: target.trim(), by: by || null, accounts: linked },
        }),
      );
      await onAdded(name.trim());
      setName("");
      setTarget("");
      setBy("");
      setLinked([]);
    } catch (err) {
      setError((err as Error).message);
      toast({ text: (err as Error).message, tone: "error" });
    }
  };
  return (
    <section className="card" aria-labelledby="new-goal">
      <h2 id="new-goal">New goal</h2>
      <form className="inline-form goal-form" aria-label="New goal" onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input
            ref={nameRef}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Trip fund"
          />
        </label>
        <label>
          Target
          <input
            inputMode="decimal"
            required
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="3000"
          />
        </label>
        <label>
          By (optional)
          <input type="date" value={by} onChange={(e) => setBy(e.target.value)} />
        </label>
        <fieldset className="goal-accounts">
          <legend>Progress from (none: contributions)</legend>
          {money.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={linked.includes(a.id)}
                onChange={(e) => setLinked((l) => (e.target.checked ? [...l, a.id] : l.filter((x) => x !== a.id)))}
              />
              {a.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary">
          Add goal
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
