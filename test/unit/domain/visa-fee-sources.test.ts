import { describe, expect, it } from "vitest";
import { FEES } from "#domain/catalog/index.ts";

/**
 * The J-1 visa fees cite the authority that sets them and the day we read it
 * (both said only "ECFMG EVSP fee page (undated)"): the SEVIS I-901 fee DHS/ICE's release (paid on
 * fmjfee.com), the MRV fee the Department of State's rule as a U.S. Embassy page states it.
 */
describe("the J-1 visa fees' sources and as-of dates", () => {
  it.each([
    ["j1_sevis_i901", 220, /ice\.gov/],
    ["j1_visa_mrv", 185, /usembassy\.gov|state\.gov/],
  ])("%s: $%i from the authority, read on 2026-12-03", (key, amount, authority) => {
    const fee = FEES.find((each) => each.key === key);
    expect(fee !== undefined && "amountUsd" in fee ? fee.amountUsd : null).toBe(amount);
    expect(fee?.source).toMatch(authority);
    expect(fee?.asOf).not.toMatch(/undated/);
    expect(fee?.asOf).toMatch(/effective \d{4}-\d{2}-\d{2}/);
    expect(fee?.asOf).toMatch(/read 2026-12-03/);
  });
});
