// Loading data for a view: `useLoad` runs a fetch when its inputs change, and again whenever the ledger changes
// (any write in the app bumps the ledger version, so every visible figure stays current).
import { useCallback, useEffect, useRef, useState } from "react";

let ledgerVersion = 0;
const ledgerListeners = new Set<() => void>();

/** Tell every view that the ledger changed (after a write, an undo, a sync). */
export function ledgerChanged(): void {
  ledgerVersion += 1;
  ledgerListeners.forEach((l) => l());
}

export function useLedgerVersion(): number {
  const [version, setVersion] = useState(ledgerVersion);
  useEffect(() => {
    const listener = () => setVersion(ledgerVersion);
    ledgerListeners.add(listener);
    return () => {
      ledgerListeners.delete(listener);
    };
  }, []);
  return version;
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(fetcher: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const version = useLedgerVersion();
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetcherRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
