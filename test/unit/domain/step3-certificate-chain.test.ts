import { describe, expect, it } from "vitest";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  openStepsNotStarted,
} from "./factories.ts";

// Auckland_paid.json (H-1B, Auckland, Step 2 CK, OET and the Pathway
// not started) on 2 Jan 2027: STEP3_NEEDED_FOR_H1B dated the ECFMG certificate "around Sat 30 Jan
// 2027 at the earliest" (each result in parallel, 28 days) while MATCH_YEAR_NOT_FEASIBLE said the
// exams and Pathway would be reported around 27 Feb (the OET's result, then ECFMG's Pathway review)
// and the plan was dated for 2028; the H-1B risk still spoke of the 2027 Match. A certificate never
// precedes its exam results (feasibility's chain), and the H-1B advice speaks of the Match planned.

const h1bInput = (timezone: string, done: readonly MilestoneKey[]) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "H-1B", graduation: "2025-06-30" }),
    milestones: openStepsNotStarted(doneMilestones(done, "2026-09-10")),
  });
const certificateDay = (message: string | undefined) =>
  /your ECFMG certificate \(around (\w{3} \d+ \w{3} \d{4}) at the earliest\)/.exec(message ?? "")?.[1];

describe("the H-1B chain's certificate follows feasibility's chain", () => {
  it("waits for the OET's result and ECFMG's Pathway review, not each result in parallel", () => {
    // Chicago, 1 Dec 2026, all done but the OET and the Pathway: an OET session within 20 days (its
    // own booking allowance, advice) and its result 21 days later (11 Jan), then ECFMG's
    // 28-day review: the certificate around 8 Feb 2027,
    // and FSMB's 2 weeks, a seat and the result end on 16 Mar, after the 24 Feb deadline.
    // The OET in preparation (in progress): not started, its study time would put the 2027 Match
    // out of reach whatever was paid.
    const input = h1bInput("America/Chicago", DONE_BUT_OET_AND_PATHWAY);
    const result = planFor(
      { ...input, milestones: [...input.milestones, { key: "oet_medicine", status: "in_progress" }] },
      "2026-12-01T18:00:00Z",
    );
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(result.risks.some((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(false);
    expect(risk?.severity).toBe("critical");
    expect(certificateDay(risk?.message)).toBe("Mon 8 Feb 2027");
  });

  it("speaks of the Match the plan targets once the Match year moved", () => {
    // Auckland, 2 Jan 2027, Step 2 CK, the OET and the Pathway not started: the 2027 Match is out of
    // reach and the plan is dated for 2028, so ranking on H-1B is judged for the 2028 Match.
    const done: MilestoneKey[] = [
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usce",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
      // NRMP not registered: a registered applicant would be asked whether Step 2 CK preparation began.
      "eras_application",
    ];
    const result = planFor(h1bInput("Pacific/Auckland", done), "2027-01-02T08:00:00Z");
    expect(result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")?.message).toContain(
      "The earliest feasible Match is 2028",
    );
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).not.toContain("2027 Match");
    expect(risk?.message).toContain("Wed 23 Feb 2028, 9:00 PM ET");
    expect(risk?.severity).toBe("warning");
  });
});
