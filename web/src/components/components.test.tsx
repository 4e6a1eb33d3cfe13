import { fireEvent, render, screen } from "@testing-library/react";
import type { Category, Proposal, Transaction } from "../api/client";
import { FigureTable, ProposalCard } from "../pages/Assistant";
import { SplitDialog } from "../pages/Transactions";
import { CategorySelect, groupCategories } from "./CategorySelect";
import { Money } from "./Money";

const category = (id: number, path: string, parent_id: number | null, kind = "expense"): Category =>
  ({ id, name: path.split("/").pop()!, path, kind, parent_id, archived: false, sort_order: 0 }) as Category;

const CATEGORIES = [
  category(1, "Food & Dining", null),
  category(2, "Food & Dining/Groceries", 1),
  category(3, "Food & Dining/Coffee", 1),
  category(4, "Income", null, "income"),
  category(5, "Income/Salary", 4, "income"),
];

// Dialogs render through <dialog>; jsdom lacks showModal, which the Modal falls back from.
describe("Money", () => {
  it("marks money out as negative, for eyes and for screen readers", () => {
    render(<Money amount="-12.50" currency="USD" signed />);
    const el = screen.getByText(/12\.50/);
    expect(el.className).toContain("money-out");
    expect(el.textContent).toMatch(/^[-−]/);
  });

  it("shows transfers neutral, with an arrow and a label", () => {
    const { container } = render(<Money amount="-1000.00" currency="USD" transfer signed />);
    expect(container.textContent).toContain("⇄");
    expect(container.textContent).toContain("transfer of");
    expect(container.querySelector(".money-out")).toBeNull();
    expect(container.textContent).not.toMatch(/[-−]\$/);
  });

  it("leaves zero neutral", () => {
    render(<Money amount="0.00" currency="USD" signed />);
    expect(screen.getByText(/0\.00/).className).not.toMatch(/money-(in|out)/);
  });

  it("marks money in with a plus when signed", () => {
    render(<Money amount="4341.00" currency="USD" signed />);
    const shown = screen.getByText(/4,341\.00/);
    expect(shown.className).toContain("money-in");
    expect(shown.textContent).toMatch(/^\+/);
  });
});

describe("CategorySelect", () => {
  it("groups categories under their group and filters by kind", () => {
    expect(groupCategories(CATEGORIES).map((g) => [g.group.name, g.children.map((c) => c.name)])).toEqual([
      ["Food & Dining", ["Coffee", "Groceries"]],
      ["Income", ["Salary"]],
    ]);
    let chosen: number | null = null;
    render(
      <CategorySelect
        categories={CATEGORIES}
        value={null}
        onChange={(id) => (chosen = id)}
        kind="expense"
        label="Pick"
      />,
    );
    const select = screen.getByLabelText("Pick");
    expect(screen.queryByRole("option", { name: "Salary" })).toBeNull();
    fireEvent.change(select, { target: { value: "3" } });
    expect(chosen).toBe(3);
  });
});

describe("ProposalCard", () => {
  const proposal: Proposal = {
    id: "p1",
    action: "update",
    summary: "Change the category of Starbucks on 2026-11-20",
    diff: [{ field: "category", before: "Food & Dining/Groceries", after: "Food & Dining/Coffee" }],
    status: "pending",
    expires_at: "2026-11-23T14:25:00Z",
    transaction_id: 9,
    event_group: null,
  };

  it("shows the diff and asks before it acts", () => {
    const decisions: string[] = [];
    render(<ProposalCard proposal={proposal} onDecide={(_, a) => decisions.push(a)} onUndo={() => undefined} />);
    expect(screen.getByText("Food & Dining/Groceries").className).toContain("before");
    expect(screen.getByText("Food & Dining/Coffee")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Confirm/ }));
    fireEvent.click(screen.getByRole("button", { name: /Cancel/ }));
    expect(decisions).toEqual(["confirm", "cancel"]);
  });

  it("offers undo once confirmed, and nothing to decide", () => {
    const undone: string[] = [];
    render(
      <ProposalCard
        proposal={{ ...proposal, status: "confirmed", event_group: "g1" }}
        onDecide={() => undefined}
        onUndo={(p) => undone.push(p.id)}
      />,
    );
    expect(screen.queryByRole("button", { name: /Confirm/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect(undone).toEqual(["p1"]);
  });
});

describe("SplitDialog", () => {
  const account = { id: 100, name: "Checking", kind: "asset" as const };
  const tx = {
    id: 1,
    date: "2026-11-20",
    type: "expense",
    payee: "Costco",
    amount: "-100.00",
    currency: "USD",
    account,
    category: { id: 2, name: "Food & Dining/Groceries", kind: "expense" },
    postings: [
      { id: 1, account, amount: "-100.00", currency: "USD", converted_amount: "-100.00", memo: "" },
      {
        id: 2,
        account: { id: 2, name: "Food & Dining/Groceries", kind: "expense" },
        amount: "100.00",
        currency: "USD",
        converted_amount: "100.00",
        memo: "",
      },
    ],
  } as unknown as Transaction;

  it("refuses lines that do not add up, and saves balanced postings that do", async () => {
    const saved: unknown[] = [];
    render(
      <SplitDialog
        tx={tx}
        categories={CATEGORIES}
        onClose={() => undefined}
        onSave={async (p) => void saved.push(p)}
      />,
    );
    fireEvent.change(screen.getByLabelText("Amount of line 1"), { target: { value: "60.10" } });
    fireEvent.click(screen.getByRole("button", { name: /Add line/ }));
    expect((screen.getByLabelText("Amount of line 2") as HTMLInputElement).value).toBe("39.90");
    fireEvent.change(screen.getByLabelText("Amount of line 2"), { target: { value: "30.00" } });
    fireEvent.change(screen.getByLabelText("Category of line 2"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Save split" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining("must add up"));
    expect(saved).toEqual([]);

    fireEvent.change(screen.getByLabelText("Amount of line 2"), { target: { value: "39.90" } });
    fireEvent.click(screen.getByRole("button", { name: "Save split" }));
    await screen.findByText("Fully allocated");
    await Promise.resolve();
    expect(saved).toEqual([
      [
        { account: 100, amount: "-100.00" },
        { account: 2, amount: "60.10" },
        { account: 3, amount: "39.90" },
      ],
    ]);
  });

  /** The same purchase in another currency: the money leg and one category leg, amounts as the server writes them. */
  function inCurrency(amount: string, currency: string): Transaction {
    const legs = tx.postings.map((p, i) => ({
      ...p,
      amount: i === 0 ? `-${amount}` : amount,
      converted_amount: i === 0 ? `-${amount}` : amount,
      currency,
    }));
    return { ...tx, amount: `-${amount}`, currency, postings: legs } as Transaction;
  }

  it("splits a dinar amount to the fils: 1.235 KWD into 1.200 and 0.035", async () => {
    const saved: unknown[] = [];
    render(
      <SplitDialog
        tx={inCurrency("1.235", "KWD")}
        categories={CATEGORIES}
        onClose={() => undefined}
        onSave={async (p) => void saved.push(p)}
      />,
    );
    expect((screen.getByLabelText("Amount of line 1") as HTMLInputElement).value).toBe("1.235");
    fireEvent.change(screen.getByLabelText("Amount of line 1"), { target: { value: "1.2" } });
    fireEvent.click(screen.getByRole("button", { name: /Add line/ }));
    expect((screen.getByLabelText("Amount of line 2") as HTMLInputElement).value).toBe("0.035");
    fireEvent.change(screen.getByLabelText("Category of line 2"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Save split" }));
    await screen.findByText("Fully allocated");
    await Promise.resolve();
    expect(saved).toEqual([
      [
        { account: 100, amount: "-1.235" },
        { account: 2, amount: "1.200" },
        { account: 3, amount: "0.035" },
      ],
    ]);
  });

  it("splits yen in whole yen and refuses a fraction of one", async () => {
    const saved: unknown[] = [];
    render(
      <SplitDialog
        tx={inCurrency("1500", "JPY")}
        categories={CATEGORIES}
        onClose={() => undefined}
        onSave={async (p) => void saved.push(p)}
      />,
    );
    fireEvent.change(screen.getByLabelText("Amount of line 1"), { target: { value: "999.5" } });
    fireEvent.click(screen.getByRole("button", { name: /Add line/ }));
    fireEvent.change(screen.getByLabelText("Amount of line 2"), { target: { value: "500.5" } });
    fireEvent.change(screen.getByLabelText("Category of line 2"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Save split" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining("positive amount"));
    expect(saved).toEqual([]);

    fireEvent.change(screen.getByLabelText("Amount of line 1"), { target: { value: "1000" } });
    fireEvent.change(screen.getByLabelText("Amount of line 2"), { target: { value: "500" } });
    fireEvent.click(screen.getByRole("button", { name: "Save split" }));
    await screen.findByText("Fully allocated");
    await Promise.resolve();
    expect(saved).toEqual([
      [
        { account: 100, amount: "-1500" },
        { account: 2, amount: "1000" },
        { account: 3, amount: "500" },
      ],
    ]);
  });
});

describe("FigureTable", () => {
  it("shows a ranking's rows in order, with their amounts and counts", () => {
    render(
      <FigureTable
        caption="By merchant"
        rows={[
          { key: "Safeway", amount: "243.35", count: 3 },
          { key: "Netflix", amount: "46.47", count: 3 },
        ]}
        currency="USD"
      />,
    );
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Safeway.*243\.35.*3$/),
      expect.stringMatching(/^Netflix.*46\.47.*3$/),
    ]);
    expect(screen.getByText("By merchant")).toBeTruthy();
  });

  it("adds the difference under a comparison", () => {
    render(
      <FigureTable
        caption="Compared"
        rows={[
          { key: "in October 2026", amount: "122.10", count: 2 },
          { key: "in September 2026", amount: "61.25", count: 1 },
        ]}
        currency="USD"
        difference="60.85"
      />,
    );
    const total = screen.getByText("Difference").closest("tr")!;
    expect(total.textContent).toMatch(/60\.85/);
  });
});
