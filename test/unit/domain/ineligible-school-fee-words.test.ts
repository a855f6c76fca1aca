import { describe, expect, it } from "vitest";
import { SCHOOL_CHECK } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Fee words that fit what is paid: SCHOOL_NOT_ECFMG_ELIGIBLE said "Pay no fee until
 * then" and the school check "before paying any fee" to an applicant who had already paid the
 * ECFMG application and booked Step 1 (the budget's `spentWhen`: done, scheduled; such a booking now
 * opens the gate, so an OET sitting stands for a fee paid here). They are told to
 * pay no further fee and to ask the body that took each fee (ECFMG its application's, FSMB a
 * USMLE exam's) what becomes of the money paid; no refund is promised.
 */
const now = new Date("2026-11-30T12:00:00Z");
const planWith = (milestones: MilestoneEntry[]): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2028,
        timezone: "Africa/Lagos",
        medicalSchool: { name: "X Medical College", country: "NG", wdomsSponsorNote: false },
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-01-01"), ...milestones],
    }),
    seasonCalendar(2028),
    now,
  );
const riskOf = (result: Plan) => result.risks.find((risk) => risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");
const checkAction = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === SCHOOL_CHECK.key)?.action;

describe("an ineligible school's fee words fit the fees paid", () => {
  // Only an OET sitting booked (paid to OET): an approved application, or a USMLE Step booked or passed,
  // beside the note "false" is asked about instead, with no refund talk
  // (note-false-contradicted-by-record.test.ts, note-false-beside-sitting.test.ts).
  const paid = planWith([milestoneFactory("oet_medicine", "scheduled", "2027-02-01")]);
  const unpaid = planWith([]);

  it("tells an applicant who has paid none the catalog's words, unchanged", () => {
    expect(riskOf(unpaid)?.message).toBe(
      SCHOOL_CHECK.ineligible.risk.replace("{school}", "X Medical College"),
    );
    expect(checkAction(unpaid)).toBe(SCHOOL_CHECK.ineligible.action);
  });

  it("names the fees paid, asks for no further fee and promises no refund", () => {
    const message = riskOf(paid)?.message ?? "";
    expect(message).not.toContain("Pay no fee until then");
    expect(message).toContain(
      "Pay no further fee until then. You have already paid your OET Medicine test fee to OET: ask OET what becomes of that money; Matchpath knows of no refund.",
    );
    expect(message).toContain("X Medical College shows no ECFMG sponsor note");
  });

  it("fits the school check's action to the fees paid as well", () => {
    const action = checkAction(paid) ?? "";
    expect(action).toContain("pay no further fee until then");
    expect(action).toContain("You have already paid your OET Medicine test fee to OET");
  });
});
