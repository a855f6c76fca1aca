import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The budget is kept across plans (budget-key.ts), keyed on the span of each fee's history its
 * step's day falls in. A fee paid on a day no figure is known for is listed to verify with that day
 * ("paid for your step dated …"), so such a budget is never shared: two applicants in SOAP alike but
 * for the day each paid the OET, both days in the same span, planned at one instant in one process,
 * read the first one's day in the second one's budget.
 */
const DIR = fileURLToPath(new URL("../../fixtures/soap-answer-by-contract-day/", import.meta.url));
const MANILA = readSnapshot(DIR, "in-soap-manila-2027.json");
const OTHER_DAY = {
  ...MANILA,
  milestones: MANILA.milestones.map((entry) =>
    entry.key === "oet_medicine" ? { ...entry, date: "2025-10-20" } : entry,
  ),
};
const AT = "2026-06-09T01:00:00Z";
const verifyLines = (snapshot: typeof MANILA) =>
  JSON.stringify(planInOwnMatch(snapshot, AT).budget).match(/paid for your step dated [^,]*/g) ?? [];

describe("the budget kept across plans, a fee paid on a day no figure is known for", () => {
  it("names each applicant's own day, whoever the process planned before", () => {
    expect(verifyLines(OTHER_DAY)).toContain("paid for your step dated Mon 20 Oct 2025");
    expect(verifyLines(MANILA)).toContain("paid for your step dated Fri 10 Oct 2025");
    expect(verifyLines(OTHER_DAY)).not.toContain("paid for your step dated Fri 10 Oct 2025");
  });
});
