import type { CatalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { decisionDue, presumedPathwayDue } from "./pathway-review.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import type { TimedReminder } from "./reminders.ts";
import type { StepReminderDates } from "./step-reminders.ts";
import { weeklyToDay } from "./weekly-to-day.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const OET = indexedStep("oet_medicine");

/**
 * A Pathway the applicant reported in progress with no date, while interviewing for the plan's own
 * Match, its projected application deadline passed and the rank order list deadline ahead (tester
 * t9r F2, lead's ruling): it may already be submitted, so it is a decision pending (README: never
 * "not submitted"), not overdue. Its due date is the day MATCH_YEAR_LAST_DAY names (the last day the
 * Match is still in reach on the same chain, lastWorkingInstant), else the rank order list deadline
 * (decisionDue). Null for any other step or case: the key and `own` are checked first, so other
 * steps and plans pay nothing; the chain is searched only on this rare path.
 */
export function pendingPathwayDue(
  context: PlanContext,
  own: unknown,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (entry.key !== PATHWAY.key || own !== null || calendar !== context.calendar) return null;
  if (!undatedPathwayPending(context, PATHWAY.index)) return null;
  const last = lastWorkingInstant(context, feasibilityOf(context));
  const due =
    last === null || last.at < context.now ? decisionDue(entry, calendar) : lastDayDue(context, last.at);
  pendingDues.add(due);
  return due;
}

/**
 * pendingPathwayDue's case, without its day: the step at `index` (catalog index) is the Pathway,
 * reported in progress with no date, its projected deadline passed, the rank order list deadline of
 * the plan's Match ahead, the applicant interviewing for it. Cheap for any other step (one compare).
 * Its passed target is then no TARGET_PASSED: the card asks whether it went in.
 */
export function undatedPathwayPending(context: PlanContext, index: number): boolean {
  if (index !== PATHWAY.index) return false;
  const reported = context.entries.at(PATHWAY.index);
  if (reported === undefined || reported.date !== undefined || reported.status !== "in_progress")
    return false;
  const deadline = pathwayDeadline(context.calendar);
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return deadline !== null && context.now > deadline && context.now <= rol && interviewingForMatch(context);
}

/**
 * The due of a Pathway with no date of its own (`own` null): presumed sent by an interview
 * (presumedPathwayDue, t9p F17), else reported in progress with no date (pendingPathwayDue, t9r F2).
 */
export function undatedPathwayDue(
  context: PlanContext,
  own: unknown,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  return (
    presumedPathwayDue(context, own, entry, calendar) ?? pendingPathwayDue(context, own, entry, calendar)
  );
}

/** The dues pendingPathwayDue gave, so the card and reminders know the step (identity, no re-check). */
const pendingDues = new WeakSet<DueDate>();

/** The last working instant as a DueDate (projected; rendered with its hour, as the risk's ET day), one per zone and instant. */
function lastDayDue(context: PlanContext, at: number): DueDate {
  const key = `${context.zone}|${at}`;
  let due = lastDays.get(key);
  if (due === undefined) {
    due = shapedDueDate({
      at,
      zone: context.zone,
      status: "projected",
      source:
        "MATCH_YEAR_LAST_DAY: the last day the Match is still in reach at the fastest pace (allowances are advice, deadlines projected)",
    });
    if (lastDays.size >= 256) lastDays.clear();
    lastDays.set(key, due);
  }
  return due;
}

const lastDays = new Map<string, DueDate>();

/**
 * The card of pendingPathwayDue's Pathway, in the presumed-sent Pathway's words (presumed-sent.ts):
 * "Submitted? Tell us the date", under ECFMG's review if so; if never submitted, the projected
 * deadline passed on our projection, ECFMG's own unconfirmed, and the last day it can still count
 * (`due`, when it is MATCH_YEAR_LAST_DAY's). Null for any other due.
 */
export function pendingPathwayAction(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
): string | null {
  if (due === null || !pendingDues.has(due)) return null;
  const year = context.calendar.matchYear;
  const deadline = pathwayDeadline(context.calendar) as number;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = rol.status === "projected" ? " (projected)" : "";
  const weeks = Math.ceil((entry.reportingDays?.days ?? 28) / 7);
  const oet = isFinished(statusAt(context, OET.index)) ? "" : "send your OET result and ";
  const latest = due.at === rol.at ? "" : `, by ${dayBy(context, due.at)} (projected) at the latest`;
  return `Submitted? Tell us the date it went in: ECFMG is then reviewing it (allow about ${weeks} weeks, advice): ${oet}answer any request for documents in MyIntealth, and mark this step done when ECFMG accepts it. If you never submitted it, the ${year} Match's Pathway deadline, ${dayBy(context, deadline)}, passed on our projection; ${pathwaysUnconfirmed(year)}: check ECFMG's Pathways page, and if it still accepts applications, submit today and tell us${latest}. NRMP needs ECFMG's acceptance by the rank order list deadline, ${dayBy(context, rol.at)}${projected}.`;
}

/**
 * pendingPathwayDue's Pathway due by MATCH_YEAR_LAST_DAY's day: reminded at least weekly from the
 * projected application deadline, and 3 days and 1 day before that day (weeklyToDay, the rule
 * unbooked Match exams have). Appended to `into`; nothing for any other step.
 */
export function pendingPathwayReminders(
  context: PlanContext,
  entry: CatalogEntry,
  dates: StepReminderDates,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  const { due, detail } = dates;
  if (due === null || detail === undefined || !pendingDues.has(due)) return;
  const deadline = pathwayDeadline(stepDates.calendar);
  if (deadline === null) return;
  const rol = stepDates.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const last =
    due.at === rol
      ? ""
      : ` If you never submitted it, ${dayBy(context, due.at)} (projected) is the last day it can still count for this Match.`;
  weeklyToDay(
    context,
    entry,
    {
      passed: deadline,
      dueAt: due.at,
      detail,
      title: `${entry.title}: submitted? Tell us the date`,
      why: `Your ECFMG Pathway is in progress with no date, and its projected deadline has passed: if it went in, tell us the date; ECFMG is then reviewing it.${last}`,
      rung: "pending-follow-up",
      // The step's own hard-deadline ladder is laid against this very due (stepReminders).
      ladder: "hard-deadline",
      lay: false,
    },
    into,
  );
}
