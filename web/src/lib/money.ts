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
const scales = new Map<string, number>();

/** The currency's minor-unit scale, from the browser's currency data (ISO 4217 as CLDR has it): JPY 0, USD 2,
 * KWD 3. An unknown code gets 2, and the server still refuses what the currency cannot hold. */
export function scaleOf(currency: string): number {
  const code = (currency || "USD").toUpperCase();
  let scale = scales.get(code);
  if (scale === undefined) {
    try {
      scale = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      scale = 2;
    }
    scales.set(code, scale);
  }
  return scale;
}

/** How many decimals the string is written with ("1.235" -> 3). */
function decimalsIn(amount: string): number {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  return m[3]?.length ?? 0;
}

/** A decimal string as an integer count of 1/10^scale units (take the scale from `scaleOf(currency)`). An amount
 * with more decimals than the scale holds is refused, never cut: "-1.235" is not -1.23. */
export function toUnits(amount: string, scale: number): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole, frac = ""] = m;
  if (/[^0]/.test(frac.slice(scale))) throw new RangeError(`${amount} has more than ${scale} decimals`);
  const digits = (frac + "0".repeat(scale)).slice(0, scale);
  const units = BigInt(whole!) * 10n ** BigInt(scale) + BigInt(digits || "0");
  return sign === "-" ? -units : units;
}

export function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(scale, "0");
  return `${negative ? "-" : ""}${whole}${scale ? "." + frac : ""}`;
}

/** Both amounts in units of the finer of their two scales, so comparing them needs no currency. */
function common(a: string, b: string): [bigint, bigint, number] {
  const scale = Math.max(decimalsIn(a), decimalsIn(b));
  return [toUnits(a, scale), toUnits(b, scale), scale];
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareAmounts(a: string, b: string): number {
  const [x, y] = common(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isNegative(amount: string): boolean {
  return toUnits(amount, decimalsIn(amount)) < 0n;
}

export function isZero(amount: string): boolean {
  return toUnits(amount, decimalsIn(amount)) === 0n;
}

/** A plain decimal number, whatever its decimals (a search filter, not an amount of one currency). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** An amount the currency can hold: a decimal with no more decimals than its scale (JPY "1500", KWD "1.235"). */
export function isValidAmount(text: string, currency: string): boolean {
  if (!isDecimal(text)) return false;
  const frac = DECIMAL.exec(text.trim())![3] ?? "";
  return frac.length <= scaleOf(currency);
}

/** An example amount for a hint, written with the currency's decimals: "12.50", "1250", "12.500". */
export function exampleAmount(currency: string): string {
  const scale = scaleOf(currency);
  return scale === 0 ? "1250" : `12.${"5".padEnd(scale, "0")}`;
}

export function negate(amount: string): string {
  const scale = decimalsIn(amount);
  return fromUnits(-toUnits(amount, scale), scale);
}

export function abs(amount: string): string {
  const scale = decimalsIn(amount);
  const u = toUnits(amount, scale);
  return fromUnits(u < 0n ? -u : u, scale);
}

/** A bar's length as a percentage of the largest (display geometry, not money). */
export function share(amount: string, max: string): number {
  const [a, m] = common(amount, max);
  if (m === 0n) return 0;
  return Number(((a < 0n ? -a : a) * 10000n) / (m < 0n ? -m : m)) / 100;
}

/** Percentage change from `before` to `after` as a display string ("+12%"), or null when before is zero. */
export function change(after: string, before: string): string | null {
  const [a, b] = common(after, before);
  if (b === 0n) return null;
  const pct = ((a - b) * 1000n) / (b < 0n ? -b : b);
  const sign = pct > 0n ? "+" : pct < 0n ? "−" : "";
  const abs10 = pct < 0n ? -pct : pct;
  return `${sign}${fromUnits(abs10, 1).replace(/\.0$/, "")}%`;
}

/** The exact sum of decimal strings, written with the most decimals any of them has ("0" for none). */
export function sumAmounts(amounts: string[]): string {
  const scale = Math.max(0, ...amounts.map(decimalsIn));
  return fromUnits(
    amounts.reduce((total, a) => total + toUnits(a, scale), 0n),
    scale,
  );
}

/** a - b, exactly. */
export function subtract(a: string, b: string): string {
  const [x, y, scale] = common(a, b);
  return fromUnits(x - y, scale);
}
