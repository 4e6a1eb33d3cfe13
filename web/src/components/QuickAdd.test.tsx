import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { discard, listEntries } from "../lib/outbox";
import { AppProvider } from "../state";
import { QuickAdd } from "./QuickAdd";

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => online });
}

describe("QuickAdd offline", () => {
  beforeEach(async () => {
    for (const e of await listEntries()) await discard(e.id!);
    // What the app cached the last time it was online: the household's accounts and categories.
    localStorage.setItem(
      "kakeibo.reference",
      JSON.stringify({
        accounts: [{ id: 41, name: "Wallet", kind: "asset", archived: false, sort_order: 0 }],
        categories: [
          {
            id: 1,
            name: "Food & Dining",
            path: "Food & Dining",
            kind: "expense",
            parent_id: null,
            archived: false,
            sort_order: 0,
          },
          {
            id: 2,
            name: "Coffee",
            path: "Food & Dining/Coffee",
            kind: "expense",
            parent_id: 1,
            archived: false,
            sort_order: 0,
          },
        ],
      }),
    );
  });
  afterEach(() => setOnline(true));

  it("queues the entry in IndexedDB instead of sending it, and closes", async () => {
    setOnline(false);
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    let closed = false;
    render(
      <AppProvider>
        <QuickAdd open onClose={() => (closed = true)} />
      </AppProvider>,
    );
    fireEvent.change(screen.getByLabelText("Amount"), { target: { value: "3.20" } });
    fireEvent.change(screen.getByLabelText("Payee"), { target: { value: "Kiosk" } });
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(closed).toBe(true));
    const [entry, ...rest] = await listEntries();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      state: "queued",
      body: { type: "expense", account: 41, amount: "3.20", payee: "Kiosk", category: 2 },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it("refuses an amount that is not a positive decimal, and queues nothing", async () => {
    setOnline(false);
    render(
      <AppProvider>
        <QuickAdd open onClose={() => undefined} />
      </AppProvider>,
    );
    fireEvent.change(screen.getByLabelText("Amount"), { target: { value: "-4" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    expect((await screen.findByRole("alert")).textContent).toContain("positive amount");
    expect(await listEntries()).toEqual([]);
  });
});
