import { abs, change, formatMoney, fromUnits, isValidAmount, negate, share, toUnits } from "./money";

describe("money on BigInt minor units", () => {
  it("round-trips decimal strings exactly", () => {
    for (const s of ["0.00", "-0.01", "12.50", "-1234567890123.45", "99999999999999999.99"]) {
      expect(fromUnits(toUnits(s))).toBe(s);
    }
  });

  it("adds 0.10 and 0.20 to exactly 0.30 (no float ever involved)", () => {
    expect(fromUnits(toUnits("0.10") + toUnits("0.20"))).toBe("0.30");
  });

  it("pads and refuses what is not an amount", () => {
    expect(toUnits("7")).toBe(700n);
    expect(toUnits("7.5")).toBe(750n);
    expect(() => toUnits("7,50")).toThrow();
    expect(isValidAmount("1e3")).toBe(false);
    expect(isValidAmount(" 12.34 ")).toBe(true);
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
