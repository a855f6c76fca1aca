import { describe, expect, it } from "vitest";
import type { Plan, Reminder, Risk } from "#domain/plan.ts";
import type { SimApplicant } from "#test/bench/support/season.ts";
import {
  emptyTotals,
  PlanObserver,
  type SentReminder,
  scoreApplicant,
} from "#test/bench/support/season-metrics.ts";

/**
 * The season metric on hand-made plans: which deadlines it requires two notices for, so the
 * coverage figure can fail. A deadline named by two rungs is required unless the applicant finished
 * the step first, or a plan before it dropped it by re-planning the season (MATCH_YEAR_NOT_FEASIBLE).
 */

const NRMP_DEADLINE = "2026-12-01T04:59:00.000Z";
const SEASON_END = Date.parse("2027-03-31T23:59:59Z");
const APPLICANT = "a-1";

function reminder(id: string, sendAt: string): Reminder {
  const deadlineDetail = { at: NRMP_DEADLINE, local: "", et: "", status: "confirmed" as const, source: "" };
  return {
    id,
    milestone: "nrmp_registration",
    rung: id,
    title: "Register with NRMP",
    deadline: NRMP_DEADLINE,
    deadlineDetail,
    sendAt,
    sendAtLocal: sendAt,
    why: "",
  };
}

const OUT_OF_REACH: Risk = {
  code: "MATCH_YEAR_NOT_FEASIBLE",
  severity: "critical",
  message: "",
  milestones: ["nrmp_registration"],
  earliestFeasibleMatchYear: 2028,
};

function plan(now: string, reminders: Reminder[], risks: Risk[] = []): Plan {
  return {
    now,
    matchYear: 2027,
    seasonStatus: "projected",
    nextSteps: [],
    blocked: [],
    overdue: [],
    risks,
    reminders,
    budget: { currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0 },
  };
}

const applicant: SimApplicant = {
  index: 0,
  externalId: "sim-0",
  zone: "Europe/London",
  visa: "J-1",
  student: false,
  events: [],
  doneAt: {},
};

const BOTH_RUNGS = [
  reminder("r-14d", "2026-11-17T09:00:00.000Z"),
  reminder("r-1d", "2026-11-30T09:00:00.000Z"),
];

/** Feeds the observer plans at (clock, plan) pairs and scores the applicant with `sent`. */
function score(plans: [clock: string, plan: Plan][], sent: SentReminder[] = []) {
  let clock = 0;
  const observer = new PlanObserver(() => clock);
  for (const [at, made] of plans) {
    clock = Date.parse(at);
    observer.seen(APPLICANT, made, new Date(made.now));
  }
  const totals = emptyTotals();
  scoreApplicant(totals, applicant, APPLICANT, sent, observer, SEASON_END);
  return totals;
}

const firstNotice: SentReminder = {
  reminderId: "r-14d",
  messageId: "m-1",
  sentAt: Date.parse("2026-11-17T09:00:00Z"),
};

describe("season metric: which deadlines need two notices", () => {
  it("requires a two-rung deadline that got one notice and was dropped with no re-plan (short)", () => {
    const totals = score(
      [
        ["2026-09-01T00:00:00Z", plan("2026-09-01T00:00:00.000Z", BOTH_RUNGS)],
        ["2026-11-17T09:00:00Z", plan("2026-11-17T09:00:00.000Z", BOTH_RUNGS)],
        ["2026-11-18T09:00:00Z", plan("2026-11-18T09:00:00.000Z", [])],
      ],
      [firstNotice],
    );
    expect(totals.deadlinesRequired).toBe(1);
    expect(totals.deadlinesCoveredTwice).toBe(0);
    expect(totals.uncoveredByMilestone).toEqual({ nrmp_registration: 1 });
  });

  it("does not require a deadline a plan dropped when it re-planned the season (out of reach)", () => {
    const totals = score(
      [
        ["2026-09-01T00:00:00Z", plan("2026-09-01T00:00:00.000Z", BOTH_RUNGS)],
        ["2026-11-17T09:00:00Z", plan("2026-11-17T09:00:00.000Z", BOTH_RUNGS)],
        ["2026-11-18T09:00:00Z", plan("2026-11-18T09:00:00.000Z", [], [OUT_OF_REACH])],
      ],
      [firstNotice],
    );
    expect(totals.deadlinesRequired).toBe(0);
    expect(totals.uncoveredByMilestone).toEqual({});
    expect(totals.replannedByMilestone).toEqual({ nrmp_registration: 1 });
  });

  it("requires it again when a later plan names it again (the season back within reach)", () => {
    const totals = score(
      [
        ["2026-09-01T00:00:00Z", plan("2026-09-01T00:00:00.000Z", BOTH_RUNGS)],
        ["2026-10-01T00:00:00Z", plan("2026-10-01T00:00:00.000Z", [], [OUT_OF_REACH])],
        ["2026-10-02T00:00:00Z", plan("2026-10-02T00:00:00.000Z", BOTH_RUNGS)],
      ],
      [firstNotice],
    );
    expect(totals.deadlinesRequired).toBe(1);
    expect(totals.uncoveredByMilestone).toEqual({ nrmp_registration: 1 });
  });

  it("counts a re-planned deadline that had its two notices as required and covered", () => {
    const secondNotice = { reminderId: "r-1d", messageId: "m-2", sentAt: Date.parse("2026-11-30T09:00:00Z") };
    const totals = score(
      [
        ["2026-09-01T00:00:00Z", plan("2026-09-01T00:00:00.000Z", BOTH_RUNGS)],
        ["2026-11-30T09:00:00Z", plan("2026-11-30T09:00:00.000Z", [BOTH_RUNGS[1] as Reminder])],
        ["2026-11-30T10:00:00Z", plan("2026-11-30T10:00:00.000Z", [], [OUT_OF_REACH])],
      ],
      [firstNotice, secondNotice],
    );
    expect(totals.deadlinesRequired).toBe(1);
    expect(totals.deadlinesCoveredTwice).toBe(1);
    expect(totals.replannedByMilestone).toEqual({});
  });

  it("ignores look-ahead plans made for an instant after the clock (the console row's re-runs)", () => {
    // The only plan naming the deadline is a look-ahead: the deadline was never the applicant's.
    const totals = score([
      ["2026-09-01T00:00:00Z", plan("2026-09-01T00:00:00.000Z", [], [OUT_OF_REACH])],
      ["2026-09-01T00:00:00Z", plan("2026-11-01T00:00:00.000Z", BOTH_RUNGS)],
    ]);
    expect(totals.deadlinesRequired).toBe(0);
    expect(totals.replannedByMilestone).toEqual({});
    expect(totals.uncoveredByMilestone).toEqual({});
  });

  it("does not require a deadline the applicant reported done before it", () => {
    const done: SimApplicant = {
      ...applicant,
      doneAt: { nrmp_registration: Date.parse("2026-11-20T00:00:00Z") },
    };
    let clock = 0;
    const observer = new PlanObserver(() => clock);
    clock = Date.parse("2026-09-01T00:00:00Z");
    observer.seen(APPLICANT, plan("2026-09-01T00:00:00.000Z", BOTH_RUNGS), new Date(clock));
    const totals = emptyTotals();
    scoreApplicant(totals, done, APPLICANT, [firstNotice], observer, SEASON_END);
    expect(totals.deadlinesRequired).toBe(0);
  });
});
