import type { BudgetLine, Goal } from "../api/client";
import { subtract, sumAmounts } from "./money";
import { goalStatus, groupLines, progressOf, shiftMonth, totals } from "./planning";
import { calendarWeeks } from "../pages/Recurring";

const line = (category: string, budgeted: string, spent: string, available: string): BudgetLine => ({
  category,
  category_id: category.length,
  budgeted,
  spent,
  rolled_over: "0.00",
  available,
  rollover: false,
  sweep: false,
});

const goal = (over: Partial<Goal>): Goal => ({
  id: 1,
  name: "Trip",
  currency: "USD",
  target: "3000.00",
  saved: "450.00",
  remaining: "2550.00",
  by: "2027-06-30",
  monthly_needed: "425.00",
  pace: "150.00",
  projected_date: "2028-01-04",
  on_track: false,
  late: false,
  accounts: [],
  ...over,
});

test("months shift across years both ways", () => {
  expect(shiftMonth("2026-12", 1)).toBe("2027-01");
  expect(shiftMonth("2027-01", -1)).toBe("2026-12");
  expect(shiftMonth("2026-11", -12)).toBe("2025-11");
  expect(shiftMonth("2026-03", 0)).toBe("2026-03");
});

test("lines group under their group, a group's own line heads it", () => {
  const rows = groupLines([
    line("Shopping", "400.00", "82.41", "317.59"),
    line("Food & Dining/Groceries", "850.00", "905.54", "-55.54"),
    line("Food & Dining/Coffee", "90.00", "77.45", "12.55"),
  ]);
  expect(rows.map((r) => [r.group, r.line?.category ?? null, r.children.map((c) => c.category)])).toEqual([
    ["Food & Dining", null, ["Food & Dining/Groceries", "Food & Dining/Coffee"]],
    ["Shopping", "Shopping", []],
  ]);
});

test("totals count a group's line, not its categories again, to the cent", () => {
  const sums = totals([
    line("Food & Dining", "1000.00", "983.00", "17.00"),
    line("Food & Dining/Coffee", "90.00", "77.45", "12.55"),
    line("Shopping", "400.10", "0.20", "399.90"),
  ]);
  expect(sums).toEqual({ budgeted: "1400.10", spent: "983.20", available: "416.90" });
});

test("sums and differences are exact where floats are not", () => {
  expect(sumAmounts(["0.10", "0.20"])).toBe("0.30");
  expect(sumAmounts([])).toBe("0");
  expect(sumAmounts(["-1.005", "1"])).toBe("-0.005");
  expect(subtract("94.94", "90.00")).toBe("4.94");
  expect(subtract("12345678901234.56", "0.01")).toBe("12345678901234.55");
});

test("a goal's standing and its bar", () => {
  expect(goalStatus(goal({}))).toEqual({ label: "Behind", tone: "warn" });
  expect(goalStatus(goal({ on_track: true })).label).toBe("On track");
  expect(goalStatus(goal({ on_track: null, by: null })).label).toBe("No date");
  expect(goalStatus(goal({ late: true })).label).toBe("Past its date");
  expect(goalStatus(goal({ remaining: "0.00", saved: "3100.00" })).label).toBe("Reached");
  expect(progressOf(goal({}))).toBe(15);
  expect(progressOf(goal({ saved: "3100.00" }))).toBe(100);
  expect(progressOf(goal({ saved: "-20.00" }))).toBe(0);
});

test("the bills calendar runs Monday to Sunday over the whole window", () => {
  const weeks = calendarWeeks("2026-12-04", 30); // a Friday
  expect(weeks[0]![0]).toBe("2026-11-30");
  expect(weeks.every((w) => w.length === 7)).toBe(true);
  expect(weeks.at(-1)).toContain("2027-01-03");
  expect(weeks.length).toBe(5);
});
