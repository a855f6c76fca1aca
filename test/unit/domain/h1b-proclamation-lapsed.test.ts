import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * On 4 Dec 2026 the $100,000 proclamation was still described in the
 * present tense ("asks the employer"), though the fact sheet's row says it "lasts 12 months unless
 * extended" from 2025-09-21. Rule: from 21 Sep 2026, as the plan's now says, the words are past
 * tense and conditional; before it, today's words. The source stays the fact sheet's row.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const DHAKA = readSnapshot(DIR, "h1b-hopeful-2028-dhaka.json");
const proclamation = (result: Plan) => result.risks.find((risk) => risk.code === "H1B_PROCLAMATION_FEE");

describe("the H-1B proclamation after its stated end", () => {
  it("is past tense and conditional after 21 Sep 2026", () => {
    const risk = proclamation(planInOwnMatch(DHAKA, "2026-12-04T16:00:00+06:00"));
    expect(risk?.message).toContain("the September 2025 proclamation asked the employer");
    expect(risk?.message).toContain(
      "it was set to lapse on 21 Sep 2026 unless extended; check with your program whether it still applies",
    );
    expect(risk?.message).toContain("If it still applies, many programs may not sponsor an H-1B");
    expect(risk?.message).not.toContain("proclamation asks");
    expect(risk?.sources?.[0]).toContain("mccownevans.com");
    expect(risk?.sources?.[0]).toContain("proclamation effective 2025-09-21 for 12 months unless extended");
  });

  it("is past tense in VISA_UNDECIDED's note too", () => {
    const undecided = { ...DHAKA, applicant: { ...DHAKA.applicant, visa: "undecided" as const } };
    const words = planInOwnMatch(undecided, "2026-12-04T16:00:00+06:00")
      .risks.map((risk) => risk.message)
      .join(" ");
    expect(words).toContain("the September 2025 proclamation asked the employer");
    expect(words).not.toContain("proclamation asks");
  });

  it("keeps today's words before that day", () => {
    const risk = proclamation(planInOwnMatch(DHAKA, "2026-09-10T16:00:00+06:00"));
    expect(risk?.message).toContain("the September 2025 proclamation asks the employer");
    expect(risk?.message).not.toContain("set to lapse");
  });
});
