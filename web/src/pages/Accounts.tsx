// Accounts and categories: create, rename, archive and reorder accounts and the category tree; the rules that
// file transactions, with an editor.
import { useState, type FormEvent } from "react";
import { api, latestGroupOf, must, undoGroup, type Account, type Category, type Rule } from "../api/client";
import { CategorySelect, groupCategories } from "../components/CategorySelect";
import { Icon } from "../components/Icon";
import { Money } from "../components/Money";
import { ledgerChanged, useLoad } from "../lib/load";
import { isValidAmount } from "../lib/money";
import { useApp, useCurrency } from "../state";

function useAct() {
  const { toast } = useApp();
  return async (what: string, work: () => Promise<{ entity: string; id: number } | void>) => {
    try {
      const changed = await work();
      ledgerChanged();
      toast({
        text: what,
        tone: "success",
        undo: changed
          ? async () => {
              await undoGroup(await latestGroupOf(changed.entity, changed.id));
              ledgerChanged();
            }
          : undefined,
      });
      return true;
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
      return false;
    }
  };
}

export function Accounts() {
  return (
    <div className="page">
      <header className="page-head">
        <h1>Accounts &amp; categories</h1>
      </header>
      <div className="grid-2">
        <AccountsCard />
        <CategoriesCard />
      </div>
      <RulesCard />
    </div>
  );
}

function Rename({ value, label, onSave }: { value: string; label: string; onSave: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(value);
  if (!editing)
    return (
      <button
        type="button"
        className="cell-button grow"
        onClick={() => {
          setName(value);
          setEditing(true);
        }}
        aria-label={`Rename ${label}`}
      >
        {value}
      </button>
    );
  const finish = (save: boolean) => {
    setEditing(false);
    if (save && name.trim() && name.trim() !== value) onSave(name.trim());
  };
  return (
    <input
      className="inline-input grow"
      aria-label={`New name for ${label}`}
      value={name}
      autoFocus
      onChange={(e) => setName(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(true);
        if (e.key === "Escape") finish(false);
      }}
    />
  );
}

function Reorder({
  onMove,
  first,
  last,
  label,
}: {
  onMove: (delta: -1 | 1) => void;
  first: boolean;
  last: boolean;
  label: string;
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        disabled={first}
        onClick={() => onMove(-1)}
        aria-label={`Move ${label} up`}
      >
        <Icon name="up" size={16} />
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={last}
        onClick={() => onMove(1)}
        aria-label={`Move ${label} down`}
      >
        <Icon name="down" size={16} />
      </button>
    </>
  );
}

/** New sort orders after moving item `index` by `delta`: every item gets its position, so ties cannot persist. */
function reordered<T extends { id: number }>(
  items: T[],
  index: number,
  delta: -1 | 1,
): { id: number; sort_order: number }[] {
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(index + delta, 0, moved!);
  return next.map((item, i) => ({ id: item.id, sort_order: i + 1 }));
}

function AccountsCard() {
  const { accounts } = useApp();
  const currency = useCurrency();
  const act = useAct();
  const [showArchived, setShowArchived] = useState(false);
  const money = accounts
    .filter((a) => (a.kind === "asset" || a.kind === "liability") && (showArchived || !a.archived))
    .sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name));
  const patch = (account: Account, body: Record<string, unknown>) =>
    api.PATCH("/api/v1/accounts/{account_id}", { params: { path: { account_id: account.id } }, body }).then(must);

  async function move(index: number, delta: -1 | 1) {
    await act("Accounts reordered", async () => {
      for (const { id, sort_order } of reordered(money, index, delta)) {
        const account = money.find((a) => a.id === id)!;
        if (account.sort_order !== sort_order) await patch(account, { sort_order });
      }
    });
  }

  return (
    <section className="card" aria-labelledby="accounts-title">
      <header className="card-head">
        <h2 id="accounts-title">Accounts</h2>
        <label className="muted small">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show
          archived
        </label>
      </header>
      <ul className="list">
        {money.map((a, i) => (
          <li key={a.id} className={`list-row ${a.archived ? "archived" : ""}`}>
            <Rename
              value={a.name}
              label={a.name}
              onSave={(name) =>
                void act(`Renamed to ${name}`, async () => {
                  await patch(a, { name });
                  return { entity: "account", id: a.id };
                })
              }
            />
            <span className="muted small subtype">{(a.subtype ?? a.kind).replace("_", " ")}</span>
            <Money amount={a.balance ?? "0"} currency={a.currency ?? currency} />
            <Reorder first={i === 0} last={i === money.length - 1} onMove={(d) => void move(i, d)} label={a.name} />
            <button
              type="button"
              className="button ghost small"
              onClick={() =>
                void act(a.archived ? `${a.name} restored` : `${a.name} archived`, async () => {
                  await patch(a, { archived: !a.archived });
                  return { entity: "account", id: a.id };
                })
              }
            >
              {a.archived ? "Restore" : "Archive"}
            </button>
          </li>
        ))}
      </ul>
      <NewAccount
        onCreate={(body) =>
          act(`Account ${body.name} created`, async () => {
            const created = must(await api.POST("/api/v1/accounts", { body }));
            return { entity: "account", id: created.id };
          })
        }
      />
    </section>
  );
}

type AccountCreate = {
  name: string;
  kind: "asset" | "liability";
  subtype: "checking" | "savings" | "credit_card" | "cash" | "brokerage" | "loan";
  opening_balance: string;
};

function NewAccount({ onCreate }: { onCreate: (body: AccountCreate) => Promise<boolean> }) {
  const [name, setName] = useState("");
  const [subtype, setSubtype] = useState<AccountCreate["subtype"]>("checking");
  const [opening, setOpening] = useState("0");
  const currency = useCurrency(); // a new account holds the household's currency
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() || !isValidAmount(opening, currency)) return;
    const kind = subtype === "credit_card" || subtype === "loan" ? "liability" : "asset";
    if (await onCreate({ name: name.trim(), kind, subtype, opening_balance: opening.trim() })) {
      setName("");
      setOpening("0");
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} style={{ marginTop: 14 }} aria-label="New account">
      <label>
        New account
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required />
      </label>
      <label>
        Type
        <select value={subtype} onChange={(e) => setSubtype(e.target.value as AccountCreate["subtype"])}>
          <option value="checking">Checking</option>
          <option value="savings">Savings</option>
          <option value="credit_card">Credit card</option>
          <option value="cash">Cash</option>
          <option value="brokerage">Brokerage</option>
          <option value="loan">Loan</option>
        </select>
      </label>
      <label>
        Opening balance
        <input
          value={opening}
          onChange={(e) => setOpening(e.target.value)}
          inputMode="decimal"
          style={{ width: 110 }}
        />
      </label>
      <button type="submit" className="button primary">
        <Icon name="plus" size={16} /> Create
      </button>
    </form>
  );
}

function CategoriesCard() {
  const { categories } = useApp();
  const act = useAct();
  const tree = groupCategories(categories);
  const patch = (c: Category, body: Record<string, unknown>) =>
    api.PATCH("/api/v1/categories/{category_id}", { params: { path: { category_id: c.id } }, body }).then(must);
  const [name, setName] = useState("");
  const [parent, setParent] = useState<string>("");

  async function move(list: Category[], index: number, delta: -1 | 1) {
    await act("Categories reordered", async () => {
      for (const { id, sort_order } of reordered(list, index, delta)) {
        const c = list.find((x) => x.id === id)!;
        if (c.sort_order !== sort_order) await patch(c, { sort_order });
      }
    });
  }

  function row(c: Category, list: Category[], i: number) {
    return (
      <div className="list-row">
        <Rename
          value={c.name}
          label={c.path}
          onSave={(n) =>
            void act(`Renamed to ${n}`, async () => {
              await patch(c, { name: n });
              return { entity: "account", id: c.id };
            })
          }
        />
        <Reorder first={i === 0} last={i === list.length - 1} onMove={(d) => void move(list, i, d)} label={c.name} />
        <button
          type="button"
          className="button ghost small"
          onClick={() =>
            void act(`${c.name} archived`, async () => {
              await patch(c, { archived: true });
              return { entity: "account", id: c.id };
            })
          }
        >
          Archive
        </button>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="categories-title">
      <header className="card-head">
        <h2 id="categories-title">Categories</h2>
      </header>
      <div style={{ maxHeight: 520, overflowY: "auto" }}>
        <ul className="list">
          {tree.map(({ group, children }, gi) => (
            <li key={group.id}>
              {row(
                group,
                tree.map((t) => t.group),
                gi,
              )}
              <ul className="tree-children">
                {children.map((c, ci) => (
                  <li key={c.id}>{row(c, children, ci)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
      <form
        className="inline-form"
        style={{ marginTop: 14 }}
        aria-label="New category"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void act(`Category ${name.trim()} created`, async () => {
            const created = must(
              await api.POST("/api/v1/categories", {
                body: { name: name.trim(), parent: parent ? Number(parent) : null },
              }),
            );
            return { entity: "account", id: created.id };
          }).then((ok) => ok && setName(""));
        }}
      >
        <label>
          New category
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required />
        </label>
        <label>
          In group
          <select value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">(a new group)</option>
            {tree.map(({ group }) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary">
          <Icon name="plus" size={16} /> Create
        </button>
      </form>
    </section>
  );
}

function RulesCard() {
  const { categories, toast } = useApp();
  const { data: rules, reload } = useLoad(async () => must(await api.GET("/api/v1/rules")), []);
  const [editing, setEditing] = useState<Rule | "new" | null>(null);

  async function remove(rule: Rule) {
    try {
      await api.DELETE("/api/v1/rules/{rule_id}", { params: { path: { rule_id: rule.id } } });
      toast({ text: `Rule ${rule.name} deleted`, tone: "success" });
      reload();
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  async function apply() {
    try {
      const result = must(await api.POST("/api/v1/rules/apply"));
      ledgerChanged();
      toast({ text: `Rules changed ${result.changed} transaction${result.changed === 1 ? "" : "s"}`, tone: "success" });
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  return (
    <section className="card" aria-labelledby="rules-title">
      <header className="card-head">
        <h2 id="rules-title">Rules</h2>
        <span className="form-actions">
          <button type="button" className="button ghost small" onClick={() => void apply()}>
            Apply to past transactions
          </button>
          <button type="button" className="button primary small" onClick={() => setEditing("new")}>
            <Icon name="plus" size={16} /> New rule
          </button>
        </span>
      </header>
      {editing && (
        <RuleEditor
          rule={editing === "new" ? null : editing}
          categories={categories}
          onDone={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
      {rules && rules.length === 0 && (
        <p className="empty">No rules yet. Correcting a category a few times proposes one.</p>
      )}
      <div className="table-scroll" hidden={!rules || rules.length === 0}>
        <table className="simple-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>When</th>
              <th>Then</th>
              <th className="num">Hits</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(rules ?? []).map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name} {r.status !== "active" && <span className="badge warn">{r.status}</span>}
                </td>
                <td className="muted">
                  {r.conditions.map((c) => `${String(c.field)} ${String(c.op)} “${String(c.value)}”`).join(" and ")}
                </td>
                <td>{r.category ?? r.payee ?? "—"}</td>
                <td className="num">{r.hits}</td>
                <td className="num">
                  {r.status === "proposed" && (
                    <button
                      type="button"
                      className="button small"
                      onClick={() =>
                        void api
                          .PATCH("/api/v1/rules/{rule_id}", {
                            params: { path: { rule_id: r.id } },
                            body: { status: "active" },
                          })
                          .then(reload)
                      }
                    >
                      Accept
                    </button>
                  )}
                  <button type="button" className="button ghost small" onClick={() => setEditing(r)}>
                    Edit
                  </button>
                  <button type="button" className="button ghost small danger" onClick={() => void remove(r)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Field = "payee" | "description" | "account" | "amount" | "direction";
type Op = "contains" | "equals" | "regex" | "starts_with" | "between" | "less_than" | "greater_than";

function RuleEditor({
  rule,
  categories,
  onDone,
}: {
  rule: Rule | null;
  categories: Category[];
  onDone: (saved: boolean) => void;
}) {
  const { toast } = useApp();
  const first = rule?.conditions[0] as { field?: Field; op?: Op; value?: unknown } | undefined;
  const [name, setName] = useState(rule?.name ?? "");
  const [field, setField] = useState<Field>(first?.field ?? "payee");
  const [op, setOp] = useState<Op>(first?.op ?? "contains");
  const [value, setValue] = useState(first?.value !== undefined ? String(first.value) : "");
  const [category, setCategory] = useState<number | null>(rule?.category_id ?? null);
  const [priority, setPriority] = useState(String(rule?.priority ?? 100));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: name.trim() || `${field} ${op} ${value}`,
      conditions: [{ field, op, value }],
      actions: { category, tags: [] },
      priority: Number(priority) || 100,
    };
    try {
      if (rule) must(await api.PATCH("/api/v1/rules/{rule_id}", { params: { path: { rule_id: rule.id } }, body }));
      else must(await api.POST("/api/v1/rules", { body }));
      toast({ text: `Rule ${body.name} saved`, tone: "success" });
      onDone(true);
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  return (
    <form
      className="inline-form card"
      style={{ marginBottom: 14, background: "#fafbfc" }}
      onSubmit={submit}
      aria-label="Rule editor"
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Coffee shops" />
      </label>
      <label>
        When
        <select value={field} onChange={(e) => setField(e.target.value as Field)}>
          {["payee", "description", "account", "amount", "direction"].map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      <label>
        Test
        <select value={op} onChange={(e) => setOp(e.target.value as Op)}>
          {["contains", "equals", "starts_with", "regex", "less_than", "greater_than"].map((o) => (
            <option key={o} value={o}>
              {o.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label>
        Value
        <input value={value} onChange={(e) => setValue(e.target.value)} required />
      </label>
      <label>
        Category
        <CategorySelect
          categories={categories}
          value={category}
          onChange={setCategory}
          noneLabel="Choose…"
          label="Rule category"
        />
      </label>
      <label>
        Priority
        <input
          value={priority}
          onChange={(e) => setPriority(e.target.value)}
          inputMode="numeric"
          style={{ width: 70 }}
        />
      </label>
      <button type="submit" className="button primary">
        Save rule
      </button>
      <button type="button" className="button ghost" onClick={() => onDone(false)}>
        Cancel
      </button>
    </form>
  );
}
