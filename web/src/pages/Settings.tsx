// Settings: the profile, the household (name, base currency, a new household), API keys (the full key is shown
// once, at creation), the assistant's language model and what it has cost, and signing out.
import { useState, type FormEvent } from "react";
import { api, ApiError, must, type ApiKey, type Schemas } from "../api/client";
import { Icon } from "../components/Icon";
import { formatDate } from "../lib/dates";
import { useLoad } from "../lib/load";
import { navigate } from "../lib/router";
import { useApp } from "../state";

export function Settings() {
  const { me, signOut } = useApp();
  return (
    <div className="page">
      <header className="page-head">
        <h1>Settings</h1>
        <button
          type="button"
          className="button ghost"
          onClick={() => void signOut().then(() => navigate("/signin", { replace: true }))}
        >
          <Icon name="logout" size={16} /> Sign out
        </button>
      </header>
      <div className="grid-2">
        <section className="card" aria-labelledby="profile-title">
          <header className="card-head">
            <h2 id="profile-title">Profile</h2>
          </header>
          {me && (
            <dl className="figures">
              <div>
                <dt>Name</dt>
                <dd style={{ fontSize: "1rem" }}>{me.user.display_name || "—"}</dd>
              </div>
              <div>
                <dt>Email</dt>
                <dd style={{ fontSize: "1rem", wordBreak: "break-all" }}>{me.user.email}</dd>
              </div>
              <div>
                <dt>Member since</dt>
                <dd style={{ fontSize: "1rem" }}>{formatDate(me.user.created_at.slice(0, 10))}</dd>
              </div>
              <div>
                <dt>Role here</dt>
                <dd style={{ fontSize: "1rem" }}>{me.current.role}</dd>
              </div>
            </dl>
          )}
          {me && me.current.via !== "api_key" && <ProfileForm />}
        </section>
        <HouseholdCard />
      </div>
      <ApiKeysCard />
      <UsageCard />
    </div>
  );
}

function ProfileForm() {
  const { me, reloadMe, toast } = useApp();
  const [name, setName] = useState("");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  // API keys keep working after a password change unless revoked with it (say, when one may have leaked).
  const [revokeKeys, setRevokeKeys] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const body: {
      display_name?: string;
      current_password?: string;
      new_password?: string;
      revoke_api_keys?: boolean;
    } = {};
    if (name.trim()) body.display_name = name.trim();
    if (next) {
      body.current_password = current;
      body.new_password = next;
      body.revoke_api_keys = revokeKeys;
    }
    try {
      must(await api.PATCH("/api/v1/auth/me", { body }));
      await reloadMe();
      setName("");
      setCurrent("");
      setNext("");
      setRevokeKeys(false);
      const changed = revokeKeys
        ? "other sign-ins are signed out and your API keys revoked"
        : "other sign-ins are signed out";
      toast({ text: next ? `Password changed; ${changed}` : "Profile saved", tone: "success" });
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  return (
    <form className="form" onSubmit={save} aria-label="Change your profile">
      <label>
        Name
        <input
          value={name}
          placeholder={me?.user.display_name || "Your name"}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <div className="row2">
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          New password
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
      </div>
      {next && (
        <label className="muted small">
          <input type="checkbox" checked={revokeKeys} onChange={(e) => setRevokeKeys(e.target.checked)} /> Also revoke
          my API keys (otherwise they keep working)
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!name.trim() && !(current && next)}>
          Save profile
        </button>
      </div>
    </form>
  );
}

function HouseholdCard() {
  const { household, reloadMe, switchHousehold, toast } = useApp();
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("");
  const [newName, setNewName] = useState("");
  const owner = household?.role === "owner";

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!household) return;
    const body: { name?: string; base_currency?: string } = {};
    if (name.trim()) body.name = name.trim();
    if (currency.trim()) body.base_currency = currency.trim().toUpperCase();
    try {
      must(
        await api.PATCH("/api/v1/households/{household_id}", {
          params: { path: { household_id: household.id } },
          body,
        }),
      );
      await reloadMe();
      setName("");
      setCurrency("");
      toast({ text: "Household saved", tone: "success" });
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const created = must(await api.POST("/api/v1/households", { body: { name: newName.trim() } }));
      await reloadMe();
      switchHousehold(created.id);
      setNewName("");
      toast({ text: `Created ${created.name}; you are viewing it now`, tone: "success" });
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  return (
    <section className="card" aria-labelledby="household-title">
      <header className="card-head">
        <h2 id="household-title">Household</h2>
        <span className="muted small">{household?.role}</span>
      </header>
      <form className="form" onSubmit={save}>
        <div className="row2">
          <label>
            Name
            <input
              value={name}
              placeholder={household?.name}
              onChange={(e) => setName(e.target.value)}
              disabled={!owner}
            />
          </label>
          <label>
            Base currency
            <input
              value={currency}
              placeholder={household?.base_currency}
              maxLength={3}
              onChange={(e) => setCurrency(e.target.value)}
              disabled={!owner}
            />
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!owner || (!name.trim() && !currency.trim())}>
            Save
          </button>
        </div>
      </form>
      <form className="inline-form" onSubmit={create} style={{ marginTop: 12 }}>
        <label>
          Another household
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Name" required />
        </label>
        <button type="submit" className="button ghost">
          <Icon name="plus" size={16} /> Create
        </button>
      </form>
    </section>
  );
}

function ApiKeysCard() {
  const { toast } = useApp();
  const { data: keys, reload } = useLoad(async () => must(await api.GET("/api/v1/api-keys")), []);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [created, setCreated] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const key = must(await api.POST("/api/v1/api-keys", { body: { name: name.trim(), scope } }));
      setCreated(key.key);
      setName("");
      reload();
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  async function revoke(key: ApiKey) {
    try {
      await api.DELETE("/api/v1/api-keys/{api_key_id}", { params: { path: { api_key_id: key.id } } });
      toast({ text: `Revoked ${key.name}`, tone: "success" });
      reload();
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  return (
    <section className="card" aria-labelledby="keys-title">
      <header className="card-head">
        <h2 id="keys-title">API keys</h2>
        <span className="muted small">For scripts and the CLI; bound to this household</span>
      </header>
      {created && (
        <div className="form" role="status" style={{ marginBottom: 14 }}>
          <p style={{ margin: 0 }}>
            <strong>Copy this key now.</strong> It is not shown again.
          </p>
          <code className="secret" data-testid="new-api-key">
            {created}
          </code>
          <div>
            <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(created)}>
              Copy
            </button>{" "}
            <button type="button" className="button ghost small" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <form className="inline-form" onSubmit={create}>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Home Assistant" required />
        </label>
        <label>
          Access
          <select value={scope} onChange={(e) => setScope(e.target.value as "read" | "write")}>
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </label>
        <button type="submit" className="button primary">
          Create key
        </button>
      </form>
      <div className="table-scroll" style={{ marginTop: 12 }}>
        <table className="simple-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Access</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(keys ?? []).map((k) => (
              <tr key={k.id} className={k.revoked_at ? "muted" : ""}>
                <td>{k.name}</td>
                <td>
                  <code>kk_{k.prefix}_…</code>
                </td>
                <td>{k.scope}</td>
                <td>{k.last_used_at ? formatDate(k.last_used_at.slice(0, 10)) : "never"}</td>
                <td className="num">
                  {k.revoked_at ? (
                    <span className="badge">revoked</span>
                  ) : (
                    <button type="button" className="button ghost small danger" onClick={() => void revoke(k)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys && keys.length === 0 && <p className="empty">No keys yet.</p>}
      </div>
    </section>
  );
}

type Usage = Schemas["UsageOut"];

/** Language-model costs are fractions of a cent: show up to four decimals. */
function dollars(amount: string): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 4 }).format(
    amount as unknown as number,
  );
}

function UsageCard() {
  // An older server has no usage endpoint: a 404 reads as "not reported", not as an error.
  const { data } = useLoad(async (): Promise<Usage | null> => {
    try {
      return must(await api.GET("/api/v1/assistant/usage"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, []);
  return (
    <section className="card" aria-labelledby="usage-title">
      <header className="card-head">
        <h2 id="usage-title">Assistant language model</h2>
        {data && <span className={`badge ${data.enabled ? "ok" : ""}`}>{data.enabled ? "on" : "off"}</span>}
      </header>
      {data === null || data === undefined ? (
        <p className="muted">
          The assistant understands questions with its built-in parser; this server reports no language model.
        </p>
      ) : (
        <>
          <p className="muted" style={{ marginTop: 0 }}>
            {data.enabled
              ? `Model: ${data.provider_model ?? data.model ?? "configured"}`
              : "No provider configured: questions are understood by the built-in parser, at no cost."}
          </p>
          <dl className="usage figures">
            <div>
              <dt>Requests today</dt>
              <dd>{data.today.requests}</dd>
            </div>
            <div>
              <dt>Spend today</dt>
              <dd>{dollars(data.today.cost)}</dd>
            </div>
            <div>
              <dt>Requests this month</dt>
              <dd>{data.month.requests}</dd>
            </div>
            <div>
              <dt>Spend this month</dt>
              <dd>{dollars(data.month.cost)}</dd>
            </div>
          </dl>
          <p className="muted small">
            Limits: {dollars(data.caps.household_daily)} a day for this household · {dollars(data.caps.global_monthly)}{" "}
            a month for this server · {data.caps.user_daily_requests} questions a day per person
          </p>
        </>
      )}
    </section>
  );
}
