// Quick-add entries that could not reach the server yet: kept in IndexedDB, sent in order once the connection is
// back. Each entry remembers its household, so a switch in between does not file it in the wrong ledger.
import type { Schemas } from "../api/client";

export type TransactionCreate = Schemas["TransactionCreate"];

export interface OutboxEntry {
  id?: number;
  household_id: number | null;
  body: TransactionCreate;
  created_at: string;
  state: "queued" | "syncing" | "failed";
  error?: string;
}

const DB = "kakeibo";
const STORE = "outbox";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB is unavailable"));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error("IndexedDB write failed"));
    });
  } finally {
    db.close();
  }
}

const listeners = new Set<(entries: OutboxEntry[]) => void>();

async function notify(): Promise<void> {
  const entries = await listEntries();
  listeners.forEach((l) => l(entries));
}

export function subscribe(listener: (entries: OutboxEntry[]) => void): () => void {
  listeners.add(listener);
  void listEntries().then(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function listEntries(): Promise<OutboxEntry[]> {
  return run("readonly", (s) => s.getAll() as IDBRequest<OutboxEntry[]>);
}

export async function enqueue(body: TransactionCreate, householdId: number | null): Promise<void> {
  const entry: OutboxEntry = { household_id: householdId, body, created_at: new Date().toISOString(), state: "queued" };
  await run("readwrite", (s) => s.add(entry));
  await notify();
}

export async function discard(id: number): Promise<void> {
  await run("readwrite", (s) => s.delete(id));
  await notify();
}

async function put(entry: OutboxEntry): Promise<void> {
  await run("readwrite", (s) => s.put(entry));
}

/** What sending one entry came to: sent, refused by the server (kept as failed), or not reachable (kept queued). */
export type SendOutcome = { ok: true } | { ok: false; offline: boolean; error: string };

let syncing: Promise<number> | null = null;

/** Send the queued entries in order; stops at the first one the network refuses. Returns how many were sent. */
export function sync(send: (entry: OutboxEntry) => Promise<SendOutcome>): Promise<number> {
  syncing ??= (async () => {
    let sent = 0;
    for (const entry of await listEntries()) {
      if (entry.state === "failed") continue;
      await put({ ...entry, state: "syncing" });
      await notify();
      const outcome = await send(entry);
      if (outcome.ok) {
        await run("readwrite", (s) => s.delete(entry.id!));
        sent += 1;
      } else if (outcome.offline) {
        await put({ ...entry, state: "queued" });
        break;
      } else {
        await put({ ...entry, state: "failed", error: outcome.error });
      }
      await notify();
    }
    await notify();
    return sent;
  })().finally(() => {
    syncing = null;
  });
  return syncing;
}
