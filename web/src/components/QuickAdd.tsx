// Quick add, from any page: a transaction in a few keystrokes. Offline (or when the server cannot be reached) the
// entry waits in the IndexedDB outbox and is sent when the connection comes back; the header shows its state.
import { useEffect, useState, type FormEvent } from "react";
import { authedFetch, latestGroupOf, problemOf, undoGroup, type Transaction } from "../api/client";
import { today } from "../lib/dates";
import { ledgerChanged } from "../lib/load";
import { exampleAmount, isValidAmount } from "../lib/money";
import { enqueue, sync, type OutboxEntry, type SendOutcome, type TransactionCreate } from "../lib/outbox";
import { useApp, useCurrency } from "../state";
import { CategorySelect } from "./CategorySelect";
import { Modal } from "./Modal";

export async function sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
  try {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (entry.household_id !== null) headers["X-Household-Id"] = String(entry.household_id);
    const response = await authedFetch("/api/v1/transactions", {
      method: "POST",
      headers,
      body: JSON.stringify(entry.body),
    });
    if (response.ok) return { ok: true };
    if (response.status >= 500) return { ok: false, offline: true, error: `server error ${response.status}` };
    const problem = await problemOf(response);
    return { ok: false, offline: false, error: problem.message };
  } catch (error) {
    // fetch rejects (TypeError) only when the network is down: keep the entry for later
    return { ok: false, offline: true, error: String(error) };
  }
}

export function syncOutbox(): Promise<number> {
  return sync(sendEntry).then((sent) => {
    if (sent > 0) ledgerChanged();
    return sent;
  });
}

interface Props {
  open: boolean;
  onClose: () => void;
}

export function QuickAdd({ open, onClose }: Props) {
  const { accounts, categories, household, toast } = useApp();
  const usable = accounts.filter((a) => !a.archived && (a.kind === "asset" || a.kind === "liability"));
  const [type, setType] = useState<"expense" | "income" | "transfer">("expense");
  const [amount, setAmount] = useState("");
  const [payee, setPayee] = useState("");
  const [account, setAccount] = useState<number | null>(null);
  const [toAccount, setToAccount] = useState<number | null>(null);
  const [category, setCategory] = useState<number | null>(null);
  const [date, setDate] = useState(today());
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setAmount("");
      setPayee("");
      setCategory(null);
      setDate(today());
      setError("");
    }
  }, [open]);

  const accountId = account ?? usable[0]?.id ?? null;
  // The amount is in the account's currency: its decimals (JPY none, KWD three) are the ones to accept.
  const baseCurrency = useCurrency();
  const currency = usable.find((a) => a.id === accountId)?.currency ?? baseCurrency;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidAmount(amount, currency) || amount.trim().startsWith("-")) {
      setError(`Enter a positive amount in ${currency}, like ${exampleAmount(currency)}`);
      return;
    }
    if (accountId === null) {
      setError("Create an account first (Accounts page)");
      return;
    }
    const body: TransactionCreate = {
      type,
      account: accountId,
      amount: amount.trim(),
      date,
      payee: payee.trim(),
      category: type === "transfer" ? null : category,
      to_account: type === "transfer" ? toAccount : null,
    };
    if (type === "transfer" && (toAccount === null || toAccount === accountId)) {
      setError("Pick the account the money goes to");
      return;
    }
    setBusy(true);
    const householdId = household?.id ?? null;
    try {
      if (!navigator.onLine) {
        await enqueue(body, householdId);
        toast({ text: "Offline: saved, and it will sync when you are back online" });
        onClose();
        return;
      }
      const outcome = await postNow(body, householdId);
      if (outcome.kind === "queued") {
        await enqueue(body, householdId);
        toast({ text: "Could not reach the server: saved, and it will sync later" });
        onClose();
      } else if (outcome.kind === "error") {
        setError(outcome.error);
      } else {
        ledgerChanged();
        const created = outcome.transaction;
        toast({
          text: `Added ${created.payee || "transaction"}`,
          tone: "success",
          undo: async () => {
            await undoGroup(await latestGroupOf("transaction", created.id));
            ledgerChanged();
          },
        });
        onClose();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Quick add" open={open} onClose={onClose}>
      <form className="form quick-add" onSubmit={submit}>
        <div className="segmented" role="radiogroup" aria-label="Type">
          {(["expense", "income", "transfer"] as const).map((t) => (
            <label key={t} className={type === t ? "active" : ""}>
              <input type="radio" name="qa-type" value={t} checked={type === t} onChange={() => setType(t)} />
              {t[0]!.toUpperCase() + t.slice(1)}
            </label>
          ))}
        </div>
        <label>
          Amount
          <input
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={amount}
            autoFocus
            onChange={(e) => setAmount(e.target.value)}
            required
          />
        </label>
        <label>
          Payee
          <input name="payee" value={payee} onChange={(e) => setPayee(e.target.value)} placeholder="Where or who" />
        </label>
        <div className="row2">
          <label>
            {type === "transfer" ? "From" : "Account"}
            <select value={accountId ?? ""} onChange={(e) => setAccount(Number(e.target.value))} name="account">
              {usable.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {type === "transfer" ? (
            <label>
              To
              <select value={toAccount ?? ""} onChange={(e) => setToAccount(Number(e.target.value))} name="to_account">
                <option value="">Choose…</option>
                {usable
                  .filter((a) => a.id !== accountId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : (
            <label>
              Category
              <CategorySelect
                categories={categories}
                value={category}
                onChange={setCategory}
                kind={type}
                label="Category"
              />
            </label>
          )}
        </div>
        <label>
          Date
          <input type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Add
          </button>
        </div>
      </form>
    </Modal>
  );
}

type PostOutcome =
  { kind: "created"; transaction: Transaction } | { kind: "queued" } | { kind: "error"; error: string };

async function postNow(body: TransactionCreate, householdId: number | null): Promise<PostOutcome> {
  try {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (householdId !== null) headers["X-Household-Id"] = String(householdId);
    const response = await authedFetch("/api/v1/transactions", { method: "POST", headers, body: JSON.stringify(body) });
    if (response.ok) return { kind: "created", transaction: (await response.json()) as Transaction };
    if (response.status >= 500) return { kind: "queued" };
    return { kind: "error", error: (await problemOf(response)).message };
  } catch {
    return { kind: "queued" };
  }
}
