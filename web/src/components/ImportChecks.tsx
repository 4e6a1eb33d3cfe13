// What an import checked once its rows were in: the statement's own balances beside the ledger's (as they were
// then, and as they are now), and an account that opens after the statement's rows, with a button that moves its
// opening date before them (undoable, like every change).
import { useState } from "react";
import { api, must, undoGroup, type Schemas } from "../api/client";
import { formatDate } from "../lib/dates";
import { ledgerChanged, useLoad } from "../lib/load";
import { useApp } from "../state";
import { Icon } from "./Icon";

type Checks = Schemas["ImportChecks"];
type BalanceCheck = Schemas["BalanceCheck"];
type OpeningNotice = Schemas["OpeningDateAfterRows"];

export function ImportChecks({ importId }: { importId: number }) {
  const { data } = useLoad(
    async () => must(await api.GET("/api/v1/imports/{import_id}", { params: { path: { import_id: importId } } })),
    [importId],
  );
  const checks: Checks | undefined = data?.checks;
  if (!checks) return null;
  const unchecked = (checks.warnings ?? []).filter((w) => w.code === "balance_not_checked");
  const balances = checks.balance_checks ?? [];
  const notices = checks.opening_date_after_rows ?? [];
  if (!balances.length && !notices.length && !unchecked.length) return null;
  return (
    <div className="import-checks" data-testid="import-checks">
      {notices.map((notice) => (
        <OpeningDateNotice key={notice.account_id} notice={notice} />
      ))}
      {balances.length > 0 && (
        <ul className="plain" aria-label="Statement balances">
          {balances.map((check) => (
            <BalanceLine key={`${check.account_id}-${check.date}`} check={check} />
          ))}
        </ul>
      )}
      {unchecked.map((warning, i) => (
        <p key={i} className="muted small">
          {warning.message}
        </p>
      ))}
    </div>
  );
}

function BalanceLine({ check }: { check: BalanceCheck }) {
  // The ledger's balance at that date now (it changes when the opening date moves or rows are fixed).
  const { data } = useLoad(
    async () => must(await api.GET("/api/v1/accounts", { params: { query: { at: check.date } } })),
    [check.date],
  );
  const now = data?.find((a) => a.id === check.account_id)?.balance ?? check.ledger;
  const ok = now === check.statement;
  return (
    <li data-testid="balance-check" data-ok={ok ? "true" : "false"}>
      <span className={`badge ${ok ? "ok" : "warn"}`}>{ok ? "balance agrees" : "balance differs"}</span> {check.account}{" "}
      at the end of {formatDate(check.date)}: the statement says {check.statement} {check.currency}, the ledger{" "}
      {now === check.ledger ? "says" : "now says"} {now}
      {!ok && ` (off by ${subtract(now, check.statement)})`}
    </li>
  );
}

/** `a - b` of two decimal strings of one currency, exactly (money is never a float). */
function subtract(a: string, b: string): string {
  const scale = Math.max(a.split(".")[1]?.length ?? 0, b.split(".")[1]?.length ?? 0);
  const minor = (s: string) => {
    const [whole, fraction = ""] = s.replace("-", "").split(".");
    const value = BigInt(whole + fraction.padEnd(scale, "0"));
    return s.startsWith("-") ? -value : value;
  };
  const diff = minor(a) - minor(b);
  const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, "0");
  const shown = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return diff < 0n ? `-${shown}` : shown;
}

function OpeningDateNotice({ notice }: { notice: OpeningNotice }) {
  const { toast } = useApp();
  const [moved, setMoved] = useState<string | null>(null); // the event group of the move, while it stands
  const [busy, setBusy] = useState(false);

  async function move() {
    setBusy(true);
    try {
      const done = must(
        await api.POST("/api/v1/accounts/{account_id}/opening-date", {
          params: { path: { account_id: notice.account_id } },
          body: { date: notice.suggested_date },
        }),
      );
      setMoved(done.group_id);
      ledgerChanged();
      toast({ text: `${notice.account} now opens on ${formatDate(notice.suggested_date)}`, tone: "success" });
    } catch (err) {
      toast({ text: `Could not move the opening date: ${(err as Error).message}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    if (!moved) return;
    setBusy(true);
    try {
      await undoGroup(moved);
      setMoved(null);
      ledgerChanged();
      toast({ text: `${notice.account} opens on ${formatDate(notice.opening_date)} again`, tone: "success" });
    } catch (err) {
      toast({ text: `Could not undo: ${(err as Error).message}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="notice" role="status" data-testid="opening-date-notice">
      {moved ? (
        <p>
          {notice.account} now opens on {formatDate(notice.suggested_date)}, before the statement's rows.{" "}
          <button type="button" className="button ghost" disabled={busy} onClick={() => void undo()}>
            <Icon name="undo" size={16} /> Undo
          </button>
        </p>
      ) : (
        <>
          <p>
            {notice.account} opens on {formatDate(notice.opening_date)}, after rows of this statement from{" "}
            {formatDate(notice.earliest_row)}: its balances before {formatDate(notice.opening_date)} lack the opening
            balance.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void move()}>
            Open {notice.account} on {formatDate(notice.suggested_date)}
          </button>
        </>
      )}
    </div>
  );
}
