import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * "contract and visa steps" was said to an applicant with visa "none" (a US
 * citizen or permanent resident needs no visa to train): they read "contract steps"; a visa holder
 * still reads "contract and visa steps".
 */
function withVisa(snapshot: ApplicantSnapshot, visa: "none" | "H-1B"): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse({ ...snapshot, applicant: { ...snapshot.applicant, visa } });
}

function allText(result: Plan): string {
  return JSON.stringify([result.nextSteps, result.reminders, result.risks]);
}

/** Match week (SOAP in progress), Match Day, after the contract's date, after residency's start. */
const NOWS = ["2027-03-17T15:00:00Z", "2027-03-19T17:00:00Z", "2027-05-20T15:00:00Z", "2027-07-10T15:00:00Z"];

describe("contract steps for an applicant with no visa to get", () => {
  for (const now of NOWS)
    it(`at ${now}, visa none never reads "visa steps"; H-1B still does where the contract is named`, () => {
      for (const soap of [true, false]) {
        const base = inSoap("America/New_York");
        const snapshot = soap
          ? base
          : ApplicantSnapshotSchema.parse({
              ...base,
              milestones: base.milestones.filter((m) => m.key !== "soap"),
            });
        const none = allText(planAt(withVisa(snapshot, "none"), now));
        expect(none, `${now} soap=${soap}`).not.toContain("visa steps");
        const h1b = allText(planAt(withVisa(snapshot, "H-1B"), now));
        if (h1b.includes("contract and visa steps"))
          expect(none, `${now} soap=${soap}`).toContain("contract steps");
      }
    });

  it("the words appear for a visa holder in at least one of these moments", () => {
    const texts = NOWS.map((now) => allText(planAt(withVisa(inSoap("America/New_York"), "H-1B"), now)));
    expect(texts.some((text) => text.includes("contract and visa steps"))).toBe(true);
  });
});
