// Budget: a month's lines (a category or a whole group) with budgeted / spent / available bars and, this month,
// the pace; amounts edited in place, the helpers (copy last month, average of 3/6/12 months, the rest of the year,
// a yearly amount spread), the household's mode, and in envelope mode the money left "To budget". Keyboard first:
// j/k move between lines, e edits, 3/6/y set the average, o covers an overspent envelope from "To budget", [ and ]
// change month, c copies last month, a adds a line.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { api, latestGroupOfKind, must, undoGroup, type BudgetLine, type BudgetMonth } from "../api/client";
import { CategorySelect } from "../components/CategorySelect";
import { Icon } from "../components/Icon";
import { Money } from "../components/Money";
import { formatMonthYear } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { compareAmounts, formatMoney, isNegative, isValidAmount, share, subtract, sumAmounts } from "../lib/money";
import { navigate, useLocation, withQuery } from "../lib/router";
import { groupLines, shiftMonth, totals } from "../lib/planning";
import { useApp } from "../state";

export type Spread = "month" | "rest_of_year" | "year";
const BUDGET_EVENTS = ["budget", "budget_line", "budget_mode"];

async function loadMonth(month: string | null): Promise<BudgetMonth> {
  if (month === null) return must(await api.GET("/api/v1/budgets"));
  return must(await api.GET("/api/v1/budgets/{month}", { params: { path: { month } } }));
}

export function Budget() {
  const { query } = useLocation();
  const { toast } = useApp();
  const asked = query.get("month");
  const { data, error, loading } = useLoad(() => loadMonth(asked), [asked]);
  const [view, setView] = useState<BudgetMonth | null>(null);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const table = useRef<HTMLDivElement>(null);
  const addSelect = useRef<HTMLSelectElement>(null);

  // A write answers with the month as it is now; show that at once, and the next load replaces it.
  useEffect(() => setView(data ?? null), [data]);
  const month = view?.month ?? asked;
  const rows = view ? groupLines(view.categories) : [];
  const order = rows.flatMap((g) => [...(g.line ? [g.line] : []), ...g.children]);

  async function write(label: string, run: () => Promise<BudgetMonth>) {
    try {
      const next = await run();
      setView(next);
      const group = await latestGroupOfKind(BUDGET_EVENTS).catch(() => null);
      ledgerChanged();
      toast({
        text: label,
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

  const go = (to: string) => navigate(withQuery("/budget", { month: to }));
  const copyLast = () =>
    month &&
    void write(
      `Copied ${formatMonthYear(`${shiftMonth(month, -1)}-01`)} into ${formatMonthYear(`${month}-01`)}`,
      async () =>
        must(
          await api.POST("/api/v1/budgets/{month}/copy", {
            params: { path: { month } },
            body: { from: shiftMonth(month, -1) },
          }),
        ),
    );
  const setAmount = (
    line: { category_id: number; category: string },
    amount: string,
    spread: Spread,
    rollover?: boolean,
  ) =>
    month &&
    void write(
      spread === "month"
        ? `Budgeted ${formatMoney(amount, view!.currency)} for ${line.category}`
        : spread === "year"
          ? `Spread ${formatMoney(amount, view!.currency)} a year over ${line.category}`
          : `Budgeted ${formatMoney(amount, view!.currency)} for ${line.category} to December`,
      async () =>
        must(
          await api.PUT("/api/v1/budgets/{month}/categories/{category_id}", {
            params: { path: { month, category_id: line.category_id } },
            body: { amount, spread, ...(rollover === undefined ? {} : { rollover }) },
          }),
        ),
    ).then(() => setEditing(null));
  const average = (line: BudgetLine, months: 3 | 6 | 12) =>
    month &&
    void write(`${line.category}: the average of the last ${months} months`, async () =>
      must(
        await api.POST("/api/v1/budgets/{month}/categories/{category_id}/average", {
          params: { path: { month, category_id: line.category_id } },
          body: { months },
        }),
      ),
    );
  const cover = (line: BudgetLine) =>
    month &&
    void write(`Covered ${line.category}'s overspending from To budget`, async () =>
      must(
        await api.POST("/api/v1/budgets/{month}/categories/{category_id}/cover", {
          params: { path: { month, category_id: line.category_id } },
        }),
      ),
    );
  const setMode = (mode: "tracking" | "envelope") =>
    void write(`Budgeting in ${mode} mode`, async () => {
      must(await api.PUT("/api/v1/budgets/settings/mode", { body: { mode } }));
      return loadMonth(month);
    });

  // Page keys: months and copying; ignored while typing.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (!month) return;
      if (e.key === "[") go(shiftMonth(month, -1));
      else if (e.key === "]") go(shiftMonth(month, 1));
      else if (e.key === "c") copyLast();
      else if (e.key === "a") addSelect.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  function focusLine(index: number) {
    setCurrent(index);
    table.current?.querySelector<HTMLElement>(`[data-line-index="${index}"]`)?.focus();
  }

  function onTableKey(e: KeyboardEvent<HTMLDivElement>) {
    if (editing !== null || (e.target as HTMLElement).tagName === "INPUT") return;
    const line = order[current];
    if (e.key === "j" || e.key === "ArrowDown") focusLine(Math.min(current + 1, order.length - 1));
    else if (e.key === "k" || e.key === "ArrowUp") focusLine(Math.max(current - 1, 0));
    else if (line && e.key === "e") setEditing(line.category_id);
    else if (line && e.key === "3") average(line, 3);
    else if (line && e.key === "6") average(line, 6);
    else if (line && e.key === "y") average(line, 12);
    else if (line && e.key === "o" && view?.mode === "envelope" && isNegative(line.available)) cover(line);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  if (error && !view) return <p className="form-error">Could not load the budget: {error.message}</p>;
  if (!view || !month) return <div className="page" aria-busy="true" aria-label="Loading the budget" />;
  const sums = totals(view.categories);
  const currency = view.currency;

  return (
    <div className="page budget" aria-busy={loading}>
      <header className="page-head">
        <div>
          <h1>Budget</h1>
          <p className="muted">
            {view.mode === "envelope" ? "Envelope: every dollar gets a job" : "Tracking: a limit per category"}
          </p>
        </div>
        <div className="budget-tools">
          <div className="month-picker" role="group" aria-label="Month">
            <button
              type="button"
              className="icon-button"
              aria-label="Previous month"
              aria-keyshortcuts="["
              onClick={() => go(shiftMonth(month, -1))}
            >
              <Icon name="left" />
            </button>
            <label>
              <span className="sr-only">Month</span>
              <input type="month" value={month} onChange={(e) => e.target.value && go(e.target.value)} />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label="Next month"
              aria-keyshortcuts="]"
              onClick={() => go(shiftMonth(month, 1))}
            >
              <Icon name="right" />
            </button>
          </div>
          <div className="segmented" role="radiogroup" aria-label="Budgeting mode">
            {(["tracking", "envelope"] as const).map((mode) => (
              <label key={mode} className={view.mode === mode ? "active" : ""}>
                <input
                  type="radio"
                  name="budget-mode"
                  value={mode}
                  checked={view.mode === mode}
                  onChange={() => setMode(mode)}
                />
                {mode === "tracking" ? "Tracking" : "Envelope"}
              </label>
            ))}
          </div>
          <button type="button" className="button" onClick={copyLast} aria-keyshortcuts="c">
            Copy {formatMonthYear(`${shiftMonth(month, -1)}-01`)}
          </button>
        </div>
      </header>

      <section className="kpis" aria-label="The month's budget">
        {view.mode === "envelope" && view.to_budget !== null && (
          <div className={`card kpi to-budget ${isNegative(view.to_budget) ? "over" : ""}`} data-testid="to-budget">
            <span className="kpi-label">To budget</span>
            <span className="kpi-value">
              <Money amount={view.to_budget} currency={currency} />
            </span>
            <span className="delta muted">
              {isNegative(view.to_budget) ? "more assigned than came in" : "not yet given a job"} · income{" "}
              {formatMoney(view.income, currency)}
            </span>
          </div>
        )}
        <div className="card kpi">
          <span className="kpi-label">Budgeted</span>
          <span className="kpi-value">{formatMoney(sums.budgeted, currency)}</span>
          <span className="delta muted">
            {order.length} line{order.length === 1 ? "" : "s"}
          </span>
        </div>
        <div className="card kpi">
          <span className="kpi-label">Spent</span>
          <span className="kpi-value">{formatMoney(sums.spent, currency)}</span>
          <span className="delta muted">in budgeted categories</span>
        </div>
        <div className="card kpi">
          <span className="kpi-label">Available</span>
          <span className="kpi-value">
            <Money amount={sums.available} currency={currency} />
          </span>
          <span className="delta muted">with what rolled over</span>
        </div>
        {view.mode === "tracking" && (
          <div className="card kpi">
            <span className="kpi-label">Income</span>
            <span className="kpi-value">{formatMoney(view.income, currency)}</span>
            <span className="delta muted">this month</span>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="budget-lines">
        <header className="card-head">
          <h2 id="budget-lines">{formatMonthYear(`${month}-01`)}</h2>
          <span className="muted small kbd-hints">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>e</kbd> edit · <kbd>3</kbd> <kbd>6</kbd> <kbd>y</kbd> average of 3, 6,
            12 months ·
            {view.mode === "envelope" && (
              <>
                {" "}
                <kbd>o</kbd> cover overspending ·
              </>
            )}{" "}
            <kbd>[</kbd> <kbd>]</kbd> month · <kbd>c</kbd> copy last month · <kbd>a</kbd> add
          </span>
        </header>
        {order.length === 0 && (
          <p className="empty">
            Nothing budgeted for this month. Copy last month (<kbd>c</kbd>) or add a line below.
          </p>
        )}
        <div className="budget-table" ref={table} onKeyDown={onTableKey} role="list" aria-label="Budget lines">
          {rows.map((g) => (
            <div key={g.group} className="budget-group" role="presentation">
              {g.line ? (
                <LineRow
                  line={g.line}
                  currency={currency}
                  index={order.indexOf(g.line)}
                  current={order.indexOf(g.line) === current}
                  editing={editing === g.line.category_id}
                  tracking={view.mode === "tracking"}
                  onFocus={setCurrent}
                  onEdit={setEditing}
                  onSave={setAmount}
                  onAverage={average}
                  onCover={view.mode === "envelope" ? cover : undefined}
                  isGroup
                />
              ) : (
                <GroupHead group={g.group} lines={g.children} currency={currency} />
              )}
              {g.children.map((line) => (
                <LineRow
                  key={line.category_id}
                  line={line}
                  currency={currency}
                  index={order.indexOf(line)}
                  current={order.indexOf(line) === current}
                  editing={editing === line.category_id}
                  tracking={view.mode === "tracking"}
                  onFocus={setCurrent}
                  onEdit={setEditing}
                  onSave={setAmount}
                  onAverage={average}
                  onCover={view.mode === "envelope" ? cover : undefined}
                />
              ))}
            </div>
          ))}
        </div>
        <AddLine
          selectRef={addSelect}
          currency={currency}
          onAdd={(id, name, amount, spread) => setAmount({ category_id: id, category: name }, amount, spread)}
        />
      </section>
    </div>
  );
}

function GroupHead({ group, lines, currency }: { group: string; lines: BudgetLine[]; currency: string }) {
  const sums = totals(lines);
  return (
    <div className="budget-row budget-group-head" role="presentation">
      <span className="budget-name">{group}</span>
      <span className="budget-figures muted small">
        {formatMoney(sums.spent, currency)} of {formatMoney(sums.budgeted, currency)}
      </span>
    </div>
  );
}

interface LineProps {
  line: BudgetLine;
  currency: string;
  index: number;
  current: boolean;
  editing: boolean;
  tracking: boolean;
  isGroup?: boolean;
  onFocus: (index: number) => void;
  onEdit: (id: number | null) => void;
  onSave: (line: BudgetLine, amount: string, spread: Spread, rollover?: boolean) => void;
  onAverage: (line: BudgetLine, months: 3 | 6 | 12) => void;
  /** Envelope mode: cover an overspent line from "To budget". */
  onCover?: (line: BudgetLine) => void;
}

/** One line: its name, the bar (spent against what the month holds, the pace's mark), the figures and helpers. */
export function LineRow(props: LineProps) {
  const { line, currency } = props;
  const name = props.isGroup ? line.category : line.category.split("/").slice(1).join("/");
  const holds = sumAmounts([line.budgeted, line.rolled_over]);
  const over = isNegative(line.available);
  const scale = compareAmounts(line.spent, holds) > 0 ? line.spent : holds;
  const spentPct = compareAmounts(scale, "0") > 0 ? share(line.spent, scale) : 0;
  const pace = line.pace;
  const pacePct = pace && compareAmounts(scale, "0") > 0 ? share(pace.budget_to_date, scale) : null;
  const paceOver = pace ? compareAmounts(pace.projected, holds) > 0 : false;
  return (
    <div
      className={`budget-row ${props.current ? "current" : ""} ${props.isGroup ? "is-group" : ""}`}
      role="listitem"
      data-testid="budget-line"
      data-category={line.category}
    >
      <span className="budget-name">
        {name}
        {line.rollover && props.tracking && (
          <span className="badge" title="What is left carries into next month">
            rolls over
          </span>
        )}
      </span>
      <div className="budget-bar" aria-hidden="true">
        <span className={`budget-fill ${over ? "over" : paceOver ? "warn" : ""}`} style={{ width: `${spentPct}%` }} />
        {pacePct !== null && <span className="budget-pace" style={{ left: `${Math.min(pacePct, 100)}%` }} />}
      </div>
      <span className="budget-figures">
        {props.editing ? (
          <AmountEditor
            line={line}
            currency={currency}
            tracking={props.tracking}
            onCancel={() => props.onEdit(null)}
            onSave={(amount, spread, rollover) => props.onSave(line, amount, spread, rollover)}
          />
        ) : (
          <button
            type="button"
            className="cell-button amount-button"
            data-line-index={props.index}
            tabIndex={props.current ? 0 : -1}
            onFocus={() => props.onFocus(props.index)}
            onClick={() => props.onEdit(line.category_id)}
            title={`Edit the budget for ${line.category}`}
          >
            <span className="sr-only">{line.category}: </span>
            <span className="muted small">spent</span> <Money amount={line.spent} currency={currency} />
            <span className="muted small">of</span> <Money amount={line.budgeted} currency={currency} />
          </button>
        )}
      </span>
      <span className={`budget-available ${over ? "money-out" : ""}`}>
        <Money amount={line.available} currency={currency} />
        <span className="muted small">{over ? " over" : " left"}</span>
        {!isZeroString(line.rolled_over) && (
          <span className="muted small rolled">
            {formatMoney(line.rolled_over, currency, { sign: true })} carried in
          </span>
        )}
      </span>
      <span className="budget-helpers">
        {props.onCover && over && (
          <button
            type="button"
            className="button small"
            tabIndex={-1}
            aria-keyshortcuts="o"
            onClick={() => props.onCover!(line)}
          >
            Cover
          </button>
        )}
        {(
          [
            [3, "3"],
            [6, "6"],
            [12, "y"],
          ] as const
        ).map(([months, key]) => (
          <button
            key={months}
            type="button"
            className="button ghost small"
            tabIndex={-1}
            aria-keyshortcuts={key}
            onClick={() => props.onAverage(line, months)}
            title={`Set to the average of the last ${months} months`}
          >
            avg {months}m
          </button>
        ))}
      </span>
      {pace && (
        <span className={`budget-pace-text small ${paceOver ? "warn-text" : "muted"}`} data-testid="pace">
          Day {pace.day} of {pace.days}: {formatMoney(pace.budget_to_date, currency)} so far by plan · at this pace{" "}
          {formatMoney(pace.projected, currency)} by month end
          {paceOver && ` (${formatMoney(subtract(pace.projected, holds), currency)} over)`}
        </span>
      )}
    </div>
  );
}

function isZeroString(amount: string): boolean {
  return compareAmounts(amount, "0") === 0;
}

const SPREADS: { value: Spread; label: string }[] = [
  { value: "month", label: "This month" },
  { value: "rest_of_year", label: "Each month to December" },
  { value: "year", label: "A yearly amount, spread over 12 months" },
];

function AmountEditor(props: {
  line: BudgetLine;
  currency: string;
  tracking: boolean;
  onCancel: () => void;
  onSave: (amount: string, spread: Spread, rollover?: boolean) => void;
}) {
  const [amount, setAmount] = useState(props.line.budgeted);
  const [spread, setSpread] = useState<Spread>("month");
  const [rollover, setRollover] = useState(props.line.rollover);
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const text = amount.trim();
    if (!isValidAmount(text, props.currency) || text.startsWith("-")) {
      setInvalid(true);
      return;
    }
    props.onSave(text, spread, props.tracking && rollover !== props.line.rollover ? rollover : undefined);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      save();
    } else if (e.key === "Escape") {
      e.preventDefault();
      props.onCancel();
    }
    e.stopPropagation();
  };
  return (
    <span className="amount-editor" onKeyDown={onKey}>
      <input
        className="inline-input"
        aria-label={`Budget for ${props.line.category}`}
        inputMode="decimal"
        aria-invalid={invalid}
        value={amount}
        autoFocus
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setAmount(e.target.value);
          setInvalid(false);
        }}
      />
      <select aria-label="Apply to" value={spread} onChange={(e) => setSpread(e.target.value as Spread)}>
        {SPREADS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {props.tracking && (
        <label className="small">
          <input type="checkbox" checked={rollover} onChange={(e) => setRollover(e.target.checked)} /> roll over
        </label>
      )}
      <button type="button" className="button primary small" onClick={save}>
        Save
      </button>
      <button type="button" className="button ghost small" onClick={props.onCancel}>
        Cancel
      </button>
    </span>
  );
}

function AddLine(props: {
  selectRef: React.RefObject<HTMLSelectElement>;
  currency: string;
  onAdd: (id: number, name: string, amount: string, spread: Spread) => void;
}) {
  const { categories } = useApp();
  const [category, setCategory] = useState<number | null>(null);
  const [amount, setAmount] = useState("");
  const [spread, setSpread] = useState<Spread>("month");
  const [invalid, setInvalid] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const chosen = categories.find((c) => c.id === category);
    if (!chosen || !isValidAmount(amount.trim(), props.currency) || amount.trim().startsWith("-")) {
      setInvalid(true);
      return;
    }
    props.onAdd(chosen.id, chosen.path, amount.trim(), spread);
    setAmount("");
    setCategory(null);
  };
  return (
    <form className="inline-form budget-add" aria-label="Add a budget line" onSubmit={submit}>
      <SelectWithRef
        selectRef={props.selectRef}
        categories={categories}
        value={category}
        onChange={(id) => {
          setCategory(id);
          setInvalid(false);
        }}
      />
      <input
        inputMode="decimal"
        placeholder="Amount"
        aria-label="Amount"
        aria-invalid={invalid}
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          setInvalid(false);
        }}
      />
      <select aria-label="Apply to" value={spread} onChange={(e) => setSpread(e.target.value as Spread)}>
        {SPREADS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        <Icon name="plus" size={16} /> Add
      </button>
    </form>
  );
}

/** The category picker with its groups offered too (a budget can hold a whole group), reachable by the `a` key. */
function SelectWithRef(props: {
  selectRef: React.RefObject<HTMLSelectElement>;
  categories: ReturnType<typeof useApp>["categories"];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  return (
    <span
      ref={(el) => {
        (props.selectRef as { current: HTMLSelectElement | null }).current = el?.querySelector("select") ?? null;
      }}
    >
      <CategorySelect
        categories={props.categories}
        value={props.value}
        onChange={props.onChange}
        kind="expense"
        includeGroups
        noneLabel="Budget a category…"
        label="Category to budget"
      />
    </span>
  );
}
