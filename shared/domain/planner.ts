import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "./catalog/index.ts";
import type { BlockedStep, Budget, NextStep, OverdueStep, Plan } from "./plan.ts";
import { buildBudget } from "./planner/budget.ts";
import {
  applies,
  buildContext,
  isFinished,
  isSatisfied,
  type PlanContext,
  type PlannerInput,
  statusOf,
} from "./planner/context.ts";
import {
  type DueDate,
  makeDueResolver,
  makeTargetResolver,
  renderedDeadline,
  shiftDays,
} from "./planner/deadlines.ts";
import { assessFeasibility } from "./planner/feasibility.ts";
import { planInterviews } from "./planner/interviews.ts";
import { remindersFor, type TimedReminder } from "./planner/reminders.ts";
import { assessRisks } from "./planner/risks.ts";
import { URGENCY_RANK, urgencyOf } from "./planner/urgency.ts";
import type { SeasonCalendar } from "./seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "./snapshot.ts";
import { DAY_MS, isoUtc, renderInZone, startOfLocalDate } from "./time.ts";

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

/** Each milestone's place in the catalog: the last tie-break when ordering steps. */
const CATALOG_ORDER: ReadonlyMap<string, number> = new Map(
  MILESTONE_CATALOG.map((entry, index) => [entry.key, index]),
);

const NO_SPONSOR_NOTE = "wdoms_listing: ECFMG sponsor note for your school";
const SPONSOR_NOTE_RESOLVES =
  "An ECFMG sponsor note for your school in WDOMS covering your graduation year; only your school can obtain it from ECFMG (https://www.ecfmg.org/resources/medical-school-policy.html).";

/** "$1,234": toLocaleString and regular expressions are slow enough to matter at planner throughput. */
function usd(amount: number): string {
  const digits = String(Math.round(amount));
  let grouped = "";
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += ",";
    grouped += digits[index];
  }
  return `$${grouped}`;
}

/** A status text split once at its placeholders: literal, placeholder, literal, ... */
const templateCache = new Map<string, string[]>();
function templateParts(text: string): string[] {
  let parts = templateCache.get(text);
  if (parts === undefined) {
    parts = text.split(/\{(date|weeks|rankingOpens)\}/);
    templateCache.set(text, parts);
  }
  return parts;
}

/** Fills a status text's placeholders: {date}, {weeks}, {rankingOpens}. */
function fill(
  context: PlanContext,
  text: string,
  entry: CatalogEntry,
  given: MilestoneEntry | undefined,
): string {
  const parts = templateParts(text);
  if (parts.length === 1) return text;
  let filled = parts[0] ?? "";
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index];
    if (name === "date") filled += given?.date ?? "the date you gave";
    else if (name === "weeks") filled += String(Math.ceil((entry.reportingDays?.days ?? 28) / 7));
    else {
      const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
      filled += `${renderInZone(context.zone, opens.at)}${opens.status === "projected" ? ", projected" : ""}`;
    }
    filled += parts[index + 1] ?? "";
  }
  return filled;
}

/**
 * Whether a pending prerequisite can itself be worked on now (not held by its own prerequisites),
 * so a step that may start before it (Step 1 study before the ECFMG application is approved) is
 * not blocked behind a chain that has not begun.
 */
function isStartable(context: PlanContext, key: MilestoneEntry["key"]): boolean {
  if (statusOf(context, key) !== "not_started") return true;
  return catalogEntry(key).prerequisites.every((prerequisite) => isSatisfied(context, prerequisite.key));
}

/**
 * The step's text for its status: scheduled ahead ("your exam is on ..."), a scheduled date that
 * has passed ("did you take it?"), in progress (what finishes it), else the catalog's action.
 */
function actionFor(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  budget: Budget,
): string {
  if (entry.key === "budget") {
    return `Fees still to come: ${usd(budget.upcomingUsd)} (spent so far: ${usd(budget.spentUsd)}), item by item in the budget section with each source; set the money aside before each step that needs it.`;
  }
  const given = context.entries.get(entry.key);
  const texts = entry.statusActions;
  if (texts !== undefined) {
    if ((status === "scheduled" || status === "in_progress") && given?.date !== undefined) {
      const passed = startOfLocalDate(context.zone, given.date) + DAY_MS <= context.now;
      const text = passed ? texts.scheduledPassed : texts.scheduled;
      if (text !== undefined) return fill(context, text, entry, given);
    }
    if (status === "in_progress" && texts.inProgress !== undefined) {
      return fill(context, texts.inProgress, entry, given);
    }
  }
  return fill(context, entry.action, entry, given);
}

/**
 * The plan for one applicant at one instant. Pure and deterministic: the same input, calendar and
 * `now` give a deep-equal plan with the same reminder ids; no clock, no I/O.
 *
 * - nextSteps: actionable steps (milestones and interviews), most urgent first, each saying why,
 *   with its hard deadline and, for early milestones, the competitive target planned backwards
 *   from the target Match; the text fits the step's status.
 * - blocked: steps waiting for prerequisites or a gate (no ECFMG sponsor note, WDOMS unchecked, a
 *   Match year out of reach), naming them in `waitingFor` and what lifts a gate in `resolvedBy`.
 *   A blocked step has no reminders and no upcoming fee.
 * - overdue: applicable, unfinished milestones whose hard deadline has passed.
 * - risks: the rules in RISK_CODES, critical first.
 * - reminders: stable ids, at the applicant's delivery time (a late arrival: now, outside quiet
 *   hours), never after their deadline, never before `now`, none for done, waived or blocked steps;
 *   a target gets its ladder and the hard deadline its own (see remindersFor).
 * - budget: spent / upcoming / total from the fee table, and fees to verify; never a deadline.
 *
 * Milestones missing from the input count as not started. Throws RangeError when the calendar's
 * Match year differs from the applicant's, or on an unknown time zone.
 */
export function plan(input: PlannerInput, calendar: SeasonCalendar, now: Date): Plan {
  const context = buildContext(input, calendar, now);
  const dueOf = makeDueResolver(context);
  const targetOf = makeTargetResolver(context, dueOf);
  const feasibility = assessFeasibility(context);
  const ineligible = context.eligibility === "ineligible";
  const unchecked = context.eligibility === "unchecked" && !isSatisfied(context, "wdoms_listing");
  const gated = (key: MilestoneEntry["key"]): boolean =>
    ineligible && catalogEntry(key).needsEcfmgEligibleSchool;
  const budget = buildBudget(context, gated);
  const matchWeekStart = calendar.dates.nrmp_match_week_start_and_soap_start.at;
  const nextSteps: { step: NextStep; due: number }[] = [];
  const blocked: BlockedStep[] = [];
  const overdue: { step: OverdueStep; due: number }[] = [];
  const reminders: TimedReminder[] = [];

  MILESTONE_CATALOG.forEach((entry) => {
    if (!applies(context, entry)) return;
    const status = statusOf(context, entry.key);
    if (isFinished(status)) return;
    if (entry.key === "wdoms_listing" && context.eligibility === "eligible") return;
    // SOAP is preparation before Match Week; from Monday it concerns only those taking part.
    if (entry.key === "soap" && status !== "in_progress" && context.now >= matchWeekStart) return;

    const waitingFor: string[] = [];
    // A gate (eligibility, an out-of-reach season) silences a step entirely, overdue list included.
    let resolvedBy: string | undefined;
    if (entry.needsEcfmgEligibleSchool && ineligible) {
      waitingFor.push(NO_SPONSOR_NOTE);
      resolvedBy = SPONSOR_NOTE_RESOLVES;
    } else if (entry.needsEcfmgEligibleSchool && unchecked) {
      waitingFor.push("wdoms_listing");
      resolvedBy = "Check your school in WDOMS first: an ECFMG sponsor note means you can go ahead.";
    }
    let prerequisitePending = false;
    // Behind a gate the gate is the one thing to resolve; listing prerequisites too would only add noise.
    if (status === "not_started" && resolvedBy === undefined) {
      for (const prerequisite of entry.prerequisites) {
        if (isSatisfied(context, prerequisite.key) || waitingFor.includes(prerequisite.key)) continue;
        if (prerequisite.startsBefore === true && isStartable(context, prerequisite.key))
          prerequisitePending = true;
        else waitingFor.push(prerequisite.key);
      }
    }
    if (entry.seasonBound && feasibility.infeasible && !ineligible) {
      waitingFor.push(`a feasible Match year (the ${feasibility.earliestMatchYear} Match)`);
      resolvedBy ??= `Change your target to the ${feasibility.earliestMatchYear} Match: the ${calendar.matchYear} Match is out of reach (see MATCH_YEAR_NOT_FEASIBLE).`;
    }

    // With no sponsor note, checking the listing has no date to meet: it is the one thing to do now.
    const schoolCheckOnly = entry.key === "wdoms_listing" && ineligible;
    const due = schoolCheckOnly ? null : dueOf(entry.key);
    const overdueNow = due !== null && due.at < context.now && resolvedBy === undefined;
    // Rendering a deadline is the costly part; a blocked step needs it only when overdue.
    const detail =
      due === null || (waitingFor.length > 0 && !overdueNow) ? undefined : renderedDeadline(context, due);
    if (overdueNow && due !== null && detail !== undefined) {
      overdue.push({
        due: due.at,
        step: { milestone: entry.key, title: entry.title, dueBy: detail.at, deadline: detail },
      });
    }
    if (waitingFor.length > 0) {
      const step: BlockedStep = { milestone: entry.key, title: entry.title, waitingFor, why: entry.why.text };
      if (resolvedBy !== undefined) step.resolvedBy = resolvedBy;
      blocked.push(step);
      return;
    }

    const notStarted = status === "not_started";
    const target = schoolCheckOnly ? null : targetOf(entry.key);
    const targetAhead = target !== null && target.at >= context.now;
    // The target drives the plan while it is ahead; once missed, the hard deadline does.
    const driver: DueDate | null = targetAhead ? target : due;
    const startBy =
      driver === null || entry.leadTimeDays.days === 0
        ? null
        : shiftDays(driver.at, driver.zone, -entry.leadTimeDays.days);
    const action =
      entry.key === "wdoms_listing" && ineligible
        ? "Your school shows no ECFMG sponsor note: contact your school and ECFMG before paying any fee."
        : prerequisitePending && entry.statusActions?.prerequisitePending !== undefined
          ? entry.statusActions.prerequisitePending
          : actionFor(context, entry, status, budget);
    const step: NextStep = {
      milestone: entry.key,
      title: entry.title,
      why: entry.why.text,
      action,
      dueBy: detail === undefined ? null : detail.at,
      // A school that may be ineligible makes every other step moot, so checking it comes first.
      urgency:
        entry.key === "wdoms_listing" && (due === null || due.at >= context.now)
          ? "urgent"
          : target !== null && !targetAhead && due !== null && due.at >= context.now
            ? "urgent"
            : urgencyOf(context, driver === null ? null : driver.at, startBy, notStarted),
    };
    if (detail !== undefined) step.deadline = detail;
    if (target !== null) step.target = renderedDeadline(context, target);
    if (startBy !== null) step.startBy = isoUtc(startBy);
    nextSteps.push({ due: driver === null ? Number.POSITIVE_INFINITY : driver.at, step });
    if (targetAhead && step.target !== undefined) {
      for (const timed of remindersFor(context, {
        milestone: entry.key,
        title: `${entry.title} (target date)`,
        why: entry.why.text,
        ladder: entry.ladder,
        deadline: target.at,
        deadlineDetail: step.target,
        startBy,
        notStarted,
      })) {
        reminders.push(timed);
      }
    }
    if (due !== null && detail !== undefined) {
      const hard = remindersFor(context, {
        milestone: entry.key,
        title: entry.title,
        why: entry.why.text,
        ladder: target !== null ? "hard-deadline" : entry.ladder,
        deadline: due.at,
        deadlineDetail: detail,
        startBy: target !== null ? null : startBy,
        notStarted,
      });
      // While the target is ahead, the first hard-deadline rung is enough: it guarantees a wake-up
      // before the deadline, and the plan made then carries the rest of that ladder (same ids).
      const kept = targetAhead ? hard.slice(0, 1) : hard;
      for (const timed of kept) reminders.push(timed);
    }
  });

  const interviews = planInterviews(context);
  nextSteps.push(...interviews.steps);
  reminders.push(...interviews.reminders);

  const ordered = sortByKeys(nextSteps, ({ step, due }) => [
    URGENCY_RANK[step.urgency],
    due,
    CATALOG_ORDER.get(step.milestone) ?? MILESTONE_CATALOG.length,
    step.interviewId ?? "",
  ]).map((entry) => entry.step);
  const orderedOverdue = sortByKeys(overdue, ({ step, due }) => [
    due,
    CATALOG_ORDER.get(step.milestone) ?? MILESTONE_CATALOG.length,
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
    risks: assessRisks(context, dueOf, feasibility),
    reminders: orderedReminders,
    budget,
  };
}
