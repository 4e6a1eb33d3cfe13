import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { BudgetMonth } from "../api/client";
import { AppProvider } from "../state";
import { Budget } from "./Budget";

// The server is the one thing faked: a stand-in answers the budget's requests and records the writes.
const MONTH: BudgetMonth = vi.hoisted(() => ({
  month: "2026-11",
  currency: "USD",
  mode: "tracking",
  to_budget: null,
  income: "10137.90",
  categories: [
    {
      category: "Food & Dining/Coffee",
      category_id: 28,
      budgeted: "90.00",
      spent: "77.45",
      rolled_over: "0.00",
      available: "12.55",
      rollover: false,
      sweep: false,
      pace: { day: 23, days: 30, budget_to_date: "69.00", projected: "101.02" },
    },
    {
      category: "Food & Dining/Groceries",
      category_id: 26,
      budgeted: "850.00",
      spent: "905.54",
      rolled_over: "115.31",
      available: "59.77",
      rollover: true,
      sweep: false,
    },
    {
      category: "Shopping",
      category_id: 40,
      budgeted: "400.00",
      spent: "536.29",
      rolled_over: "0.00",
      available: "-136.29",
      rollover: false,
      sweep: false,
    },
  ],
}));

const server = vi.hoisted(() => ({
  writes: [] as { method: string; url: string; body: unknown }[],
  async answer(request: Request): Promise<Response> {
    const url = new URL(request.url).pathname;
    if (request.method !== "GET") server.writes.push({ method: request.method, url, body: await request.json() });
    if (url.startsWith("/api/v1/budgets")) return Response.json(MONTH);
    return new Response(null, { status: 404 });
  },
}));

// The typed client as it ships, pointed at the stand-in (Node's fetch needs an absolute URL).
vi.mock("../api/client", async (importActual) => {
  const createClient = (await import("openapi-fetch")).default;
  return {
    ...(await importActual<typeof import("../api/client")>()),
    api: createClient({ baseUrl: "http://kakeibo.test", fetch: (request: Request) => server.answer(request) }),
  };
});

let writes = server.writes;
beforeEach(() => {
  server.writes = writes = [];
});

function lines() {
  return screen.getAllByTestId("budget-line");
}

test("a row per line under its group, with the pace and what is over", async () => {
  render(
    <AppProvider>
      <Budget />
    </AppProvider>,
  );
  await waitFor(() => expect(lines()).toHaveLength(3));
  expect(lines().map((l) => l.dataset.category)).toEqual([
    "Food & Dining/Coffee",
    "Food & Dining/Groceries",
    "Shopping",
  ]);
  expect(screen.getByText("Food & Dining")).toBeTruthy(); // the group heads its categories
  expect(within(lines()[0]!).getByTestId("pace").textContent).toMatch(/\$101\.02 by month end \(\$11\.02 over\)/);
  expect(within(lines()[2]!).getByText(/over/).textContent).toBe(" over");
  expect(within(lines()[1]!).getByText(/carried in/).textContent).toBe("+$115.31 carried in");
});

test("keys: j moves, e edits and Enter saves, Escape cancels, 6 sets the six-month average", async () => {
  render(
    <AppProvider>
      <Budget />
    </AppProvider>,
  );
  await waitFor(() => expect(lines()).toHaveLength(3));
  const first = within(lines()[0]!).getByRole("button", { name: /Coffee/ });
  first.focus();
  fireEvent.keyDown(first, { key: "j" });
  const second = within(lines()[1]!).getByRole("button", { name: /Groceries/ });
  expect(document.activeElement).toBe(second);

  fireEvent.keyDown(second, { key: "e" });
  const input = within(lines()[1]!).getByLabelText("Budget for Food & Dining/Groceries") as HTMLInputElement;
  expect(input.value).toBe("850.00");
  fireEvent.change(input, { target: { value: "12.345" } });
  fireEvent.keyDown(input, { key: "Enter" });
  expect(input.getAttribute("aria-invalid")).toBe("true"); // a dollar holds two decimals: refused, nothing sent
  expect(writes).toEqual([]);
  fireEvent.change(input, { target: { value: "900" } });
  fireEvent.change(within(lines()[1]!).getByLabelText("Apply to"), { target: { value: "rest_of_year" } });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(writes).toHaveLength(1));
  expect(writes[0]).toEqual({
    method: "PUT",
    url: "/api/v1/budgets/2026-11/categories/26",
    body: { amount: "900", spread: "rest_of_year" },
  });
  await waitFor(() => expect(within(lines()[1]!).queryByLabelText(/Budget for/)).toBeNull());

  const again = within(lines()[1]!).getByRole("button", { name: /Groceries/ });
  fireEvent.keyDown(again, { key: "e" });
  fireEvent.keyDown(within(lines()[1]!).getByLabelText(/Budget for/), { key: "Escape" });
  expect(within(lines()[1]!).queryByLabelText(/Budget for/)).toBeNull();

  fireEvent.keyDown(within(lines()[1]!).getByRole("button", { name: /Groceries/ }), { key: "6" });
  await waitFor(() => expect(writes).toHaveLength(2));
  expect(writes[1]).toEqual({
    method: "POST",
    url: "/api/v1/budgets/2026-11/categories/26/average",
    body: { months: 6 },
  });
});

test("c copies the month before into this one", async () => {
  render(
    <AppProvider>
      <Budget />
    </AppProvider>,
  );
  await waitFor(() => expect(lines()).toHaveLength(3));
  fireEvent.keyDown(document.body, { key: "c" });
  await waitFor(() => expect(writes).toHaveLength(1));
  expect(writes[0]).toEqual({ method: "POST", url: "/api/v1/budgets/2026-11/copy", body: { from: "2026-10" } });
});
