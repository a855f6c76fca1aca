import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { oetLastSitting } from "#domain/planner/chain-deadlines.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { lastSittingEnd } from "#domain/planner/last-sitting-day.ts";
import { laterCandidateCalendar } from "#domain/planner/later-candidate-feasibility.ts";
import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Jose (Manila, 2027 Match never switched; Step 2 CK preparing, OET passed,
 * Pathway not submitted) is in reach of 2028 until its Pathway deadline, Sat 25 Dec 2027 9 PM ET
 * (projected). A second after it the plan moves to 2029, and the out-of-reach email sat on Step 2 CK
 * with "The 2027 Match's rank order list deadline passed before you were ready", while the Pathway
 * card named the 2027 Match's deadline of 26 Dec 2026. When the earliest feasible Match moves on
 * from a Match after the target, the notice names the Match that dropped out and the deadline that
 * passed, sits on the step that missed it, and MATCH_YEAR_NOT_FEASIBLE says why.
 */

const SECOND = 1_000;
const target = seasonCalendar(2027);
// The 2028 Match drops on its rank order list deadline's later candidate (Wed 1 Mar 2028): ECFMG's
// deadlines follow NRMP's there, so the deadlines crossed are that calendar's.
const dropped = laterCandidateCalendar(seasonCalendar(2028)) as SeasonCalendar;
const PATHWAY_2028 = pathwayDeadline(dropped) as number;

const DONE: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "eras_token",
  "eras_application",
  "nrmp_registration",
];

function applicant(timezone: string, ...open: MilestoneEntry[]): PlannerInput {
  const keys = new Set(open.map((entry) => entry.key));
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "J-1", graduation: "2025-06-01" }),
    milestones: [
      ...DONE.map((key) => milestoneFactory(key, "done", "2026-06-20")),
      ...(["usmle_step2ck", "oet_medicine", "ecfmg_pathway"] as const)
        .filter((key) => !keys.has(key))
        .map((key) => milestoneFactory(key, "done", "2026-06-20")),
      ...open,
    ],
  });
}

const planAt = (input: PlannerInput, at: number): Plan => plan(input, target, new Date(at));
const outOfReach = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const earliest = (input: PlannerInput, at: number) =>
  outOfReach(planAt(input, at))?.earliestFeasibleMatchYear;

/** The instant (to the second) after which the earliest feasible Match is no longer 2028. */
function moveInstant(input: PlannerInput, from: number, to: number): number {
  expect(earliest(input, from)).toBe(2028);
  expect(earliest(input, to)).toBe(2029);
  let works = from;
  let fails = to;
  while (fails - works > SECOND) {
    const middle = works + Math.floor((fails - works) / 2 / SECOND) * SECOND;
    if (earliest(input, middle) === 2028) works = middle;
    else fails = middle;
  }
  return works;
}

/**
 * The step whose 2028 deadline falls at `instant` (the move crossed it), found from the deadlines
 * alone: the OET's is the end of its last sitting day in the applicant's zone (any seat
 * until that day has passed, no week for booking one).
 */
function stepCrossedAt(instant: number, zone: string): MilestoneKey {
  if (Math.abs(instant - PATHWAY_2028) <= SECOND) return "ecfmg_pathway";
  const lastSittingEnds = lastSittingEnd(zone, oetLastSitting(dropped) as number);
  if (Math.abs(instant - lastSittingEnds) <= SECOND) return "oet_medicine";
  return "usmle_step2ck";
}

describe("the move from one later Match to the next names the Match dropped and the step that missed it", () => {
  const cases = [
    [
      "Manila, Step 2 CK preparing, Pathway not submitted (a7)",
      "Asia/Manila",
      "usmle_step2ck",
      "in_progress",
    ],
    ["Lagos, the same", "Africa/Lagos", "usmle_step2ck", "in_progress"],
    ["Los Angeles, the same", "America/Los_Angeles", "usmle_step2ck", "in_progress"],
    ["Auckland, OET not begun, Pathway submitted", "Pacific/Auckland", "oet_medicine", "not_started"],
  ] as const;

  it.each(cases)(
    "%s: the notice sits on the step whose deadline the move crossed",
    (_name, zone, key, status) => {
      const open: MilestoneEntry[] = [milestoneFactory(key, status)];
      if (key !== "oet_medicine") open.push(milestoneFactory("ecfmg_pathway", "not_started"));
      else open.push(milestoneFactory("ecfmg_pathway", "in_progress", "2027-10-15"));
      const input = applicant(zone, ...open);
      const moved = moveInstant(
        input,
        Date.parse("2027-12-01T00:00:00Z"),
        // Past the latest candidate for the 2028 Pathway deadline, Tue 1 Feb 2028.
        Date.parse("2028-02-20T00:00:00Z"),
      );
      const crossed = stepCrossedAt(moved, zone);
      expect(crossed).toBe(key === "oet_medicine" ? "oet_medicine" : "ecfmg_pathway");
      const before = planAt(input, moved);
      const after = planAt(input, moved + SECOND);
      // The instant is a wake-up of a plan made an hour before it.
      // (to the second: the OET's last sitting day ends at a millisecond)
      const wakeUps = planAt(input, moved - 3_600_000).riskChangesAt?.map((at) => Date.parse(at));
      // (the later candidate's OET day ends at the local midnight itself: up to one second on)
      expect(wakeUps?.some((at) => at >= moved && at <= moved + SECOND)).toBe(true);
      const risk = outOfReach(after);
      expect(risk?.droppedMatchYear).toBe(2028);
      // The write-off names the step whose later-candidate day was crossed, the notice's.
      expect(risk?.decidedBy).toBe(crossed);
      const notice = after.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
      expect(notice?.milestone).toBe(crossed);
      expect(notice?.title).toContain("2028 Match");
      expect(notice?.title).toContain("update your Match year to 2029 in your intake form");
      expect(outOfReach(before)?.droppedMatchYear).toBeUndefined();
    },
  );

  it("Jose a second after the 2028 Pathway deadline (on the later candidate): the words name the later deadline that passed, on the Pathway", () => {
    const input = applicant(
      "Asia/Manila",
      milestoneFactory("usmle_step2ck", "in_progress"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    );
    const result = planAt(input, PATHWAY_2028 + SECOND);
    const risk = outOfReach(result);
    // The day crossed is the latest candidate's, beside the projected Sat 25
    // Dec 2027: the Pathway deadline on every date we have for it.
    expect(risk?.message).toContain(
      "The 2028 Match is out of reach too: ECFMG's Pathway application deadline for the 2028 Match has passed on every date we have for it (projected Sat 25 Dec 2027; at the latest Tue 1 Feb 2028, were NRMP's 2028 deadline later than projected, Wed 1 Mar 2028, as it was 16 days before Match Day in 2022–2025; ECFMG's own were 31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match) with no application recorded.",
    );
    const notice = result.reminders.find((each) => each.rung === OUT_OF_REACH_RUNG);
    expect(notice?.title).toBe(
      "The 2028 Match's Pathway deadline passed without your application: update your Match year to 2029 in your intake form",
    );
    expect(notice?.milestone).toBe("ecfmg_pathway");
    const card = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(card?.action).toContain(
      "The 2028 Match's deadline for Pathway applications, Sat 25 Dec 2027 (projected), has passed: your Pathway is now for the 2029 Match.",
    );
    expect(card?.action).not.toContain("26 Dec 2026");
  });

  it("a move straight from the target names no dropped Match (the 2027 deadlines are the ones missed)", () => {
    const input = applicant(
      "Asia/Manila",
      milestoneFactory("usmle_step2ck", "in_progress"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    );
    // Past the latest candidate for the 2027 Pathway deadline, Tue 2 Feb 2027.
    const risk = outOfReach(planAt(input, Date.parse("2027-02-10T00:00:00Z")));
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.droppedMatchYear).toBeUndefined();
    expect(risk?.message).not.toContain("out of reach too");
  });
});
