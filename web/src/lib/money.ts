// Money on the screen: decimal strings in, Intl formatting out. Arithmetic is on BigInt minor units, never floats.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, signDisplay: "auto" | "exceptZero" | "never" = "auto"): Intl.NumberFormat {
  const key = `${currency}|${signDisplay}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: "currency", currency, signDisplay });
    formatters.set(key, f);
  }
  return f;
}

/** "1234.5" USD -> "$1,234.50" in the user's locale. Intl takes the decimal string as is (no float). */
export function formatMoney(amount: string, currency: string, opts: { sign?: boolean; abs?: boolean } = {}): string {
  const signDisplay = opts.abs ? "never" : opts.sign ? "exceptZero" : "auto";
  // Intl.NumberFormat.format accepts a decimal string (ES2023), which keeps every digit exact.
  return formatter(currency || "USD", signDisplay).format(amount as unknown as number);
}

/** Compact form for chart axes: "$12K". */
export function formatMoneyShort(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency || "USD",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amount as unknown as number);
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer count of 1/10^scale units. */
export function toUnits(amount: string, scale = 2): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole, frac = ""] = m;
  const digits = (frac + "0".repeat(scale)).slice(0, scale);
  const units = BigInt(whole!) * 10n ** BigInt(scale) + BigInt(digits || "0");
  return sign === "-" ? -units : units;
}

export function fromUnits(units: bigint, scale = 2): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(scale, "0");
  return `${negative ? "-" : ""}${whole}${scale ? "." + frac : ""}`;
}

export function isNegative(amount: string): boolean {
  return toUnits(amount) < 0n;
}

export function isValidAmount(text: string): boolean {
  return DECIMAL.test(text.trim());
}

export function negate(amount: string): string {
  return fromUnits(-toUnits(amount));
}

export function abs(amount: string): string {
  const u = toUnits(amount);
  return fromUnits(u < 0n ? -u : u);
}

/** A bar's length as a percentage of the largest (display geometry, not money). */
export function share(amount: string, max: string): number {
  const m = toUnits(max);
  if (m === 0n) return 0;
  const a = toUnits(amount);
  return Number(((a < 0n ? -a : a) * 10000n) / (m < 0n ? -m : m)) / 100;
}

/** Percentage change from `before` to `after` as a display string ("+12%"), or null when before is zero. */
export function change(after: string, before: string): string | null {
  const b = toUnits(before);
  if (b === 0n) return null;
  const a = toUnits(after);
  const pct = ((a - b) * 1000n) / (b < 0n ? -b : b);
  const sign = pct > 0n ? "+" : pct < 0n ? "−" : "";
  const abs10 = pct < 0n ? -pct : pct;
  return `${sign}${fromUnits(abs10, 1).replace(/\.0$/, "")}%`;
}
