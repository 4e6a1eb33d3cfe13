// The frame around every page: navigation (a sidebar on wide screens, a tab bar on phones), the household
// switcher, the outbox's state, quick add (also on the "n" key) and the toasts with their undo.
import { useEffect, useState, type ReactNode } from "react";
import { Link } from "../lib/router";
import { subscribe, type OutboxEntry } from "../lib/outbox";
import { useApp } from "../state";
import { Icon } from "./Icon";
import { QuickAdd, syncOutbox } from "./QuickAdd";

const NAV = [
  { to: "/", label: "Dashboard", short: "Home", icon: "home" },
  { to: "/transactions", label: "Transactions", short: "Activity", icon: "list" },
  { to: "/budget", label: "Budget", short: "Budget", icon: "budget" },
  { to: "/goals", label: "Goals", short: "Goals", icon: "target" },
  { to: "/recurring", label: "Recurring", short: "Bills", icon: "repeat" },
  { to: "/insights", label: "Insights", short: "Insights", icon: "trend" },
  { to: "/import", label: "Import", short: "Import", icon: "upload" },
  { to: "/assistant", label: "Assistant", short: "Ask", icon: "chat" },
  { to: "/accounts", label: "Accounts", short: "Accounts", icon: "wallet" },
  { to: "/settings", label: "Settings", short: "Settings", icon: "settings" },
];

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

function OutboxStatus({ online }: { online: boolean }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const { toast } = useApp();
  useEffect(() => subscribe(setEntries), []);
  useEffect(() => {
    if (!online) return;
    syncOutbox()
      .then(
        (sent) =>
          sent > 0 && toast({ text: `Synced ${sent} offline ${sent === 1 ? "entry" : "entries"}`, tone: "success" }),
      )
      .catch(() => undefined);
    const timer = setInterval(() => void syncOutbox().catch(() => undefined), 30000);
    return () => clearInterval(timer);
  }, [online, toast]);
  const waiting = entries.filter((e) => e.state !== "failed").length;
  const failed = entries.filter((e) => e.state === "failed");
  if (online && entries.length === 0) return null;
  return (
    <div className={`outbox ${online ? "" : "outbox-offline"}`} role="status" aria-live="polite" data-testid="outbox">
      {!online && <Icon name="cloudOff" size={16} />}
      <span>
        {online ? "" : "Offline. "}
        {waiting > 0 && `${waiting} waiting to sync`}
        {waiting > 0 && failed.length > 0 && ", "}
        {failed.length > 0 && `${failed.length} refused: ${failed[0]!.error ?? ""}`}
        {online && waiting === 0 && failed.length === 0 && "All synced"}
        {!online && waiting === 0 && failed.length === 0 && "Quick add still works."}
      </span>
    </div>
  );
}

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { me, household, switchHousehold, toasts, dismiss, toast } = useApp();
  const [adding, setAdding] = useState(false);
  const online = useOnline();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable) return;
      if (e.key === "n" && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        setAdding(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const active = (to: string) => (to === "/" ? path === "/" : path.startsWith(to));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            k
          </span>
          <span>kakeibo</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={active(item.to) ? "nav-link active" : "nav-link"}
                  aria-current={active(item.to) ? "page" : undefined}
                >
                  <Icon name={item.icon} />
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <div className="household-switcher">
            {me && me.memberships.length > 1 ? (
              <label>
                <span className="sr-only">Household</span>
                <select
                  value={household?.id ?? ""}
                  onChange={(e) => {
                    switchHousehold(Number(e.target.value));
                    toast({ text: `Now viewing ${e.target.selectedOptions[0]?.text ?? "household"}` });
                  }}
                >
                  {me.memberships.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span className="household-name">{household?.name ?? " "}</span>
            )}
          </div>
          <OutboxStatus online={online} />
          <button
            type="button"
            className="button primary quick-add-button"
            onClick={() => setAdding(true)}
            aria-keyshortcuts="n"
          >
            <Icon name="plus" />
            <span>Add</span>
          </button>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <nav className="tabbar" aria-label="Main (phone)">
        {NAV.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className={active(item.to) ? "tab active" : "tab"}
            aria-current={active(item.to) ? "page" : undefined}
          >
            <Icon name={item.icon} size={20} />
            <span>{item.short}</span>
          </Link>
        ))}
      </nav>
      <QuickAdd open={adding} onClose={() => setAdding(false)} />
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone ?? "info"}`} role={t.tone === "error" ? "alert" : "status"}>
            <span>{t.text}</span>
            {t.undo && (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  dismiss(t.id);
                  t.undo!()
                    .then(() => toast({ text: "Undone", tone: "success" }))
                    .catch((err: Error) => toast({ text: `Could not undo: ${err.message}`, tone: "error" }));
                }}
              >
                <Icon name="undo" size={16} /> Undo
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              <Icon name="x" size={16} />
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
