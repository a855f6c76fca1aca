import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant in Manila, certified, every step through NRMP done, Step 3 not started: only
 * with a visitor visa already held can Step 3's result reach programs, by the projected deadline
 * (apply to FSMB by Wed 6 Jan 2027) or by its later candidate (by Wed 13 Jan 2027). Each apply-by
 * day is her day: it holds until her own midnight ends it and not past it, though 9:00 PM ET on
 * that day falls on her next morning (Manila read "there is still time: apply to FSMB by Wed 6 Jan"
 * on Thursday morning, until 10:00 AM there).
 */
function maria(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "apply-by-her-day",
      timezone: "Asia/Manila",
      matchYear: 2027,
      graduation: "2024-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}
const at = (iso: string): Plan => plan(maria(), seasonCalendar(2027), new Date(iso));
const risk = (result: Plan): string =>
  result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "";
const card = (result: Plan): string =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

const PROJECTED = "If you already hold a B-1/B-2 visa, there is still time: apply to FSMB by Wed 6 Jan 2027";
const LATER =
  "there is still time: apply to FSMB by Wed 13 Jan 2027 and sit Step 3 in the US by Wed 3 Feb 2027";
const PROJECTED_PASSED = "Wed 6 Jan 2027, our projected last day to apply to FSMB, has passed";

describe("H-1B Step 3 abroad, visitor visa held: the day to apply to FSMB by ends at the applicant's midnight", () => {
  it("at 11:00 PM on Wed 6 Jan in Manila: still the projected day", () => {
    const result = at("2027-01-06T23:00:00+08:00");
    expect(risk(result)).toContain(PROJECTED);
    expect(risk(result)).not.toContain(PROJECTED_PASSED);
    // The plan is made again at her midnight (Wed 6 Jan, 11:00 AM ET), not at 9:00 PM ET.
    expect(result.riskChangesAt).toContain("2027-01-06T16:00:00.000Z");
  });

  it("at 1:00 AM on Thu 7 Jan in Manila (Wed 6 Jan, 12:00 PM ET): Wed 6 Jan has passed, the later candidate's day stands", () => {
    const result = at("2027-01-07T01:00:00+08:00");
    expect(risk(result)).not.toContain(PROJECTED);
    expect(risk(result)).toContain(PROJECTED_PASSED);
    expect(risk(result)).toContain(LATER);
    expect(card(result)).toContain("apply to FSMB by Wed 13 Jan 2027");
    expect(card(result)).not.toContain("apply to FSMB by Wed 6 Jan 2027");
  });

  it("at 11:00 PM on Wed 13 Jan in Manila: still the later candidate's day", () => {
    const result = at("2027-01-13T23:00:00+08:00");
    expect(risk(result)).toContain(LATER);
  });

  it("at 1:00 AM on Thu 14 Jan in Manila (Wed 13 Jan, 12:00 PM ET): no day to apply by is left", () => {
    const result = at("2027-01-14T01:00:00+08:00");
    expect(risk(result)).not.toContain("there is still time");
    expect(risk(result)).toContain(
      "Even if you already hold a visitor visa, FSMB and a test date leave no time",
    );
    expect(card(result)).not.toContain("apply to FSMB by Wed 13 Jan 2027");
  });
});
