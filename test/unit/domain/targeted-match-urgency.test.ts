import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { laterCandidateCalendar } from "#domain/planner/later-candidate-feasibility.ts";
import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The urgency rules judge the Match the plan targets (the
 * earliest feasible one), not the entered one. Jose (Manila, 2027 Match never switched) is out of
 * reach of 2027, so the plan targets 2028; five days before the 2028 Pathway deadline, with his Step
 * 2 CK booked after its 2028 last day, the plan said only TARGET_PASSED and its badges "too late
 * for the 2027 Match". And with the 2027 Pathway deadline passed (what put 2027 out of reach),
 * the out-of-reach notice rode on the OET, a prerequisite, instead of the Pathway.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const target = seasonCalendar(2027);
const PATHWAY_2028 = pathwayDeadline(seasonCalendar(2028)) as number;
/** The latest candidate for a season's Pathway deadline, which refusals wait for. */
const latest = (year: number) =>
  pathwayDeadline(laterCandidateCalendar(seasonCalendar(year)) as SeasonCalendar) as number;

function applicant(...open: MilestoneEntry[]): PlannerInput {
  const keys = new Set(open.map((entry) => entry.key));
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ] as const;
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, graduation: "2025-06-01" }),
    milestones: [
      ...done.filter((key) => !keys.has(key)).map((key) => milestoneFactory(key, "done", "2026-06-20")),
      ...open,
    ],
  });
}

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe("out of reach of the entered Match, the urgency rules judge the Match the plan targets", () => {
  const input = applicant(
    milestoneFactory("usmle_step2ck", "scheduled", "2028-02-03"),
    milestoneFactory("ecfmg_pathway", "not_started"),
  );
  // 10:00 AM in Manila, outside quiet hours, so a notice goes at once.
  const result = plan(input, target, new Date(PATHWAY_2028 - 5 * DAY + 3 * HOUR));

  it("plans for 2028, with that Match's last day and its exam booked too late, critical", () => {
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
    // MATCH_YEAR_LAST_DAY's day is the 2028 Pathway deadline: folded into EXAMS_LATE_FOR_RANKING,
    // which keeps the exam's own day (pathway-day-beside-exam.test.ts).
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    const late = risk(result, "EXAMS_LATE_FOR_RANKING");
    expect(late?.severity).toBe("critical");
    expect(late?.milestones).toEqual(["usmle_step2ck", "ecfmg_pathway"]);
    expect(late?.message).toContain("take it by Wed 26 Jan 2028 at the latest");
    expect(late?.message).toContain("Thu 24 Feb 2028");
  });

  it("notices the 2028 exam at the next delivery slot, dated by its 2028 last day", () => {
    const notice = result.reminders.find((each) => each.risk === "EXAMS_LATE_FOR_RANKING");
    expect(notice?.title).toBe("An exam is too late for the 2028 Match: move it earlier now");
    expect(notice?.milestone).toBe("usmle_step2ck");
    expect(notice?.sendAt).toBe("2027-12-22T01:00:00.000Z"); // the next morning in Manila
    // The last sitting day its text names, a day in Manila too, not the cut-off's Thu 27 Jan there.
    expect(notice?.deadlineDetail?.local).toBe("Wed 26 Jan 2028");
  });

  it("badges the steps urgent for the 2028 Match, not too late for 2027", () => {
    for (const key of ["ecfmg_pathway", "usmle_step2ck"]) {
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(step?.urgency).toBe("urgent");
      expect(step?.matchYears).toEqual({ missed: 2027, due: 2028 });
      const badge = stepBadge(step as NonNullable<typeof step>, result.now, result.risks);
      expect(badge).toBe("urgent-for-match");
      expect(badgeWords(badge, step as NonNullable<typeof step>)).toBe("urgent for the 2028 Match");
    }
  });

  it("a step not yet urgent for 2028 still reads too late for the 2027 Match (never 'later')", () => {
    // June 2027: the 2027 Match is gone, the 2028 Pathway's target (Sep 2027) months ahead. (Before
    // the 2027 Pathways' projected closing, end of May, that route is the target.)
    const early = plan(input, target, new Date("2027-06-15T00:00:00Z"));
    const step = early.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(step?.urgency).not.toBe("urgent");
    const badge = stepBadge(step as NonNullable<typeof step>, early.now, early.risks);
    expect(badgeWords(badge, step as NonNullable<typeof step>)).toBe("too late for the 2027 Match");
  });
});

describe("a step dated for 2029 after the 2028 Pathway deadline passed names 2028 as missed", () => {
  it("the Pathway reads too late for the 2028 Match, with that deadline; Step 2 CK too, with no date", () => {
    const input = applicant(
      milestoneFactory("usmle_step2ck", "in_progress"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    );
    // Past the latest candidate for the 2028 Pathway deadline too, two days later.
    const result = plan(input, target, new Date(latest(2028) + 2 * DAY));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2029);
    const pathway = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(pathway?.matchYears).toEqual({ missed: 2028, due: 2029 });
    expect(pathway?.missedDeadline?.at).toBe(new Date(PATHWAY_2028).toISOString());
    const badge = stepBadge(pathway as NonNullable<typeof pathway>, result.now, result.risks);
    expect(badgeWords(badge, pathway as NonNullable<typeof pathway>)).toBe("too late for the 2028 Match");
    const step2 = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    // One Match named per plan, the latest out of reach. Since the Pathway
    // write-off waits for its latest candidate (1 Feb 2028), Step 2 CK's own 2028 last
    // sitting day has passed by then: the missed date beside its badge is that day, no longer none
    // (the "still ahead" branch is not reached by a Pathway write-off any more).
    expect(step2?.matchYears).toEqual({ missed: 2028, due: 2029 });
    expect(Date.parse(step2?.missedDeadline?.at ?? "")).toBeLessThan(Date.parse(result.now));
  });
});

describe("the out-of-reach notice sits on the step whose missed deadline dropped the Match", () => {
  it("the 2027 Pathway deadline passed, the OET booked: on the Pathway, not the OET", () => {
    const input = applicant(
      milestoneFactory("oet_medicine", "scheduled", "2026-12-30"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    );
    // Past the latest candidate for the 2027 Pathway deadline too, two days later.
    const result = plan(input, target, new Date(latest(2027) + 2 * DAY));
    const outOfReach = risk(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach?.message).toContain(
      "ECFMG's Pathway application deadline for the 2027 Match has passed on every date we have for it",
    );
    expect(outOfReach?.decidedBy).toBe("ecfmg_pathway");
    expect(result.nextSteps.some((step) => step.milestone === "oet_medicine")).toBe(true);
    const notice = result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
    expect(notice?.milestone).toBe("ecfmg_pathway");
  });
});
