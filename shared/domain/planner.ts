import { MILESTONE_CATALOG } from "./catalog/index.ts";
import type { BlockedStep, NextStep, OverdueStep, Plan, Reminder } from "./plan.ts";
import { buildBudget } from "./planner/budget.ts";
import {
  applies,
  buildContext,
  isFinished,
  isSatisfied,
  type PlannerInput,
  statusOf,
} from "./planner/context.ts";
import { deadlineDetail, makeDueResolver, shiftDays } from "./planner/deadlines.ts";
import { planInterviews } from "./planner/interviews.ts";
import { remindersFor } from "./planner/reminders.ts";
import { assessRisks } from "./planner/risks.ts";
import { URGENCY_RANK, urgencyOf } from "./planner/urgency.ts";
import type { SeasonCalendar } from "./seasons/index.ts";
import { isoUtc } from "./time.ts";

export type { PlannerInput } from "./planner/context.ts";
export { interviewIdOf } from "./planner/interviews.ts";
export { reminderId } from "./planner/reminders.ts";

const NO_SPONSOR_NOTE = "wdoms_listing: ECFMG sponsor note for your school";

/**
 * The plan for one applicant at one instant. Pure and deterministic: the same input, calendar and
 * `now` give a deep-equal plan with the same reminder ids; no clock, no I/O.
 *
 * - nextSteps: actionable steps (milestones and interviews), most urgent first, each saying why.
 * - blocked: steps waiting for prerequisites, naming them in `waitingFor`.
 * - overdue: applicable, unfinished milestones whose deadline has passed.
 * - risks: the rules in RISK_CODES, critical first.
 * - reminders: stable ids, at the applicant's delivery time, never in quiet hours, never after
 *   their deadline, never before `now`, none for done or waived milestones (see remindersFor).
 * - budget: spent / upcoming / total from the fee table.
 *
 * Milestones missing from the input count as not started. Throws RangeError when the calendar's
 * Match year differs from the applicant's, or on an unknown time zone.
 */
export function plan(input: PlannerInput, calendar: SeasonCalendar, now: Date): Plan {
  const context = buildContext(input, calendar, now);
  const dueOf = makeDueResolver(context);
  const sponsorNoteMissing = context.applicant.medicalSchool.wdomsSponsorNote === false;
  const nextSteps: NextStep[] = [];
  const blocked: BlockedStep[] = [];
  const overdue: OverdueStep[] = [];
  const reminders: Reminder[] = [];
  const catalogOrder = new Map<string, number>();

  MILESTONE_CATALOG.forEach((entry, index) => {
    catalogOrder.set(entry.key, index);
    if (!applies(context, entry)) return;
    const status = statusOf(context, entry.key);
    if (isFinished(status)) return;
    if (entry.key === "wdoms_listing" && context.applicant.medicalSchool.wdomsSponsorNote === true) return;

    const due = dueOf(entry.key);
    const detail = due === null ? undefined : deadlineDetail(context, due.at, due.status, due.source);
    if (due !== null && detail !== undefined && due.at < context.now) {
      overdue.push({ milestone: entry.key, title: entry.title, dueBy: detail.at, deadline: detail });
    }

    const waitingFor: string[] = [];
    if (entry.needsEcfmgEligibleSchool && sponsorNoteMissing) waitingFor.push(NO_SPONSOR_NOTE);
    if (status === "not_started") {
      for (const prerequisite of entry.prerequisites) {
        if (!isSatisfied(context, prerequisite.key)) waitingFor.push(prerequisite.key);
      }
    }
    if (waitingFor.length > 0) {
      blocked.push({ milestone: entry.key, title: entry.title, waitingFor, why: entry.why.text });
      return;
    }

    const notStarted = status === "not_started";
    const startBy =
      due === null || entry.leadTimeDays.days === 0
        ? null
        : shiftDays(due.at, due.zone, -entry.leadTimeDays.days);
    const action =
      entry.key === "wdoms_listing" && sponsorNoteMissing
        ? "Your school shows no ECFMG sponsor note: contact your school and ECFMG before paying any fee."
        : entry.action;
    nextSteps.push({
      milestone: entry.key,
      title: entry.title,
      why: entry.why.text,
      action,
      dueBy: detail === undefined ? null : detail.at,
      ...(detail === undefined ? {} : { deadline: detail }),
      ...(startBy === null ? {} : { startBy: isoUtc(startBy) }),
      // An ineligible school makes every other step moot, so checking it comes first.
      urgency:
        entry.key === "wdoms_listing" && sponsorNoteMissing && (due === null || due.at >= context.now)
          ? "urgent"
          : urgencyOf(context, due === null ? null : due.at, startBy, notStarted),
    });
    if (due !== null && detail !== undefined) {
      reminders.push(
        ...remindersFor(context, {
          milestone: entry.key,
          title: entry.title,
          why: entry.why.text,
          ladder: entry.ladder,
          deadline: due.at,
          deadlineDetail: detail,
          startBy,
          notStarted,
        }),
      );
    }
  });

  const interviews = planInterviews(context);
  nextSteps.push(...interviews.steps);
  overdue.push(...interviews.overdue);
  reminders.push(...interviews.reminders);

  const dueKey = (step: { dueBy: string | null }): number =>
    step.dueBy === null ? Number.POSITIVE_INFINITY : Date.parse(step.dueBy);
  const tieBreak = (step: { milestone: string; interviewId?: string }): string =>
    `${String(catalogOrder.get(step.milestone) ?? 99).padStart(2, "0")}|${step.interviewId ?? ""}`;
  nextSteps.sort(
    (left, right) =>
      URGENCY_RANK[left.urgency] - URGENCY_RANK[right.urgency] ||
      dueKey(left) - dueKey(right) ||
      tieBreak(left).localeCompare(tieBreak(right)),
  );
  overdue.sort(
    (left, right) => dueKey(left) - dueKey(right) || tieBreak(left).localeCompare(tieBreak(right)),
  );
  reminders.sort(
    (left, right) =>
      Date.parse(left.sendAt) - Date.parse(right.sendAt) ||
      Date.parse(left.deadline) - Date.parse(right.deadline) ||
      left.id.localeCompare(right.id),
  );

  return {
    now: isoUtc(context.now),
    matchYear: calendar.matchYear,
    seasonStatus: calendar.status,
    nextSteps,
    blocked,
    overdue,
    risks: assessRisks(context, dueOf),
    reminders,
    budget: buildBudget(context),
  };
}
