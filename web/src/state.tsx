// App-wide state: who is signed in, the household being viewed, its accounts and categories (cached for offline
// quick add), and the toasts (every change offers its undo there).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  api,
  currentTokens,
  must,
  onTokens,
  setViewingHousehold,
  signOut as apiSignOut,
  type Account,
  type Category,
  type Household,
  type Me,
} from "./api/client";
import { ledgerChanged, useLedgerVersion } from "./lib/load";

export interface Toast {
  id: number;
  text: string;
  tone?: "info" | "error" | "success";
  undo?: () => Promise<void>;
}

interface AppState {
  me: Me | null;
  /** The household chosen in the switcher (null: the token's own); a stable key for per-household views. */
  viewing: number | null;
  household: Household | null;
  accounts: Account[];
  categories: Category[];
  signedIn: boolean;
  switchHousehold: (id: number) => void;
  reloadMe: () => Promise<void>;
  signOut: () => Promise<void>;
  toasts: Toast[];
  toast: (toast: Omit<Toast, "id">) => void;
  dismiss: (id: number) => void;
}

const AppContext = createContext<AppState | null>(null);
const HOUSEHOLD_KEY = "kakeibo.household";
const CACHE_KEY = "kakeibo.reference";

function cached<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(currentTokens() !== null);
  const [me, setMe] = useState<Me | null>(null);
  const [householdId, setHouseholdId] = useState<number | null>(() => {
    const stored = localStorage.getItem(HOUSEHOLD_KEY);
    return stored ? Number(stored) : null;
  });
  const reference = cached<{ accounts: Account[]; categories: Category[] }>(CACHE_KEY);
  const [accounts, setAccounts] = useState<Account[]>(reference?.accounts ?? []);
  const [categories, setCategories] = useState<Category[]>(reference?.categories ?? []);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextToast = useRef(1);
  const version = useLedgerVersion();

  setViewingHousehold(householdId);

  useEffect(() => onTokens((t) => setSignedIn(t !== null)), []);

  const reloadMe = useCallback(async () => {
    const loaded = must(await api.GET("/api/v1/auth/me"));
    setMe(loaded);
  }, []);

  useEffect(() => {
    if (!signedIn) {
      setMe(null);
      return;
    }
    reloadMe().catch(() => undefined);
    // Opened while offline, the profile could not load: fetch it again as soon as the connection is back.
    const retry = () => void reloadMe().catch(() => undefined);
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [signedIn, reloadMe]);

  // A stored household the user no longer belongs to falls back to the token's own.
  useEffect(() => {
    if (me && householdId !== null && !me.memberships.some((m) => m.id === householdId)) {
      localStorage.removeItem(HOUSEHOLD_KEY);
      setHouseholdId(null);
    }
  }, [me, householdId]);

  // The lists depend on who is signed in and where, not on the profile's details: a reloaded profile refetches nothing.
  const profileLoaded = me !== null;
  useEffect(() => {
    if (!signedIn || !profileLoaded) return;
    let live = true;
    Promise.all([api.GET("/api/v1/accounts"), api.GET("/api/v1/categories")])
      .then(([a, c]) => {
        if (!live) return;
        const next = { accounts: must(a), categories: must(c) };
        setAccounts(next.accounts);
        setCategories(next.categories);
        localStorage.setItem(CACHE_KEY, JSON.stringify(next));
      })
      .catch(() => undefined); // offline: keep the cached lists
    return () => {
      live = false;
    };
  }, [signedIn, profileLoaded, householdId, version]);

  const household = useMemo(() => {
    if (!me) return null;
    const id = householdId ?? me.current.household_id;
    return me.memberships.find((m) => m.id === id) ?? null;
  }, [me, householdId]);

  const switchHousehold = useCallback((id: number) => {
    localStorage.setItem(HOUSEHOLD_KEY, String(id));
    setViewingHousehold(id);
    setHouseholdId(id);
    ledgerChanged();
  }, []);

  const signOut = useCallback(async () => {
    await apiSignOut();
    localStorage.removeItem(HOUSEHOLD_KEY);
    localStorage.removeItem(CACHE_KEY);
    setHouseholdId(null);
    setAccounts([]);
    setCategories([]);
  }, []);

  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (t: Omit<Toast, "id">) => {
      const id = nextToast.current++;
      setToasts((ts) => [...ts.slice(-2), { ...t, id }]);
      setTimeout(() => dismiss(id), t.undo ? 10000 : 5000);
    },
    [dismiss],
  );

  const value: AppState = {
    me,
    viewing: householdId,
    household,
    accounts,
    categories,
    signedIn,
    switchHousehold,
    reloadMe,
    signOut,
    toasts,
    toast,
    dismiss,
  };
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp outside AppProvider");
  return state;
}

export function useCurrency(): string {
  return useApp().household?.base_currency ?? "USD";
}
