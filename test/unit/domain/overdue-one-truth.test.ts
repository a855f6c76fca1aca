import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * On 2 Dec 2026, the 2027 Match under way: once the 2027 Match was out of reach
 * (MATCH_YEAR_NOT_FEASIBLE) the Pathway read "overdue" beside its 2028 date while the Overdue section
 * said "(none)". One truth for "overdue": the date the step is shown with has passed, and then the step
 * is in the plan's overdue list; a step whose deadline for the applicant's own Match passed, dated for a
 * later one, says that ("too late for the 2027 Match"), never "overdue" beside a date ahead. And an
 * overdue step was listed below steps marked "Later": every step past its deadline comes before every
 * step counting down to a date more than a week ahead, and before every undated one.
 */

const ZONE = "Africa/Lagos";

/** A Lagos J-1 graduate for the 2027 Match: everything to NRMP done but the OET (`oet`) and the Pathway. */
function lagosPlan(oet: ReturnType<typeof milestoneFactory>[], now: string): Plan {
  return planFor(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: ZONE, visa: "J-1", graduation: "2024-07-30" }),
      milestones: openStepsNotStarted([
        ...doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2024-09-01"),
        ...oet,
      ]),
    }),
    now,
  );
}

const key = (step: { milestone: string; interviewId?: string }) =>
  `${step.milestone} ${step.interviewId ?? ""}`;
const isOverdueBadge = (step: NextStep, now: string) => stepBadge(step, now).startsWith("overdue");

/** Every listed step's badge and urgency say "overdue" exactly when it is in the plan's overdue list, past its date. */
function overdueDisagreements(thePlan: Plan, zone: string): string[] {
  const overdue = new Set(thePlan.overdue.map(key));
  const now = Date.parse(thePlan.now);
  return listedInReadingOrder(thePlan, zone).flatMap((step) => {
    const listed = overdue.has(key(step));
    // A sitting booked ahead is never overdue, though its deadline passed: it is late for this
    // Match's ranking, and its card says so.
    const bookedAhead = step.ownDate !== undefined && Date.parse(step.ownDate.at) > now;
    const passed = step.deadline !== undefined && Date.parse(step.deadline.at) < now && !bookedAhead;
    const saysOverdue = step.urgency === "overdue" || isOverdueBadge(step, thePlan.now);
    return saysOverdue === listed && listed === passed && (step.urgency === "overdue") === passed
      ? []
      : [
          `${key(step)}: urgency ${step.urgency}, badge ${stepBadge(step, thePlan.now)}, in overdue ${listed}, date passed ${passed}`,
        ];
  });
}

/** Listed steps after which a step past its deadline still comes, though they count down to more than a week ahead or to nothing. */
function overdueBelowLater(thePlan: Plan, zone: string): string[] {
  const week = Date.parse(thePlan.now) + 7 * 86_400_000;
  const listed = listedInReadingOrder(thePlan, zone);
  const lastOverdue = listed.findLastIndex((step) => isOverdueBadge(step, thePlan.now));
  return listed
    .slice(0, Math.max(lastOverdue, 0))
    .filter((step) => !isOverdueBadge(step, thePlan.now))
    .filter((step) => {
      const dates = [step.target, step.ownDate, step.deadline].flatMap((date) =>
        date === undefined || Date.parse(date.at) < Date.parse(thePlan.now) ? [] : [Date.parse(date.at)],
      );
      return dates.length === 0 || Math.min(...dates) > week;
    })
    .map((step) => `${key(step)} (${stepBadge(step, thePlan.now)})`);
}

describe("'overdue' means the step's own date has passed, in the badge, the urgency and the Overdue list", () => {
  it("the Pathway of a 2027 Match out of reach (OET not started, its deadline passed) is too late for 2027, not overdue beside its 2028 date", () => {
    const thePlan = lagosPlan([], "2027-01-14T12:00:00Z");
    const pathway = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(Date.parse(pathway?.deadline?.at ?? "")).toBeGreaterThan(Date.parse(thePlan.now));
    expect(pathway?.urgency).not.toBe("overdue");
    expect(pathway && stepBadge(pathway, thePlan.now)).toBe("too-late-for-match");
    expect(thePlan.overdue).toEqual([]);
    expect(overdueDisagreements(thePlan, ZONE)).toEqual([]);
  });

  it("an OET sat, its result pending, is urgent until the day its result is needed, and nowhere overdue", () => {
    const thePlan = lagosPlan(
      [milestoneFactory("oet_medicine", "scheduled", "2026-12-12")],
      "2027-01-10T12:00:00Z",
    );
    const oet = thePlan.nextSteps.find((step) => step.milestone === "oet_medicine");
    expect(oet && stepBadge(oet, thePlan.now)).toBe("result-pending");
    expect(oet?.urgency).toBe("urgent");
    expect(Date.parse(oet?.deadline?.at ?? "")).toBeGreaterThan(Date.parse(thePlan.now));
    expect(thePlan.overdue.map((step) => step.milestone)).not.toContain("oet_medicine");
    expect(overdueDisagreements(thePlan, ZONE)).toEqual([]);
  });

  // Dated before its deadline (26 Dec 2026), the application met it: it is under ECFMG's review and
  // due by the rank order list deadline, so nothing reads overdue.
  it("a Pathway application dated before its deadline, past both, result pending, is nowhere overdue", () => {
    const thePlan = planFor(
      inputFactory({
        applicant: applicantFactory({
          matchYear: 2027,
          timezone: "Asia/Karachi",
          visa: "H-1B",
          graduation: "2024-07-30",
        }),
        milestones: [
          ...doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2024-09-01"),
          milestoneFactory("oet_medicine", "done", "2026-09-01"),
          milestoneFactory("ecfmg_pathway", "scheduled", "2026-12-20"),
        ],
      }),
      "2027-01-05T12:00:00Z",
    );
    const pathway = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.matchYears).toBeUndefined();
    expect(pathway && stepBadge(pathway, thePlan.now)).toBe("result-pending");
    expect(pathway?.urgency).toBe("urgent");
    expect(thePlan.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
    expect(overdueDisagreements(thePlan, "Asia/Karachi")).toEqual([]);
  });
});

describe("steps past their deadline come before the steps marked Later", () => {
  it("the OET past its deadline with its result pending is listed before the rank order list and SOAP", () => {
    // The Pathway submitted on 20 Dec 2026, before its projected deadline (else out of reach).
    const thePlan = lagosPlan(
      [
        milestoneFactory("oet_medicine", "scheduled", "2026-12-12"),
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-20"),
      ],
      "2027-01-10T12:00:00Z",
    );
    const order = listedInReadingOrder(thePlan, ZONE).map((step) => step.milestone);
    expect(order.slice(0, 2).sort()).toEqual(["ecfmg_pathway", "oet_medicine"]);
    expect(overdueBelowLater(thePlan, ZONE)).toEqual([]);
  });
});

const SCENARIOS = "test/fixtures/scenarios";
const NOWS = ["2026-12-02T09:00:00Z", "2027-01-10T12:00:00Z", "2027-02-01T12:00:00Z", "2027-03-01T12:00:00Z"];
const CASES = readdirSync(SCENARIOS).flatMap((file) => NOWS.map((now) => [file, now] as const));

describe.each(CASES)("the scenario %s at %s", (file, now) => {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${SCENARIOS}/${file}`, "utf8")));
  const thePlan = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
  const zone = snapshot.applicant.timezone;

  it("says 'overdue' of a step only when its date has passed and it is in the Overdue list", () => {
    expect(overdueDisagreements(thePlan, zone)).toEqual([]);
  });

  it("lists no step past its deadline below a step counting down to more than a week ahead", () => {
    expect(overdueBelowLater(thePlan, zone)).toEqual([]);
  });
});
