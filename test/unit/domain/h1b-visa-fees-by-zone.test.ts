import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in Chicago had no H1B_PROCLAMATION_FEE risk
 * but the $100,000 row under "to verify", the same as an applicant in Lagos. The row now follows
 * the risk's own rule (proclamationApplies: H-1B, petition not approved, a zone outside the US or,
 * in the US, the route not settled as a change of status), and
 * says it is the employer's payment on a new petition for someone outside the US, not the
 * applicant's. The $250 Visa Integrity Fee is charged on a visa's issuance (fact sheet): for H-1B
 * that is the stamping, which a change of status in the US does without, so in a US zone its row
 * says it is owed on the consular route only, and with the stamping "Not for me" it is not listed.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-visa-fees-by-zone/", import.meta.url));
const CHICAGO = readSnapshot(DIR, "chicago-ranking-2027.json");
const LAGOS = readSnapshot(DIR, "lagos-ranking-2027.json");
const CHICAGO_COS = readSnapshot(DIR, "chicago-change-of-status-2027.json");
const LAGOS_APPROVED = readSnapshot(DIR, "lagos-petition-approved-2027.json");
const RANKING = "2026-12-04T17:00:00Z";
const MATCHED = "2027-04-25T15:00:00Z";

const row = (result: Plan, key: string) => result.budget.toVerify?.find((item) => item.key === key);
const proclamationRisk = (result: Plan) => result.risks.find((risk) => risk.code === "H1B_PROCLAMATION_FEE");

describe("the $100,000 proclamation row follows the proclamation risk", () => {
  // A program may file for consular notification for someone in the US too (h1b-proclamation-in-us.test.ts).
  it("in Chicago, the route not answered: the risk and the row", () => {
    const result = planInOwnMatch(CHICAGO, RANKING);
    expect(proclamationRisk(result)).toBeDefined();
    expect(row(result, "h1b_proclamation_100k")?.amountUsd).toBe(100_000);
  });

  it("in Chicago with the stamping 'Not for me' (a change of status): neither the risk nor the row", () => {
    const result = planInOwnMatch(CHICAGO_COS, MATCHED);
    expect(proclamationRisk(result)).toBeUndefined();
    expect(row(result, "h1b_proclamation_100k")).toBeUndefined();
  });

  it("in Lagos: the risk and the row, the employer's payment on a new petition for someone outside the US", () => {
    const result = planInOwnMatch(LAGOS, RANKING);
    expect(proclamationRisk(result)).toBeDefined();
    const proclamation = row(result, "h1b_proclamation_100k");
    expect(proclamation?.amountUsd).toBe(100_000);
    expect(proclamation?.label).toBe(
      "Employer's $100,000 payment on a new H-1B petition for someone outside the US without a valid H-1B visa (not paid by you)",
    );
    // Not counted: a fee to verify is in no total.
    expect(result.budget.totalUsd).toBeLessThan(100_000);
  });

  it("abroad, once the petition is approved: neither the risk nor the row", () => {
    const result = planInOwnMatch(LAGOS_APPROVED, MATCHED);
    expect(proclamationRisk(result)).toBeUndefined();
    expect(row(result, "h1b_proclamation_100k")).toBeUndefined();
  });
});

describe("the $250 Visa Integrity Fee follows the visa's issuance (the stamping)", () => {
  it("in Chicago, route not answered: listed, owed only on the consular route, with its own flag", () => {
    const integrity = row(planInOwnMatch(CHICAGO, RANKING), "visa_integrity_fee");
    expect(integrity?.amountUsd).toBe(250);
    expect(integrity?.verify).toBe(
      "If the program your Match places you with files an H-1B petition for you: owed only then, so not counted in the totals; to verify: paid only if your program files for consular processing; on a change of status in the US there is no visa to get (flagged, verify: enacted, but when collection starts was unclear at the source; check travel.state.gov before your interview)",
    );
  });

  it("in Chicago with the stamping 'Not for me' (a change of status): no visa, no row", () => {
    const result = planInOwnMatch(CHICAGO_COS, MATCHED);
    expect(row(result, "visa_integrity_fee")).toBeUndefined();
    expect(result.budget.items.some((item) => item.key === "h_visa_mrv")).toBe(false);
  });

  it("in Lagos: listed with its own flag, the stamping still to do; before a match, owed only once matched", () => {
    const flag =
      "flagged, verify: enacted, but when collection starts was unclear at the source; check travel.state.gov before your interview";
    expect(row(planInOwnMatch(LAGOS, RANKING), "visa_integrity_fee")?.verify).toBe(
      `If the program your Match places you with files an H-1B petition for you: owed only then, so not counted in the totals; ${flag}`,
    );
    expect(row(planInOwnMatch(LAGOS_APPROVED, MATCHED), "visa_integrity_fee")?.verify).toBe(flag);
  });
});
