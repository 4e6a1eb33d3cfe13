// Import: drop a statement, see the first rows under the detected mapping (and adjust it), watch the job's
// progress, read the result, then clear the review queue with one key per transaction.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import {
  api,
  authedFetch,
  must,
  problemOf,
  undoGroup,
  type CsvMapping,
  type ImportJob,
  type Preview,
  type ReviewItem,
} from "../api/client";
import { CategorySelect } from "../components/CategorySelect";
import { Icon } from "../components/Icon";
import { ImportChecks } from "../components/ImportChecks";
import { Money } from "../components/Money";
import { formatDate } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { useApp } from "../state";

async function postForm<T>(url: string, form: FormData): Promise<T> {
  const response = await authedFetch(url, { method: "POST", body: form });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

export function Import() {
  const { accounts, toast } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [account, setAccount] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  // Only the person's own edits; until they edit, the preview's detected mapping is the one shown (and the server
  // detects the same one again when none is sent).
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState("");
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const moneyAccounts = accounts.filter((a) => (a.kind === "asset" || a.kind === "liability") && !a.archived);

  function form(extra: Record<string, string> = {}): FormData {
    const data = new FormData();
    data.set("file", file!);
    if (account !== null) data.set("account_id", String(account));
    if (mapping) data.set("mapping", JSON.stringify(mapping));
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    return data;
  }

  // A new file, account or mapping: preview again.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setError("");
    const data = new FormData();
    data.set("file", file);
    if (account !== null) data.set("account_id", String(account));
    if (mapping) data.set("mapping", JSON.stringify(mapping));
    postForm<Preview>("/api/v1/imports/preview", data).then(
      (p) => live && setPreview(p),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [file, account, mapping]);

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setJob(null);
    if (input.current) input.current.value = "";
  }

  function choose(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    reset();
    setFile(chosen);
  }

  async function start() {
    if (!file) return;
    setError("");
    try {
      const started = await postForm<{ job: ImportJob }>("/api/v1/imports", form({ accept_issues: "true" }));
      setJob(started.job);
      let current = started.job;
      while (current.status === "queued" || current.status === "running") {
        await new Promise((r) => setTimeout(r, 250));
        const polled = must(await api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: current.id } } }));
        if (polled.kind !== "import") throw new Error(`job ${polled.id} is not an import`);
        current = polled;
        setJob(current);
      }
      ledgerChanged();
      if (current.status === "succeeded") toast({ text: `Imported ${file.name}`, tone: "success" });
      else toast({ text: `The import failed: ${current.error?.detail ?? current.message}`, tone: "error" });
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const dropProps = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      choose(e.dataTransfer.files);
    },
  };

  return (
    <div className="page import">
      <header className="page-head">
        <h1>Import a statement</h1>
      </header>
      <section className="card" aria-labelledby="file-step">
        <h2 id="file-step" className="sr-only">
          Choose a file
        </h2>
        <div
          className={`dropzone ${over ? "over" : ""}`}
          {...dropProps}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
          role="button"
          tabIndex={0}
        >
          <Icon name="upload" size={28} />
          <strong>{file ? file.name : "Drop a statement here, or click to choose"}</strong>
          <span className="muted small">CSV, OFX/QFX, QIF or camt.053 · duplicates and transfers are detected</span>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.ofx,.qfx,.qif,.xml,.txt"
            onChange={(e) => choose(e.target.files)}
            data-testid="import-file"
          />
        </div>
        <div className="inline-form" style={{ marginTop: 14 }}>
          <label>
            Into account
            <select value={account ?? ""} onChange={(e) => setAccount(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Detect from the file</option>
              {moneyAccounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && !job && (
        <section className="card" aria-labelledby="preview-step">
          <header className="card-head">
            <h2 id="preview-step">Preview</h2>
            <span className="muted small">
              {preview.format.toUpperCase()}
              {preview.profile ? ` · ${preview.profile}` : ""} · confidence {Math.round(preview.confidence * 100)}%
            </span>
          </header>
          {/* The header as the server read it: past a bank's preamble lines, decoded from its encoding. */}
          {(mapping ?? preview.mapping) && (preview.columns ?? []).length > 0 && (
            <MappingEditor mapping={(mapping ?? preview.mapping)!} columns={preview.columns!} onChange={setMapping} />
          )}
          <div className="table-scroll">
            <table className="simple-table">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Payee</th>
                  <th>Category</th>
                  <th className="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 12).map((row, i) => (
                  <tr key={i}>
                    <td>{formatDate(row.date)}</td>
                    <td>{row.payee || row.raw_payee}</td>
                    <td className={row.category ? "" : "muted"}>{row.category ?? "Uncategorized"}</td>
                    <td className="num">
                      <Money amount={row.amount} currency={row.currency ?? preview.currency ?? "USD"} signed />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.issues.length > 0 && (
            <details className="evidence">
              <summary>
                {preview.issues.length} problem{preview.issues.length === 1 ? "" : "s"} in the file
              </summary>
              <ul>
                {preview.issues.slice(0, 20).map((issue, i) => (
                  <li key={i}>{issue.message}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="form-actions" style={{ marginTop: 14 }}>
            <button type="button" className="button primary" onClick={() => void start()}>
              Import {file?.name}
            </button>
          </div>
        </section>
      )}
      {job && <JobProgress job={job} onAnother={reset} />}
      <ReviewQueue />
    </div>
  );
}

type ColumnSetting = "date_column" | "amount_column" | "payee_column" | "debit_column" | "credit_column";

const MAPPED: { key: ColumnSetting; label: string }[] = [
  { key: "date_column", label: "Date column" },
  { key: "amount_column", label: "Amount column" },
  { key: "payee_column", label: "Payee column" },
  { key: "debit_column", label: "Debit column" },
  { key: "credit_column", label: "Credit column" },
];

/** The CSV's mapping, its columns offered by name: `columns` is the header the server read (the preview's). */
export function MappingEditor({
  mapping,
  columns,
  onChange,
}: {
  mapping: CsvMapping;
  columns: string[];
  onChange: (m: CsvMapping) => void;
}) {
  const set = <K extends keyof CsvMapping>(key: K, value: CsvMapping[K]) => onChange({ ...mapping, [key]: value });
  return (
    <fieldset className="mapping" style={{ border: 0, padding: 0, margin: "0 0 14px" }}>
      <legend className="sr-only">Column mapping</legend>
      {MAPPED.map(({ key, label }) => (
        <label key={key} className="inline-form" style={{ display: "grid" }}>
          {label}
          <select value={mapping[key] ?? ""} onChange={(e) => set(key, e.target.value || null)}>
            <option value="">—</option>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="inline-form" style={{ display: "grid" }}>
        Date format
        <select value={mapping.date_format ?? ""} onChange={(e) => set("date_format", e.target.value || null)}>
          {["%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%y", "%d/%m/%y"].map((f) => (
            <option key={f} value={f}>
              {f.replace(/%/g, "").replace(/Y/, "YYYY").replace(/y/, "YY").replace(/m/, "MM").replace(/d/, "DD")}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-form" style={{ display: "flex", alignItems: "center", gap: 8 }}>
        <input
          type="checkbox"
          checked={Boolean(mapping.invert_signs)}
          onChange={(e) => set("invert_signs", e.target.checked)}
        />
        Spending is positive in this file
      </label>
    </fieldset>
  );
}

function JobProgress({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const { toast } = useApp();
  const [undone, setUndone] = useState(false);
  const total = job.progress_total ?? 0;
  const pct =
    job.status === "succeeded" ? 100 : total > 0 ? Math.min(100, Math.round((job.progress_done / total) * 100)) : 5;
  const result = job.result;
  const figures: [string, number][] = result
    ? [
        ["rows read", result.rows_read ?? 0],
        ["imported", result.imported ?? 0],
        ["duplicates", result.duplicates ?? 0],
        ["transfers", result.transfers ?? 0],
        ["to check", result.flagged ?? 0],
        ["skipped", result.skipped ?? 0],
        ["problems", (result.issues ?? []).length],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="job-step">
      <header className="card-head">
        <h2 id="job-step">
          {job.status === "succeeded" ? "Imported" : job.status === "failed" ? "The import failed" : "Importing…"}
        </h2>
        <span className="muted small">{job.message}</span>
      </header>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        data-status={job.status}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className="muted small">
        {job.progress_done}
        {total ? ` of ${total}` : ""} rows
      </p>
      {job.status === "succeeded" && (
        <>
          <dl className="figures" data-testid="import-result">
            {figures.map(([label, count]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{count}</dd>
              </div>
            ))}
          </dl>
          {typeof result?.import_id === "number" && <ImportChecks importId={result.import_id} />}
          <div className="form-actions" style={{ marginTop: 12 }}>
            {result?.group_id && !undone && (
              <button
                type="button"
                className="button ghost"
                onClick={() =>
                  void undoGroup(result.group_id)
                    .then(() => {
                      setUndone(true);
                      ledgerChanged();
                      toast({ text: "The import was undone", tone: "success" });
                    })
                    .catch((err: Error) => toast({ text: `Could not undo: ${err.message}`, tone: "error" }))
                }
              >
                <Icon name="undo" size={16} /> Undo this import
              </button>
            )}
            <button type="button" className="button ghost" onClick={onAnother}>
              Import another file
            </button>
          </div>
        </>
      )}
      {job.status === "failed" && (
        <p className="form-error">{job.error?.detail ?? job.error?.title ?? "unknown error"}</p>
      )}
    </section>
  );
}

function ReviewQueue() {
  const { categories, toast } = useApp();
  const { data } = useLoad(async () => must(await api.GET("/api/v1/review", { params: { query: { limit: 50 } } })), []);
  const [index, setIndex] = useState(0);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const items = data ?? [];
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (index >= items.length && items.length > 0) setIndex(items.length - 1);
  }, [items.length, index]);

  async function accept(item: ReviewItem) {
    must(await api.POST("/api/v1/review/accept", { body: { transaction_ids: [item.transaction.id] } }));
    toast({
      text: `Kept ${item.transaction.category?.name ?? "as is"} for ${item.transaction.payee}`,
      tone: "success",
    });
    ledgerChanged(); // useLoad reloads the queue when the ledger changes
  }

  async function correct(item: ReviewItem, category: number | string) {
    must(await api.POST("/api/v1/review/correct", { body: { transaction_ids: [item.transaction.id], category } }));
    toast({
      text: `Filed ${item.transaction.payee} under ${typeof category === "string" ? category : categories.find((c) => c.id === category)?.path}`,
      tone: "success",
    });
    setCorrecting(null);
    ledgerChanged(); // useLoad reloads the queue when the ledger changes
  }

  function onKey(e: KeyboardEvent<HTMLUListElement>) {
    const item = items[index];
    if (!item || correcting !== null) return;
    if (e.key === "j" || e.key === "ArrowDown") setIndex((i) => Math.min(i + 1, items.length - 1));
    else if (e.key === "k" || e.key === "ArrowUp") setIndex((i) => Math.max(i - 1, 0));
    // Accepting "Uncategorized" settles nothing: for those, the accept key opens the picker instead.
    else if (e.key === "a" || e.key === "Enter") {
      if (item.transaction.category) void accept(item);
      else setCorrecting(item.transaction.id);
    } else if (e.key === "c") setCorrecting(item.transaction.id);
    else if (/^[1-3]$/.test(e.key)) {
      const guess = item.guesses[Number(e.key) - 1];
      if (guess) void correct(item, guess.category);
    } else return;
    e.preventDefault();
  }

  return (
    <section className="card" aria-labelledby="review-step">
      <header className="card-head">
        <h2 id="review-step">Review queue {items.length > 0 && <span className="badge warn">{items.length}</span>}</h2>
        <span className="muted small kbd-hints">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> accept · <kbd>1</kbd>–<kbd>3</kbd> pick a guess · <kbd>c</kbd>{" "}
          choose
        </span>
      </header>
      {items.length === 0 ? (
        <p className="empty">Nothing to review: every category is settled.</p>
      ) : (
        <ul
          className="review-list"
          ref={list}
          tabIndex={0}
          onKeyDown={onKey}
          aria-label="Transactions to review"
          aria-activedescendant={`review-${items[index]?.transaction.id}`}
        >
          {items.map((item, i) => {
            const tx = item.transaction;
            return (
              <li
                key={tx.id}
                id={`review-${tx.id}`}
                className={`review-item ${i === index ? "current" : ""}`}
                onClick={() => setIndex(i)}
                aria-selected={i === index}
                role="option"
              >
                <span>
                  <strong>{tx.payee || tx.description}</strong>{" "}
                  <span className="muted small">
                    {formatDate(tx.date)} · {tx.account?.name}
                  </span>
                  <br />
                  <span className={tx.category ? "" : "muted"}>{tx.category?.name ?? "Uncategorized"}</span>
                  {tx.review_flag && <span className="badge warn"> possible duplicate</span>}
                </span>
                <Money amount={tx.amount} currency={tx.currency} signed />
                <div className="review-guesses">
                  {tx.category && (
                    <button type="button" className="button small" onClick={() => void accept(item)}>
                      <Icon name="check" size={14} /> Accept
                    </button>
                  )}
                  {item.guesses.slice(0, 3).map((g, n) => (
                    <button
                      type="button"
                      key={g.category}
                      className="button ghost small"
                      onClick={() => void correct(item, g.category)}
                    >
                      <kbd>{n + 1}</kbd> {g.category} <span className="muted">{Math.round(g.confidence * 100)}%</span>
                    </button>
                  ))}
                  {correcting === tx.id ? (
                    <CategorySelect
                      categories={categories}
                      value={null}
                      autoFocus
                      noneLabel="Choose a category…"
                      label={`Correct category for ${tx.payee}`}
                      onBlur={() => setCorrecting(null)}
                      onKeyDown={(e) => e.key === "Escape" && setCorrecting(null)}
                      onChange={(id) => id !== null && void correct(item, id)}
                    />
                  ) : (
                    <button type="button" className="button ghost small" onClick={() => setCorrecting(tx.id)}>
                      <kbd>c</kbd> Choose…
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
