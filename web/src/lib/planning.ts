// Planning's arithmetic for the screens: months as "YYYY-MM", a budget's lines in tree order and their totals, a
// goal's standing. Amounts stay decimal strings (sums on BigInt minor units, never floats).
import type { BudgetLine, Goal } from "../api/client";
import { compareAmounts, share, sumAmounts } from "./money";

export type GroupRows = { group: string; line: BudgetLine | null; children: BudgetLine[] };

/** "2026-11" shifted by `offset` months. */
export function shiftMonth(month: string, offset: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y! * 12 + (m! - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The lines in reading order: each group, then its categories. A group without a line of its own still heads its
 * categories (with their totals), so the table reads like the category tree. */
export function groupLines(lines: BudgetLine[]): GroupRows[] {
  const groups = new Map<string, GroupRows>();
  for (const line of lines) {
    const [group, child] = line.category.split("/", 2) as [string, string | undefined];
    const entry = groups.get(group) ?? { group, line: null, children: [] };
    if (child === undefined) entry.line = line;
    else entry.children.push(line);
    groups.set(group, entry);
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
}

/** The month's totals, counting a group's own line instead of its categories' (a group line already counts them). */
export function totals(lines: BudgetLine[]): { budgeted: string; spent: string; available: string } {
  const counted = groupLines(lines).flatMap((g) => (g.line ? [g.line] : g.children));
  return {
    budgeted: sumAmounts(counted.map((l) => l.budgeted)),
    spent: sumAmounts(counted.map((l) => l.spent)),
    available: sumAmounts(counted.map((l) => l.available)),
  };
}

/** A goal's standing in words and tone: reached, on track, behind, late, or no date to judge by. */
export function goalStatus(goal: Goal): { label: string; tone: "ok" | "warn" | "" } {
  if (compareAmounts(goal.remaining, "0") <= 0) return { label: "Reached", tone: "ok" };
  if (goal.late) return { label: "Past its date", tone: "warn" };
  if (goal.on_track === true) return { label: "On track", tone: "ok" };
  if (goal.on_track === false) return { label: "Behind", tone: "warn" };
  return { label: "No date", tone: "" };
}

/** The share of the target saved, 0–100, for the bar (geometry, not money). */
export function progressOf(goal: Goal): number {
  // share() measures sizes; a balance below zero has saved nothing yet.
  if (compareAmounts(goal.target, "0") <= 0 || compareAmounts(goal.saved, "0") <= 0) return 0;
  return Math.min(100, Math.max(0, share(goal.saved, goal.target)));
}
