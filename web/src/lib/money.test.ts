import {
  abs,
  change,
  compareAmounts,
  exampleAmount,
  formatMoney,
  fromUnits,
  isDecimal,
  isValidAmount,
  negate,
  scaleOf,
  share,
  toUnits,
} from "./money";

describe("money on BigInt minor units", () => {
  it("round-trips decimal strings exactly", () => {
    for (const s of ["0.00", "-0.01", "12.50", "-1234567890123.45", "99999999999999999.99"]) {
      expect(fromUnits(toUnits(s, 2), 2)).toBe(s);
    }
  });

  it("adds 0.10 and 0.20 to exactly 0.30 (no float ever involved)", () => {
    expect(fromUnits(toUnits("0.10", 2) + toUnits("0.20", 2), 2)).toBe("0.30");
  });

  it("pads and refuses what is not an amount", () => {
    expect(toUnits("7", 2)).toBe(700n);
    expect(toUnits("7.5", 2)).toBe(750n);
    expect(() => toUnits("7,50", 2)).toThrow();
    expect(isDecimal("1e3")).toBe(false);
    expect(isValidAmount(" 12.34 ", "USD")).toBe(true);
  });

  it("negates and takes absolute values", () => {
    expect(negate("12.50")).toBe("-12.50");
    expect(abs("-3.07")).toBe("3.07");
  });

  it("sizes bars by their share of the largest", () => {
    expect(share("50.00", "200.00")).toBe(25);
    expect(share("-200.00", "200.00")).toBe(100);
    expect(share("1.00", "0")).toBe(0);
  });

  it("describes the change against last month", () => {
    expect(change("110.00", "100.00")).toBe("+10%");
    expect(change("75.00", "100.00")).toBe("−25%");
    expect(change("5.00", "0.00")).toBeNull();
  });

  it("formats with the currency's own conventions", () => {
    expect(formatMoney("-1234.5", "USD")).toMatch(/-\$1,234\.50|−\$1,234\.50/);
    expect(formatMoney("1234.5", "JPY")).toMatch(/1,235|1,234/);
    expect(formatMoney("12.5", "EUR", { sign: true })).toMatch(/^\+/);
    // A string keeps every digit where a float would not.
    expect(formatMoney("90071992547409.93", "USD")).toContain("90,071,992,547,409.93");
  });
});

describe("the scale comes from the currency", () => {
  it("knows JPY 0, USD 2 and KWD 3 decimals (and 2 for a code it does not know)", () => {
    expect([scaleOf("JPY"), scaleOf("USD"), scaleOf("KWD"), scaleOf("usd"), scaleOf("XYZ1")]).toEqual([0, 2, 3, 2, 2]);
  });

  it("keeps a dinar's third decimal: -1.235 KWD is -1235 fils, not -1.23", () => {
    const kwd = scaleOf("KWD");
    expect(toUnits("-1.235", kwd)).toBe(-1235n);
    expect(fromUnits(toUnits("-1.235", kwd), kwd)).toBe("-1.235");
    expect(fromUnits(toUnits("1.2", kwd) + toUnits("0.035", kwd), kwd)).toBe("1.235");
    expect(abs("-1.235")).toBe("1.235");
    expect(negate("1.235")).toBe("-1.235");
    expect(isValidAmount("1.235", "KWD")).toBe(true);
    expect(isValidAmount("1.2345", "KWD")).toBe(false);
    expect(exampleAmount("KWD")).toBe("12.500");
  });

  it("writes yen without decimals and refuses sen", () => {
    const jpy = scaleOf("JPY");
    expect(toUnits("1500", jpy)).toBe(1500n);
    expect(fromUnits(-1500n, jpy)).toBe("-1500");
    expect(isValidAmount("1500", "JPY")).toBe(true);
    expect(isValidAmount("1500.5", "JPY")).toBe(false);
    expect(exampleAmount("JPY")).toBe("1250");
  });

  it("refuses to cut decimals the scale cannot hold, instead of truncating", () => {
    expect(() => toUnits("-1.235", 2)).toThrow(RangeError);
    expect(() => toUnits("1.5", 0)).toThrow(RangeError);
    expect(toUnits("1.230", 2)).toBe(123n); // a written zero loses nothing
  });

  it("compares amounts written with different decimals exactly", () => {
    expect(compareAmounts("1.235", "1.23")).toBe(1);
    expect(compareAmounts("1500", "1500.00")).toBe(0);
    expect(compareAmounts("-0.001", "0")).toBe(-1);
    expect(share("0.500", "2.000")).toBe(25);
    expect(change("1.100", "1.000")).toBe("+10%");
  });
});
