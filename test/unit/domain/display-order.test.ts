import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayOrder, remindersInReadingOrder, WITHIN_A_WEEK_DAYS } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { NextStep } from "#domain/plan.ts";
import { URGENT_WITHIN_DAYS } from "#domain/planner/advice.ts";
import { CRITICAL_RISK_RUNG, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";
import {
  applicantFactory,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

const ZONES = ["Asia/Karachi", "Africa/Cairo", "America/New_York", "Pacific/Auckland", "Europe/Berlin"];
const STATUSES = ["not_started", "in_progress", "done", "absent"] as const;

const key = (step: { milestone: string; interviewId?: string }) =>
  `${step.milestone} ${step.interviewId ?? ""}`;

/**
 * The email's items, as renderReminderEmail orders them, at their places on the timeline of the
 * same moment (listedInReadingOrder): in the timeline's order when the two agree. A notice is the
 * risk's message, listed under the risks on the timeline, not a step's card, so it is left out.
 */
function emailPositions(
  zone: string,
  matchYear: number,
  statuses: readonly (typeof STATUSES)[number][],
  day: number,
  hour: number,
  interviewInDays: number | undefined,
): number[] {
  const milestones: MilestoneEntry[] = [];
  PRE_ERAS_KEYS.forEach((milestone, index) => {
    const status = statuses[index] ?? "absent";
    if (status !== "absent")
      milestones.push(milestoneFactory(milestone, status, status === "done" ? "2025-06-01" : undefined));
  });
  const now = new Date(Date.parse(`${matchYear - 2}-07-01T00:00:00Z`) + day * DAY_MS + hour * 3_600_000);
  // An interview a few days to a month ahead, in the program's zone (Chicago).
  const interviews =
    interviewInDays === undefined
      ? []
      : [
          interviewFactory({
            startsAt: new Date(now.getTime() + interviewInDays * DAY_MS).toISOString(),
            timezone: "America/Chicago",
          }),
        ];
  const thePlan = plan(
    inputFactory({ applicant: applicantFactory({ timezone: zone, matchYear }), milestones, interviews }),
    seasonCalendar(matchYear),
    now,
  );
  const steps = listedInReadingOrder(thePlan, zone);
  const timeline = steps.map(key);
  const email = [
    ...new Set(
      remindersInReadingOrder(dueReminders(thePlan, now, new Set()), steps)
        .filter((reminder) => reminder.rung !== CRITICAL_RISK_RUNG && reminder.rung !== OUT_OF_REACH_RUNG)
        .map(key)
        .filter((subject) => timeline.includes(subject)),
    ),
  ];
  return email.map((subject) => timeline.indexOf(subject));
}

/**
 * One reading order for the email and the timeline. Whatever the
 * applicant, zone and day, the steps an email is about come in the same order as on the timeline
 * of that moment (display-order.ts).
 */
describe("the email's items and the timeline's next steps agree on their order", () => {
  it("holds for any applicant, zone and moment of the season", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(2027, 2028),
        fc.array(fc.constantFrom(...STATUSES), {
          minLength: PRE_ERAS_KEYS.length,
          maxLength: PRE_ERAS_KEYS.length,
        }),
        fc.integer({ min: 0, max: 640 }),
        fc.integer({ min: 0, max: 23 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        (zone, matchYear, statuses, day, hour, interviewInDays) => {
          const positions = emailPositions(zone, matchYear, statuses, day, hour, interviewInDays);
          expect(positions).toEqual([...positions].sort((left, right) => left - right));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("holds for an OET under way in the season of a Pathway still to submit (seed 970569862)", () => {
    // Karachi, 2027 Match, 17 Nov 2026: ECFMG application not started, both Steps done, OET under
    // way, Pathway and the ERAS work not started. With the OET due six weeks before the Pathway's
    // application deadline it was past its deadline (band 1) on the timeline while its reminder
    // counted down to that deadline (27 Dec), after NRMP registration (1 Dec), in the email. Its
    // last day now counts back from the deadline for supporting documents, so it has a date ahead.
    const statuses = [
      "not_started",
      "not_started",
      "done",
      "done",
      "in_progress",
      ...Array.from({ length: PRE_ERAS_KEYS.length - 5 }, () => "not_started" as const),
    ] as const;
    // At 09:00 Karachi, the delivery slot: the email that morning (at 08:00 nothing is due now that
    // the critical notice waits for the slot).
    const positions = emailPositions("Asia/Karachi", 2027, statuses, 504, 4, undefined);
    expect(positions.length).toBeGreaterThan(1);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));
  });
});

describe("displayOrder", () => {
  const step = (overrides: Partial<NextStep>): NextStep => ({
    milestone: "cv",
    title: "t",
    why: "w",
    action: "a",
    dueBy: null,
    urgency: "later",
    ...overrides,
  });
  const at = (iso: string) => ({ at: iso, local: "", et: "", status: "confirmed" as const, source: "" });
  const now = Date.parse("2027-12-22T05:00:00Z");

  it("puts a deadline within a week before steps past their deadline, and those before later dates and undated steps", () => {
    const later = step({
      milestone: "nrmp_registration",
      deadline: at("2028-02-24T02:00:00Z"),
      urgency: "urgent",
    });
    const overdue = step({
      milestone: "eras_token",
      deadline: at("2027-09-01T13:00:00Z"),
      urgency: "overdue",
    });
    const undated = step({ milestone: "research" });
    const soon = step({
      milestone: "ecfmg_pathway",
      deadline: at("2027-12-26T02:00:00Z"),
      urgency: "urgent",
    });
    expect(
      displayOrder([undated, later, overdue, soon], now, "Asia/Karachi").map((each) => each.milestone),
    ).toEqual(["ecfmg_pathway", "eras_token", "nrmp_registration", "research"]);
  });

  it("puts a step to act on now (urgent) before a sooner date that can wait (soon), past the first week", () => {
    const oet = step({ milestone: "oet_medicine", deadline: at("2028-01-05T02:00:00Z"), urgency: "soon" });
    const pathway = step({
      milestone: "ecfmg_pathway",
      deadline: at("2028-01-20T02:00:00Z"),
      urgency: "urgent",
    });
    const research = step({ milestone: "research", deadline: at("2028-01-01T02:00:00Z"), urgency: "later" });
    expect(displayOrder([research, oet, pathway], now, "Asia/Karachi").map((each) => each.milestone)).toEqual(
      ["ecfmg_pathway", "oet_medicine", "research"],
    );
  });

  it("puts an urgent step with no date ahead before a later one with a date (README: urgent before soon before later)", () => {
    // A school with no sponsor note beside an interview: the WDOMS check (urgent, undated) was listed
    // below "Prepare for your interview" (later, dated) and above "Research" (later, undated).
    const wdoms = step({ milestone: "wdoms_listing", urgency: "urgent" });
    const interview = step({
      milestone: "interview",
      interviewId: "iv-1",
      deadline: at("2028-01-12T15:00:00Z"),
      urgency: "later",
    });
    const research = step({ milestone: "research" });
    expect(
      displayOrder([interview, wdoms, research], now, "Asia/Karachi").map((each) => each.milestone),
    ).toEqual(["wdoms_listing", "interview", "research"]);
  });

  it("reads 'within a week' as the planner's urgent window does", () => {
    expect(WITHIN_A_WEEK_DAYS).toBe(URGENT_WITHIN_DAYS);
  });

  it("leaves the input as it was", () => {
    const steps = [
      step({ milestone: "research" }),
      step({ milestone: "cv", deadline: at("2027-12-23T00:00:00Z") }),
    ];
    displayOrder(steps, now, "UTC");
    expect(steps.map((each) => each.milestone)).toEqual(["research", "cv"]);
  });
});
