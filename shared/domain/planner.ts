import { MILESTONE_CATALOG } from "./catalog/index.ts";
import type { BlockedStep, NextStep, OverdueStep, Plan } from "./plan.ts";
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
import { remindersFor, type TimedReminder } from "./planner/reminders.ts";
import { assessRisks } from "./planner/risks.ts";
import { URGENCY_RANK, urgencyOf } from "./planner/urgency.ts";
import type { SeasonCalendar } from "./seasons/index.ts";
import { isoUtc } from "./time.ts";

export type { PlannerInput } from "./planner/context.ts";
export { interviewIdOf } from "./planner/interviews.ts";
export { reminderId } from "./planner/reminders.ts";

/**
 * Sorts by precomputed keys (numbers or strings, compared with < and >, never locale-aware), so
 * ISO text is parsed once per item rather than once per comparison. Stable for equal keys.
 */
function sortByKeys<T>(items: readonly T[], keysOf: (item: T) => readonly (number | string)[]): T[] {
  const decorated = items.map((item) => ({ item, keys: keysOf(item) }));
  decorated.sort((left, right) => {
    for (let index = 0; index < left.keys.length; index++) {
      const a = left.keys[index];
      const b = right.keys[index];
      if (a === undefined || b === undefined || a === b) continue;
      return a < b ? -1 : 1;
    }
    return 0;
  });
  return decorated.map((entry) => entry.item);
}

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
  const nextSteps: { step: NextStep; due: number }[] = [];
  const blocked: BlockedStep[] = [];
  const overdue: { step: OverdueStep; due: number }[] = [];
  const reminders: TimedReminder[] = [];
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
      overdue.push({
        due: due.at,
        step: { milestone: entry.key, title: entry.title, dueBy: detail.at, deadline: detail },
      });
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
    const step: NextStep = {
      milestone: entry.key,
      title: entry.title,
      why: entry.why.text,
      action,
      dueBy: detail === undefined ? null : detail.at,
      // An ineligible school makes every other step moot, so checking it comes first.
      urgency:
        entry.key === "wdoms_listing" && sponsorNoteMissing && (due === null || due.at >= context.now)
          ? "urgent"
          : urgencyOf(context, due === null ? null : due.at, startBy, notStarted),
    };
    if (detail !== undefined) step.deadline = detail;
    if (startBy !== null) step.startBy = isoUtc(startBy);
    nextSteps.push({ due: due === null ? Number.POSITIVE_INFINITY : due.at, step });
    if (due !== null && detail !== undefined) {
      for (const timed of remindersFor(context, {
        milestone: entry.key,
        title: entry.title,
        why: entry.why.text,
        ladder: entry.ladder,
        deadline: due.at,
        deadlineDetail: detail,
        startBy,
        notStarted,
      })) {
        reminders.push(timed);
      }
    }
  });

  const interviews = planInterviews(context);
  nextSteps.push(...interviews.steps);
  reminders.push(...interviews.reminders);

  const ordered = sortByKeys(nextSteps, ({ step, due }) => [
    URGENCY_RANK[step.urgency],
    due,
    catalogOrder.get(step.milestone) ?? MILESTONE_CATALOG.length,
    step.interviewId ?? "",
  ]).map((entry) => entry.step);
  const orderedOverdue = sortByKeys(overdue, ({ step, due }) => [
    due,
    catalogOrder.get(step.milestone) ?? MILESTONE_CATALOG.length,
    step.interviewId ?? "",
  ]).map((entry) => entry.step);
  reminders.sort(
    (left, right) =>
      left.sendAt - right.sendAt ||
      left.deadline - right.deadline ||
      (left.reminder.id < right.reminder.id ? -1 : left.reminder.id > right.reminder.id ? 1 : 0),
  );
  const orderedReminders = reminders.map((timed) => timed.reminder);

  return {
    now: isoUtc(context.now),
    matchYear: calendar.matchYear,
    seasonStatus: calendar.status,
    nextSteps: ordered,
    blocked,
    overdue: orderedOverdue,
    risks: assessRisks(context, dueOf),
    reminders: orderedReminders,
    budget: buildBudget(context),
  };
}
