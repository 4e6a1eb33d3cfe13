// Transactions: filters kept in the URL, keyset paging ("Load more" and on scroll), inline edit of payee,
// category and amount, bulk recategorize, splits, and an undo toast after every change.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { api, latestGroupOf, must, undoGroup, type Category, type Transaction } from "../api/client";
import type { components } from "../api/schema";
import { CategorySelect } from "../components/CategorySelect";
import { Icon } from "../components/Icon";
import { Modal } from "../components/Modal";
import { Money } from "../components/Money";
import { formatDate, formatRowDate, isoDate, monthOf, today } from "../lib/dates";
import { ledgerChanged, useLedgerVersion } from "../lib/load";
import { abs, compareAmounts, formatMoney, fromUnits, isDecimal, isValidAmount, scaleOf, toUnits } from "../lib/money";
import { navigate, useLocation, withQuery } from "../lib/router";
import { useApp } from "../state";

// measure, payee and currency (with start, end, account and category) are a figure's QuerySpec: the page then
// lists exactly the transactions behind that figure, as the assistant's "See these N transactions" opens it.
const FILTER_KEYS = [
  "start",
  "end",
  "account",
  "category",
  "q",
  "min_amount",
  "max_amount",
  "type",
  "measure",
  "payee",
  "currency",
] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;
type TxType = "expense" | "income" | "transfer" | "split" | "opening";
type Measure = "spending" | "income" | "net";
type TransactionPage = components["schemas"]["TransactionPage"];
type Figure = NonNullable<TransactionPage["figure"]>;

function periods(): { label: string; start: string; end: string }[] {
  const day = today();
  const year = day.slice(0, 4);
  const d90 = new Date();
  d90.setDate(d90.getDate() - 89);
  return [
    { label: "This month", ...monthOf(day) },
    { label: "Last month", ...monthOf(day, -1) },
    { label: "Last 90 days", start: isoDate(d90), end: day },
    { label: "This year", start: `${year}-01-01`, end: `${year}-12-31` },
  ];
}

export function Transactions() {
  const { query } = useLocation();
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) filters[k] = v;
  }
  const key = JSON.stringify(filters);
  const { accounts, categories, toast } = useApp();
  const version = useLedgerVersion();
  const [items, setItems] = useState<Transaction[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [figure, setFigure] = useState<Figure | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [splitting, setSplitting] = useState<Transaction | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);

  async function fetchPage(after: string | null): Promise<TransactionPage> {
    const q = {
      ...filters,
      account: filters.account ? Number(filters.account) : undefined,
      type: filters.type as TxType | undefined,
      measure: filters.measure as Measure | undefined,
      limit: 50,
      cursor: after ?? undefined,
    };
    return must(await api.GET("/api/v1/transactions", { params: { query: q } }));
  }

  // A new filter (or a change anywhere in the ledger) starts from the first page again.
  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchPage(null).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.next_cursor);
        setFigure(page.figure ?? null);
        setError("");
        setLoading(false);
      },
      (err: Error) => {
        if (!live) return;
        setError(err.message);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);

  async function loadMore() {
    if (!cursor || loading) return;
    setLoading(true);
    try {
      const page = await fetchPage(cursor);
      setItems((current) => [...current, ...page.items]);
      setCursor(page.next_cursor);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    const node = sentinel.current;
    if (!node || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && void loadMore(), {
      rootMargin: "400px",
    });
    observer.observe(node);
    return () => observer.disconnect();
  });

  function setFilter(changes: Filters) {
    const next: Record<string, string | undefined> = { ...filters, ...changes };
    navigate(withQuery("/transactions", next), { replace: true });
    setSelected(new Set());
  }

  async function update(tx: Transaction, body: Record<string, unknown>, what: string) {
    try {
      const updated = must(
        await api.PATCH("/api/v1/transactions/{transaction_id}", {
          params: { path: { transaction_id: tx.id } },
          body: { ...body, version: tx.version },
        }),
      );
      ledgerChanged();
      toast({
        text: `${what} · ${updated.payee || "transaction"}`,
        tone: "success",
        undo: async () => {
          await undoGroup(await latestGroupOf("transaction", tx.id));
          ledgerChanged();
        },
      });
      return true;
    } catch (err) {
      toast({ text: `Could not save: ${(err as Error).message}`, tone: "error" });
      return false;
    }
  }

  async function bulkRecategorize(category: number) {
    const ids = [...selected];
    try {
      const result = must(await api.POST("/api/v1/review/correct", { body: { transaction_ids: ids, category } }));
      setSelected(new Set());
      ledgerChanged();
      toast({
        text: `Recategorized ${result.changed} transaction${result.changed === 1 ? "" : "s"}`,
        tone: "success",
        undo: async () => {
          await undoGroup(await latestGroupOf("transaction", ids[0]!));
          ledgerChanged();
        },
      });
    } catch (err) {
      toast({ text: `Could not recategorize: ${(err as Error).message}`, tone: "error" });
    }
  }

  const allSelected = items.length > 0 && items.every((t) => selected.has(t.id));
  const moneyAccounts = accounts.filter((a) => a.kind === "asset" || a.kind === "liability");
  const activePeriod =
    periods().find((p) => p.start === filters.start && p.end === filters.end)?.label ??
    (filters.start || filters.end ? "custom" : "all");

  return (
    <div className="page transactions">
      <header className="page-head">
        <h1>Transactions</h1>
        {/* On a phone the filters fold away behind this button; on wider screens they are always shown. */}
        <button
          type="button"
          className="button ghost small filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="transaction-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters{Object.keys(filters).length > 0 ? ` (${Object.keys(filters).length})` : ""}
        </button>
      </header>
      <form
        id="transaction-filters"
        className={`filters card ${filtersOpen ? "open" : ""}`}
        role="search"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Filter transactions"
      >
        <label>
          <span>Period</span>
          <select
            value={activePeriod}
            onChange={(e) => {
              const p = periods().find((x) => x.label === e.target.value);
              if (p) setFilter({ start: p.start, end: p.end });
              else if (e.target.value === "all") setFilter({ start: undefined, end: undefined });
            }}
          >
            <option value="all">All time</option>
            {periods().map((p) => (
              <option key={p.label} value={p.label}>
                {p.label}
              </option>
            ))}
            {activePeriod === "custom" && (
              <option value="custom">
                {filters.start ? formatDate(filters.start) : "…"} – {filters.end ? formatDate(filters.end) : "…"}
              </option>
            )}
          </select>
        </label>
        <label>
          <span>Account</span>
          <select value={filters.account ?? ""} onChange={(e) => setFilter({ account: e.target.value || undefined })}>
            <option value="">All accounts</option>
            {moneyAccounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Category</span>
          <CategoryFilter
            categories={categories}
            value={filters.category}
            onChange={(v) => setFilter({ category: v })}
          />
        </label>
        <label>
          <span>Type</span>
          <select value={filters.type ?? ""} onChange={(e) => setFilter({ type: e.target.value || undefined })}>
            <option value="">Any</option>
            <option value="expense">Spending</option>
            <option value="income">Income</option>
            <option value="transfer">Transfers</option>
            <option value="split">Splits</option>
          </select>
        </label>
        <SearchBox value={filters.q ?? ""} onChange={(q) => setFilter({ q: q || undefined })} />
        <AmountRange
          min={filters.min_amount ?? ""}
          max={filters.max_amount ?? ""}
          onChange={(min, max) => setFilter({ min_amount: min || undefined, max_amount: max || undefined })}
        />
        {Object.keys(filters).length > 0 && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => navigate("/transactions", { replace: true })}
          >
            Clear filters
          </button>
        )}
      </form>

      {figure && (
        <p className="card figure-banner" role="status">
          These {figure.count} transaction{figure.count === 1 ? "" : "s"} make up{" "}
          <Money amount={figure.total} currency={figure.currency} />
          {figure.query.category ? ` on ${figure.query.category}` : ""}
          {figure.query.payee ? ` at ${figure.query.payee}` : ""}.
        </p>
      )}
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          categories={categories}
          onApply={bulkRecategorize}
          onClear={() => setSelected(new Set())}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card table-card">
        <table className="tx-table">
          <caption className="sr-only">Transactions, newest first</caption>
          <thead>
            <tr>
              <th scope="col" className="col-check">
                <input
                  type="checkbox"
                  aria-label="Select all shown"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((t) => t.id)))}
                />
              </th>
              <th scope="col" className="col-date">
                Date
              </th>
              <th scope="col">Payee</th>
              <th scope="col" className="col-category">
                Category
              </th>
              <th scope="col" className="col-account">
                Account
              </th>
              <th scope="col" className="col-amount">
                Amount
              </th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((tx) => (
              <Row
                key={tx.id}
                tx={tx}
                categories={categories}
                selected={selected.has(tx.id)}
                onSelect={(on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(tx.id);
                    else next.delete(tx.id);
                    return next;
                  })
                }
                onUpdate={(body, what) => update(tx, body, what)}
                onSplit={() => setSplitting(tx)}
              />
            ))}
          </tbody>
        </table>
        {!loading && items.length === 0 && <p className="empty">No transactions match these filters.</p>}
        <div ref={sentinel} className="table-foot">
          {cursor ? (
            <button type="button" className="button ghost" onClick={() => void loadMore()} disabled={loading}>
              {loading ? "Loading…" : "Load more"}
            </button>
          ) : (
            items.length > 0 && <span className="muted small">{items.length} shown · that is all</span>
          )}
        </div>
      </div>
      {splitting && (
        <SplitDialog
          tx={splitting}
          categories={categories}
          onClose={() => setSplitting(null)}
          onSave={async (postings) => {
            const ok = await update(splitting, { postings }, "Split");
            if (ok) setSplitting(null);
          }}
        />
      )}
    </div>
  );
}

function CategoryFilter({
  categories,
  value,
  onChange,
}: {
  categories: Category[];
  value?: string;
  onChange: (v?: string) => void;
}) {
  const numeric = value && /^\d+$/.test(value) ? Number(value) : null;
  const byName = value && numeric === null ? categories.find((c) => c.path === value || c.name === value) : undefined;
  return (
    <CategorySelect
      categories={categories}
      value={numeric ?? byName?.id ?? null}
      onChange={(id) => onChange(id === null ? undefined : String(id))}
      includeGroups
      noneLabel="All categories"
      label="Category filter"
    />
  );
}

function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <label className="grow">
      <span>Search</span>
      <input
        type="search"
        placeholder="Payee, description, notes"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  );
}

function AmountRange({
  min,
  max,
  onChange,
}: {
  min: string;
  max: string;
  onChange: (min: string, max: string) => void;
}) {
  const [lo, setLo] = useState(min);
  const [hi, setHi] = useState(max);
  useEffect(() => {
    setLo(min);
    setHi(max);
  }, [min, max]);
  const commit = () => {
    const ok = (v: string) => v === "" || isDecimal(v); // a filter across currencies
    if (ok(lo) && ok(hi) && (lo !== min || hi !== max)) onChange(lo.trim(), hi.trim());
  };
  return (
    <fieldset className="amount-range">
      <legend>Amount</legend>
      <input
        aria-label="Smallest amount"
        inputMode="decimal"
        placeholder="min"
        value={lo}
        onChange={(e) => setLo(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      <span aria-hidden="true">–</span>
      <input
        aria-label="Largest amount"
        inputMode="decimal"
        placeholder="max"
        value={hi}
        onChange={(e) => setHi(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </fieldset>
  );
}

function BulkBar(props: {
  count: number;
  categories: Category[];
  onApply: (category: number) => void;
  onClear: () => void;
}) {
  const [category, setCategory] = useState<number | null>(null);
  return (
    <div className="bulk-bar card" role="region" aria-label="Bulk actions">
      <strong>{props.count} selected</strong>
      <CategorySelect
        categories={props.categories}
        value={category}
        onChange={setCategory}
        allowNone
        noneLabel="Move to category…"
        label="Bulk category"
      />
      <button
        type="button"
        className="button primary small"
        disabled={category === null}
        onClick={() => category !== null && props.onApply(category)}
      >
        Recategorize
      </button>
      <button type="button" className="button ghost small" onClick={props.onClear}>
        Clear
      </button>
    </div>
  );
}

interface RowProps {
  tx: Transaction;
  categories: Category[];
  selected: boolean;
  onSelect: (on: boolean) => void;
  onUpdate: (body: Record<string, unknown>, what: string) => Promise<boolean>;
  onSplit: () => void;
}

function Row({ tx, categories, selected, onSelect, onUpdate, onSplit }: RowProps) {
  const [editing, setEditing] = useState<"payee" | "category" | "amount" | null>(null);
  const transfer = tx.type === "transfer";
  const split = tx.type === "split";
  const categoryPostings = tx.postings.filter((p) => !["asset", "liability"].includes(p.account.kind));
  const kind = tx.type === "income" ? "income" : "expense";

  return (
    <tr className={`${selected ? "selected" : ""} ${transfer ? "is-transfer" : ""}`} data-id={tx.id}>
      <td className="col-check">
        <input
          type="checkbox"
          aria-label={`Select ${tx.payee || "transaction"} on ${tx.date}`}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
      </td>
      <td className="col-date">{formatRowDate(tx.date)}</td>
      <td className="col-payee">
        {editing === "payee" ? (
          <InlineText
            label="Payee"
            initial={tx.payee}
            onDone={async (value) => {
              if (value !== null && value !== tx.payee) await onUpdate({ payee: value }, "Payee changed");
              setEditing(null);
            }}
          />
        ) : (
          <button
            type="button"
            className="cell-button"
            onClick={() => setEditing("payee")}
            aria-label={`Edit payee ${tx.payee || "(none)"}`}
          >
            <span className="payee">{tx.payee || tx.description || "—"}</span>
            {tx.review_flag && <span className="badge warn">possible duplicate</span>}
          </button>
        )}
      </td>
      <td className="col-category">
        {transfer ? (
          <span className="muted transfer-label">
            {tx.account?.name} → {tx.to_account?.name}
          </span>
        ) : split ? (
          <button type="button" className="cell-button" onClick={onSplit}>
            <span className="badge">Split</span>{" "}
            {categoryPostings.map((p) => p.account.name.split("/").pop()).join(", ")}
          </button>
        ) : editing === "category" ? (
          <CategorySelect
            categories={categories}
            value={tx.category?.id ?? null}
            kind={kind}
            autoFocus
            label={`Category for ${tx.payee || "transaction"}`}
            onBlur={() => setEditing(null)}
            onKeyDown={(e) => e.key === "Escape" && setEditing(null)}
            onChange={(id) => {
              setEditing(null);
              if (id !== null && id !== tx.category?.id) void onUpdate({ category: id }, "Category changed");
            }}
          />
        ) : (
          <button
            type="button"
            className={`cell-button ${tx.category ? "" : "uncategorized"}`}
            onClick={() => setEditing("category")}
            aria-label={`Change category ${tx.category?.name ?? "Uncategorized"}`}
          >
            <span className="category-chip">{tx.category?.name ?? "Uncategorized"}</span>
          </button>
        )}
      </td>
      <td className="col-account muted">{tx.account?.name}</td>
      <td className="col-amount">
        {editing === "amount" ? (
          <InlineText
            label="Amount"
            initial={abs(tx.amount)}
            validate={(v) =>
              isValidAmount(v, tx.currency) && !v.startsWith("-") && toUnits(v, scaleOf(tx.currency)) > 0n
            }
            onDone={async (value) => {
              const scale = scaleOf(tx.currency);
              if (value !== null && toUnits(value, scale) !== toUnits(abs(tx.amount), scale))
                await onUpdate({ amount: value }, "Amount changed");
              setEditing(null);
            }}
          />
        ) : (
          <button
            type="button"
            className="cell-button amount-button"
            disabled={split}
            onClick={() => setEditing("amount")}
            aria-label={`Edit amount ${formatMoney(tx.amount, tx.currency)}`}
          >
            <Money amount={tx.amount} currency={tx.currency} transfer={transfer} signed />
          </button>
        )}
        {/* Listed for a figure: the part of the row it counts, when that is not simply the row's amount. */}
        {tx.counted && compareAmounts(tx.counted, abs(tx.amount)) !== 0 && (
          <span className="muted small counted">
            counts <Money amount={tx.counted} currency={tx.currency} />
          </span>
        )}
      </td>
      <td className="col-actions">
        {!transfer && (
          <button
            type="button"
            className="icon-button"
            onClick={onSplit}
            aria-label={`Split ${tx.payee || "transaction"}`}
            title="Split"
          >
            <Icon name="split" size={16} />
          </button>
        )}
      </td>
    </tr>
  );
}

function InlineText(props: {
  label: string;
  initial: string;
  validate?: (v: string) => boolean;
  onDone: (value: string | null) => void;
}) {
  const [value, setValue] = useState(props.initial);
  const [invalid, setInvalid] = useState(false);
  const done = useRef(false);
  const finish = (v: string | null) => {
    if (done.current) return;
    if (v !== null && props.validate && !props.validate(v.trim())) {
      setInvalid(true);
      return;
    }
    done.current = true;
    props.onDone(v === null ? null : v.trim());
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") finish(value);
    if (e.key === "Escape") finish(null);
  };
  return (
    <input
      className="inline-input"
      aria-label={props.label}
      aria-invalid={invalid}
      value={value}
      autoFocus
      onFocus={(e) => e.target.select()}
      onChange={(e) => {
        setValue(e.target.value);
        setInvalid(false);
      }}
      onKeyDown={onKey}
      onBlur={() => finish(value)}
    />
  );
}

interface SplitLine {
  category: number | null;
  amount: string;
}

export function SplitDialog(props: {
  tx: Transaction;
  categories: Category[];
  onClose: () => void;
  onSave: (postings: { account: number; amount: string; memo?: string }[]) => Promise<void>;
}) {
  const { tx } = props;
  const money = tx.postings.find((p) => p.account.kind === "asset" || p.account.kind === "liability");
  const total = abs(money?.amount ?? tx.amount);
  const existing = tx.postings.filter((p) => p !== money && !["asset", "liability"].includes(p.account.kind));
  const [lines, setLines] = useState<SplitLine[]>(
    existing.length > 0
      ? existing.map((p) => ({ category: p.account.id, amount: abs(p.amount) }))
      : [
          { category: tx.category?.id ?? null, amount: total },
          { category: null, amount: "" },
        ],
  );
  const [error, setError] = useState("");
  // The lines are in the account's currency, with its decimals (KWD 1.235 splits into 1.000 and 0.235).
  const currency = money?.currency ?? tx.currency;
  const scale = scaleOf(currency);
  const allocated = useMemo(
    () => lines.reduce((sum, l) => sum + (isValidAmount(l.amount, currency) ? toUnits(l.amount, scale) : 0n), 0n),
    [lines, currency, scale],
  );
  const remaining = toUnits(total, scale) - allocated;
  const outflow = toUnits(money?.amount ?? tx.amount, scale) < 0n;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!money) return setError("This transaction has no account to split from");
    if (lines.some((l) => l.category === null || !isValidAmount(l.amount, currency) || toUnits(l.amount, scale) <= 0n))
      return setError("Every line needs a category and a positive amount");
    if (remaining !== 0n) return setError(`The lines must add up to ${formatMoney(total, tx.currency)}`);
    // Money out of the account debits the categories (positive); money in credits them (negative).
    const sign = outflow ? 1n : -1n;
    await props.onSave([
      { account: money.account.id, amount: money.amount },
      ...lines.map((l) => ({ account: l.category!, amount: fromUnits(sign * toUnits(l.amount, scale), scale) })),
    ]);
  }

  return (
    <Modal title={`Split ${tx.payee || "transaction"}`} open onClose={props.onClose}>
      <form className="form split-form" onSubmit={submit}>
        <p className="muted">
          {formatDate(tx.date)} · {money?.account.name} · <Money amount={tx.amount} currency={tx.currency} signed />
        </p>
        {lines.map((line, i) => (
          <div className="split-line" key={i}>
            <CategorySelect
              categories={props.categories}
              value={line.category}
              kind={outflow ? "expense" : "income"}
              label={`Category of line ${i + 1}`}
              noneLabel="Choose a category…"
              onChange={(id) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, category: id } : l)))}
            />
            <input
              aria-label={`Amount of line ${i + 1}`}
              inputMode="decimal"
              value={line.amount}
              placeholder={fromUnits(0n, scale)}
              onChange={(e) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, amount: e.target.value } : l)))}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove line ${i + 1}`}
              disabled={lines.length <= 2}
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              <Icon name="x" size={16} />
            </button>
          </div>
        ))}
        <div className="split-foot">
          <button
            type="button"
            className="button ghost small"
            onClick={() =>
              setLines((ls) => [...ls, { category: null, amount: remaining > 0n ? fromUnits(remaining, scale) : "" }])
            }
          >
            <Icon name="plus" size={16} /> Add line
          </button>
          <span className={remaining === 0n ? "muted" : "form-error"}>
            {remaining === 0n
              ? "Fully allocated"
              : `${formatMoney(fromUnits(remaining, scale), currency)} left to allocate`}
          </span>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Save split
          </button>
        </div>
      </form>
    </Modal>
  );
}
