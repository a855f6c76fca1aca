import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { oneReminderPerStep } from "#domain/planner/one-reminder-per-step.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * One critical email said both "Your rank order list does not count: ranking is
 * open, certify it again now" and "The 2027 Match is out of reach … ask NRMP about withdrawing",
 * the rank-list notice filed under Step 2 CK. Once the plan has moved to a later Match, notices
 * about the dropped Match's season steps (ERAS, NRMP, the rank order list) are not sent: the
 * out-of-reach notice names what to redo. Each notice is filed under its own step.
 */
const NOW = new Date("2027-02-05T10:00:00Z");

/** A Lagos J-1 applicant registered for the 2027 Match, list dated 10 Jan 2027 (before ranking opens). */
function listBeforeOpening(step2ck: MilestoneEntry) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2024-11-15" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway", "usce"],
        "2025-11-20",
      ),
      ...doneMilestones(["lors", "personal_statement", "cv", "program_list", "eras_token"]),
      ...doneMilestones(["eras_application", "nrmp_registration"]),
      step2ck,
      milestoneFactory("rank_order_list", "done", "2027-01-10"),
    ],
  });
}
const notices = (result: Plan) =>
  result.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG || each.rung === OUT_OF_REACH_RUNG);

describe("notices once the plan has moved to a later Match", () => {
  // Step 2 CK still being studied for on 5 Feb: its result cannot reach ECFMG by 24 Feb 2027.
  const moved = plan(
    listBeforeOpening(milestoneFactory("usmle_step2ck", "in_progress")),
    seasonCalendar(2027),
    NOW,
  );

  it("sends the out-of-reach notice alone, on the step that decides the Match, not the dropped list's", () => {
    const codes = moved.risks.map((risk) => risk.code);
    expect(codes).toContain("MATCH_YEAR_NOT_FEASIBLE");
    // The list is the dropped 2027 Match's: flagged still (in
    // every plan that has it; the 2028 Match's entered applicant has no list for it yet), as that
    // Match's, but never emailed: only the out-of-reach notice is sent.
    expect(moved.risks.find((risk) => risk.code === "ROL_BEFORE_RANKING_OPENS")?.message).toContain(
      "it is not counted for the 2027 Match",
    );
    const sent = notices(moved);
    expect(sent.map((each) => each.risk)).toEqual(["MATCH_YEAR_NOT_FEASIBLE"]);
    expect(sent[0]?.milestone).toBe("usmle_step2ck");
    expect(sent.some((each) => /certify/.test(each.title))).toBe(false);
  });

  it("still sends the rank-list notice, on the rank order list, while the Match is in reach", () => {
    const inReach = plan(
      listBeforeOpening(milestoneFactory("usmle_step2ck", "done", "2025-11-20")),
      seasonCalendar(2027),
      NOW,
    );
    expect(inReach.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const sent = notices(inReach).filter((each) => each.risk === "ROL_BEFORE_RANKING_OPENS");
    expect(sent.map((each) => each.milestone)).toEqual(["rank_order_list"]);
  });
});

describe("two critical notices on one step in one email", () => {
  const notice = (id: string, risk: Reminder["risk"], title: string, deadline: string): Reminder => ({
    id,
    milestone: "usmle_step2ck",
    rung: CRITICAL_RISK_RUNG,
    title,
    deadline,
    deadlineDetail: { at: deadline, local: deadline, status: "confirmed" } as Reminder["deadlineDetail"],
    sendAt: "2027-02-05T10:00:00.000Z",
    sendAtLocal: "2027-02-05T11:00:00.000+01:00",
    why: `${title}: why.`,
    risk,
  });

  it("says both notices' words in the step's one item", () => {
    const first = notice("r-1", "EXAMS_LATE_FOR_RANKING", "An exam is too late", "2027-01-27T02:00:00.000Z");
    const second = notice(
      "r-2",
      "CERTIFICATION_AFTER_START",
      "Certificate after start",
      "2027-07-01T04:00:00.000Z",
    );
    const [item, ...more] = oneReminderPerStep([first, second]);
    expect(more).toEqual([]);
    expect(item?.reminder.id).toBe("r-1");
    expect(item?.reminder.why).toContain(first.why);
    expect(item?.reminder.why).toContain(`${second.title}. ${second.why}`);
    expect(item?.alsoFor.map((each) => each.id)).toEqual(["r-2"]);
  });
});
