import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepLine } from "#email/reminder-sections.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * The reminder email's words for a step were never checked against the console's
 * badge. Step 2 CK sat on 20 Jan 2028 with no result recorded, its deadline for the 2028 Match
 * (27 Jan) passed: the console and the timeline say "overdue: result pending" (stepBadge), the
 * email's "Your next steps" said "overdue: it was due …", asking for an exam already sat. Before the
 * deadline, "result pending" on the console, a bare "by …" in the email. One rule: the email's
 * words follow stepBadge.
 *
 * An exam sat is due by the day its result must reach the authority
 * (Step 2 CK: the rank order list deadline), not by its last sitting day, a deadline met by sitting
 * it: on 5 Feb 2028 Step 2 CK sat on 20 Jan is "result pending", due by 23 Feb. A dated step past
 * both its date and its deadline is now a Pathway application planned for a day that has passed,
 * after its deadline (one dated by its deadline is under ECFMG's review).
 */
function pathwayAt(now: string) {
  const at = new Date(now);
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
          "2026-01-10",
        ),
        milestoneFactory("ecfmg_pathway", "scheduled", "2027-12-28"),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    at,
  );
  const step = thePlan.nextSteps.find((next) => next.milestone === "ecfmg_pathway");
  if (step === undefined) throw new Error("the Pathway is not a next step");
  return { line: stepLine(step, at.getTime()), console: stepStanding(thePlan, step).label };
}
function step2At(now: string) {
  const at = new Date(now);
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
          "2026-01-10",
        ),
        milestoneFactory("usmle_step2ck", "scheduled", "2028-01-20"),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    at,
  );
  const step = thePlan.nextSteps.find((next) => next.milestone === "usmle_step2ck");
  if (step === undefined) throw new Error("Step 2 CK is not a next step");
  return { line: stepLine(step, at.getTime()), console: stepStanding(thePlan, step).label };
}

describe("the email's words for an exam sat with its result pending", () => {
  // A Pathway dated after its projected deadline waits on ECFMG's answer by the rank order list
  // deadline, not overdue: 'result pending', as the console says.
  it("a Pathway dated after its projected deadline: 'result pending', as the console says, not overdue", () => {
    const { line, console } = pathwayAt("2028-01-05T12:00:00Z");
    expect(console).toBe("result pending");
    expect(line).toContain("(result pending; by ");
    expect(line).not.toContain("overdue");
  });

  it.each(["2028-01-22T12:00:00Z", "2028-02-05T12:00:00Z"])(
    "before its deadline (%s): 'result pending', as the console says, by the rank order list deadline",
    (now) => {
      const { line, console } = step2At(now);
      expect(console).toBe("result pending");
      expect(line).toContain("(result pending; by Thu 24 Feb 2028");
    },
  );

  it("not yet sat: the dates alone, as before", () => {
    const { line } = step2At("2028-01-10T12:00:00Z");
    // The last sitting day, Wed 26 Jan 2028, a day in Kolkata too, not the 9:00 PM ET
    // cut-off's Thu 27 Jan 7:30 AM IST.
    // Counted back from the projected rank order list deadline by the result's time: our advice.
    expect(line).toContain("(by Wed 26 Jan 2028, our advice, not set by any authority)");
  });
});
