import { describe, expect, it } from "vitest";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Two notices: a 2026-entered plan hears the 2026
 * Match is over (planning 2027), then weeks later that 2027 is out of reach too. Two notices for
 * two events are fine, but the first must already name 2027's decisive day when 2027 is tight
 * (MATCH_YEAR_LAST_DAY): here the 2027 Pathway application deadline, Sat 26 Dec 2026 (projected).
 *
 * Amaka, in Port Harcourt (Africa/Lagos): exams done but the OET, under way; Pathway not begun;
 * entered the 2026 Match and never changed it; now Thu 10 Dec 2026.
 */
describe("the first out-of-reach notice names the next Match's decisive day", () => {
  it("2026 over, 2027 tight: the notice's words say act by Sat 26 Dec 2026", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2026, graduation: "2025-06-30" }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck"],
          "2025-06-10",
        ),
        milestoneFactory("oet_medicine", "in_progress"),
      ],
    });
    const result = plan(input, seasonCalendar(2026), new Date("2026-12-10T10:00:00+01:00"));
    const notice = result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
    expect(notice?.title).toContain("update your Match year to 2027");
    expect(notice?.why).toContain("act by Sat 26 Dec 2026 (projected)");
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.message).toContain("The 2027 Match is tight:");
  });
});
