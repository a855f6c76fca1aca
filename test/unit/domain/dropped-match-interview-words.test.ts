import { describe, expect, it } from "vitest";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An interview for a Match the plan has written off
 * (no reminders) still read "Prepare for your virtual interview". Its step says the interview was for
 * the 2027 Match, which the plan says is out of reach, and asks an applicant still interviewing for
 * their exam and certification statuses: no preparation text.
 */
const NOW = new Date("2027-02-08T07:30:00Z");
const FOR_2027 = interviewFactory({
  id: "iv-kl-2027",
  program: "Riverside Community IM",
  startsAt: "2027-02-15T09:00:00-06:00",
  timezone: "America/Chicago",
  format: "virtual",
});
const FOR_2028 = interviewFactory({ id: "iv-kl-2028", startsAt: "2027-11-18T09:00:00-06:00" });

/** Kuala Lumpur, every exam but Step 2 CK done, Step 2 CK still being studied for in February. */
const input = inputFactory({
  applicant: applicantFactory({ timezone: "Asia/Kuala_Lumpur", matchYear: 2027, graduation: "2024-05-31" }),
  milestones: [
    ...doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
      "2025-10-02",
    ),
    ...doneMilestones(["eras_token", "eras_application", "nrmp_registration"]),
    milestoneFactory("usmle_step2ck", "in_progress"),
  ],
  interviews: [FOR_2027, FOR_2028],
});

describe("a written-off Match's interview", () => {
  const result = plan(input, seasonCalendar(2027), NOW);
  const step = (id: string) => result.nextSteps.find((each) => each.interviewId === id);

  it("says the interview was for the 2027 Match, out of reach, and asks for the statuses", () => {
    expect(
      result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
    const dropped = step("iv-kl-2027");
    expect(dropped?.title).not.toMatch(/Prepare/);
    expect(dropped?.title).toContain("Riverside Community IM");
    expect(dropped?.action).toContain("2027 Match");
    expect(dropped?.action).toContain("out of reach");
    expect(dropped?.action).toMatch(
      /if you are still interviewing, tell us your exam and certification statuses/i,
    );
    expect(dropped?.action).not.toMatch(/Research the program|prepare your questions/);
  });

  it("reads to the advisor as that Match's interview, out of reach", () => {
    const dropped = step("iv-kl-2027");
    expect(dropped && stepForAdvisor(dropped)).toBe(
      "Interview with Riverside Community IM (virtual): for the 2027 Match, out of reach",
    );
  });

  it("keeps the preparation words for the next Match's interview", () => {
    expect(step("iv-kl-2028")?.title).toMatch(/^Prepare for your/);
  });
});
