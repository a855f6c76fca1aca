import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * An early starter in Karachi aiming for the 2028 Match, WDOMS checked, who planned to submit the
 * Application for ECFMG Certification on Sat 10 Apr 2027, ten weeks after its target (Wed 27 Jan
 * 2027), and has not told us it went in. That day is ahead all day long (the step's card says "You
 * plan to" until Karachi's midnight), so Step 1's moved target holds through it; once it has passed
 * with the application still not submitted, it can only go in from now: the exams' targets follow
 * now (never fall back to the ones it was late for), the plan asks whether it went in, and ECFMG's
 * approval is still waited for before Step 1, as for an application not begun.
 */
const karachi = (application: { status: MilestoneStatus; date?: string }): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "early-karachi-2028-planned-day",
      timezone: "Asia/Karachi",
      matchYear: 2028,
      graduation: "2026-05-31",
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-11-20" },
      { key: "ecfmg_application", ...application },
    ],
  });
const calendar = seasonCalendar(2028);
const scheduled = karachi({ status: "scheduled", date: "2027-04-10" });
const notBegun = karachi({ status: "not_started" });
const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");
const matchYear = (result: Plan) =>
  result.risks.filter((risk) => risk.code.startsWith("MATCH_YEAR_")).map((risk) => [risk.code, risk.message]);

describe("an ECFMG application planned for a day, that day and after it", () => {
  it("on the planned day itself Step 1's moved target holds and the plan asks for it today", () => {
    const eve = slipped(planAt(scheduled, "2027-04-09T23:00:00+05:00"));
    const day = slipped(planAt(scheduled, "2027-04-10T00:30:00+05:00"));
    const late = slipped(planAt(scheduled, "2027-04-10T23:30:00+05:00"));
    expect(eve?.message).toContain("USMLE Step 1: aim for Fri 9 Jul 2027 instead of Tue 27 Apr 2027");
    expect(eve?.message).toContain("now if you can, rather than on the day you planned");
    for (const risk of [day, late]) {
      expect(risk?.message).toContain("is planned for Sat 10 Apr 2027, after its target, Wed 27 Jan 2027");
      expect(risk?.message).toContain("USMLE Step 1: aim for Fri 9 Jul 2027 instead of Tue 27 Apr 2027");
      expect(risk?.message).toContain("Submit your Application for ECFMG Certification today as you planned");
      expect(risk?.message).not.toContain("rather than on the day you planned");
    }
  });

  it("once the planned day has passed unsubmitted the exams' targets follow now and the plan asks whether it went in", () => {
    for (const now of ["2027-04-11T00:30:00+05:00", "2027-04-20T10:00:00+05:00"]) {
      const risk = slipped(planAt(scheduled, now));
      expect(risk?.milestones).toEqual(["usmle_step1", "usmle_step2ck"]);
      expect(risk?.message).toContain(
        "you planned your Application for ECFMG Certification for Sat 10 Apr 2027 and have not told us it is submitted, and its target, Wed 27 Jan 2027, has passed",
      );
      expect(risk?.message).toContain(
        "USMLE Step 1: aim for 90 days after you submit your Application for ECFMG Certification instead of Tue 27 Apr 2027",
      );
      expect(risk?.message).toContain(
        "If you submitted your Application for ECFMG Certification, tell us the day; if not, submit it now",
      );
    }
  });

  it("once the planned day has passed unsubmitted the season is judged with ECFMG's approval still to come, as for one not begun", () => {
    for (const now of [
      "2027-04-20T10:00:00+05:00",
      "2027-05-25T10:00:00+05:00",
      "2027-08-01T10:00:00+05:00",
    ]) {
      const judged = matchYear(planAt(scheduled, now));
      expect(judged.length).toBeGreaterThan(0);
      expect(judged).toEqual(matchYear(planAt(notBegun, now)));
    }
  });

  it("a day planned before the target that passes unsubmitted moves nothing until the target passes, then says so", () => {
    const early = karachi({ status: "scheduled", date: "2026-12-28" });
    expect(slipped(planAt(early, "2027-01-10T10:00:00+05:00"))).toBeUndefined();
    const risk = slipped(planAt(early, "2027-02-10T10:00:00+05:00"));
    expect(risk?.message).toContain(
      "you planned your Application for ECFMG Certification for Mon 28 Dec 2026 and have not told us it is submitted, and its target, Wed 27 Jan 2027, has passed",
    );
    expect(risk?.message).not.toContain("after its target");
  });

  it("wakes the plan when the planned day begins and when it ends, where the words change", () => {
    const changes = planAt(scheduled, "2027-04-09T23:00:00+05:00").riskChangesAt ?? [];
    expect(changes).toContain("2027-04-09T19:00:00.000Z");
    expect(changes).toContain("2027-04-10T19:00:00.000Z");
  });
});
