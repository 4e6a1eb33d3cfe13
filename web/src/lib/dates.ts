// Dates are ISO strings ("2026-11-23") from the API; periods are half-open month ranges computed here.

export function isoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

export function today(): string {
  return isoDate(new Date());
}

function parse(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1);
}

export interface Period {
  start: string;
  end: string; // inclusive, as the API takes it
}

/** The month containing `iso`, shifted by `offset` months. */
export function monthOf(iso: string, offset = 0): Period {
  const d = parse(iso);
  const first = new Date(d.getFullYear(), d.getMonth() + offset, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0);
  return { start: isoDate(first), end: isoDate(last) };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const shortFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short" });
const monthYearFormat = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });

export function formatDate(iso: string): string {
  return dateFormat.format(parse(iso));
}

/** A table's date: "Nov 22" this year, "Nov 22, 2025" before. */
export function formatRowDate(iso: string): string {
  return iso.slice(0, 4) === String(new Date().getFullYear())
    ? shortFormat.format(parse(iso))
    : dateFormat.format(parse(iso));
}

export function formatShortDate(iso: string): string {
  return shortFormat.format(parse(iso));
}

/** "2026-03" -> "Mar" */
export function formatMonthKey(key: string): string {
  return monthFormat.format(parse(`${key}-01`));
}

export function formatMonthYear(iso: string): string {
  return monthYearFormat.format(parse(iso));
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** An instant from the API ("2026-11-23T14:15:00Z") in the user's locale and time zone. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
