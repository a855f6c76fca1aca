import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, renderDate } from "../time.ts";
import { UNBOOKED_RANKING_EXAM_EVERY_DAYS } from "./advice.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDayOrWhen, dayBy, etDayOrWhen } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { followUps } from "./follow-ups.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { isPathwayLastDayDue, pathwayLastDayDue } from "./pathway-last-day.ts";
import { decisionDue, presumedPathwayDue } from "./pathway-review.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { plannedDayOvertaken } from "./planned-pathway-day.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import { presumedSent } from "./presumed-sent.ts";
import type { TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import type { StepReminderDates } from "./step-reminders.ts";
import { weeklyToDay } from "./weekly-to-day.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const OET = indexedStep("oet_medicine");

/**
 * A Pathway the applicant reported in progress with no date, while interviewing for the plan's own
 * Match, its projected application deadline passed and the rank order list deadline ahead:
 * it may already be submitted, so it is a decision pending (README: never
 * "not submitted"), not overdue. Its due date is the day MATCH_YEAR_LAST_DAY names (the last day the
 * Match is still in reach on the same chain, lastWorkingInstant), else the rank order list deadline
 * (decisionDue). Null for any other case; called for the Pathway's undated step in its own calendar
 * only (undatedPathwayDue), and the chain is searched only on this rare path.
 */
function pendingPathwayDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (!undatedPathwayPending(context, PATHWAY.index)) return null;
  const last = lastWorkingInstant(context, feasibilityOf(context));
  if (last !== null && last.at >= context.now)
    return marked(adviceDayDue(context, last.at, LAST_DAY_SOURCE), "last");
  // No MATCH_YEAR_LAST_DAY (the OET in, so the chain gives the Pathway the benefit of the doubt): the
  // day that decides one not yet submitted is ECFMG's review allowance before the deadline,
  // the same day the chain names when an OET result is pending; then the later candidate's.
  const earlier = submitByDay(entry, calendar);
  if (context.now <= earlier) {
    // The card's words change when it passes: a re-plan then (risk-change-instants).
    noteRiskChange(context, earlier);
    return marked(adviceDayDue(context, earlier, SUBMIT_BY_SOURCE), "last");
  }
  const later = laterSubmitBy(entry, calendar);
  if (later !== null && context.now <= later) {
    noteRiskChange(context, later);
    return marked(adviceDayDue(context, later, LATER_SOURCE), "later");
  }
  return marked(askedDue(entry, calendar), "asked");
}

/**
 * The day that decides a Pathway not yet submitted on `calendar`: its rank order list deadline less
 * ECFMG's review allowance (ecfmg_pathway reportingDays, 28 days, advice), in ET, and never after the
 * deadline for the documents that follow the application (the OET result among them): an application
 * sent after it cannot have them in time (the card said "by Wed 27 Jan" beside an OET due Tue 26 Jan).
 * Tue 26 Jan 2027, 9:00 PM ET on the projected date, Tue 2 Feb 2027 on the later candidate (Wed 3 Mar).
 */
function submitByDay(entry: CatalogEntry, calendar: SeasonCalendar): number {
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const reviewed = shiftDays(rol, ET_ZONE, -(entry.reportingDays?.days ?? 28));
  const documents = pathwayDocumentsDeadline(calendar);
  return documents === null ? reviewed : Math.min(reviewed, documents);
}

const LAST_DAY_SOURCE =
  "MATCH_YEAR_LAST_DAY: the last day the Match is still in reach at the fastest pace (allowances are advice, deadlines projected)";
const SUBMIT_BY_SOURCE =
  "advice: the rank order list deadline (projected) less ECFMG's review allowance (ecfmg_pathway reportingDays, advice), never after the deadline for the documents that follow the application (ecfmg_pathway documentsDue, projected): the last day a Pathway submitted then can be accepted in time";
const LATER_SOURCE =
  "advice: the rank order list deadline's later candidate (16 days before Match Day, as in 2022–2025, projected) less ECFMG's review allowance (ecfmg_pathway reportingDays, advice), never after that candidate's deadline for the documents that follow the application";

/** The rank order list deadline as the due of a Pathway past both days: its own object, so only this case is marked "asked". */
function askedDue(entry: CatalogEntry, calendar: SeasonCalendar): DueDate {
  let due = askedDues.get(calendar);
  if (due === undefined) {
    due = { ...decisionDue(entry, calendar) };
    askedDues.set(calendar, due);
  }
  return due;
}
const askedDues = new WeakMap<SeasonCalendar, DueDate>();

/** submitByDay on the later candidate's calendar, or null when the deadline has none. */
function laterSubmitBy(entry: CatalogEntry, calendar: SeasonCalendar): number | null {
  const moved = laterCandidateCalendar(calendar);
  return moved === null ? null : submitByDay(entry, moved);
}

/** Which day pendingPathwayDue's due is: the last day (earlier projection), the later candidate's, or past both (asked only). */
type PendingPhase = "last" | "later" | "asked";

function marked(due: DueDate, phase: PendingPhase): DueDate {
  pendingDues.set(due, phase);
  return due;
}

/**
 * Whether `due` is pendingPathwayDue's while the Pathway may still be submitted (the earlier or the
 * later candidate's day ahead): its "Due" rungs ask whether it went in (pathwayAskedEntry).
 */
export function pendingPathwayCountdown(due: DueDate | null): boolean {
  const phase = due === null ? undefined : pendingDues.get(due);
  return phase === "last" || phase === "later";
}

/**
 * Whether the Pathway's own "Due" ladder is not laid for `due`: pendingPathwayDue's past both days
 * (only the question is left), or passedPathwayDue's (MATCH_YEAR_LAST_DAY's countdown is its own).
 */
export function pathwayDueHasNoLadder(due: DueDate | null): boolean {
  return due !== null && (pendingDues.get(due) === "asked" || isPathwayLastDayDue(due));
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
 * (presumedPathwayDue), else reported in progress with no date while interviewing
 * (pendingPathwayDue), else not submitted past its projected deadline (passedPathwayDue). One
 * planned for a day still ahead (`own`, never a passed one here) is a plan, not a submission, and is
 * dated as one not started (passedPathwayDue).
 */
export function undatedPathwayDue(
  context: PlanContext,
  own: unknown,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  const presumed = presumedPathwayDue(context, own, entry, calendar);
  if (presumed !== null) return presumed;
  // The two cases below are the Pathway's own step, undated, in its own calendar: checked once here,
  // so every other step pays one comparison.
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return null;
  if (own !== null) return passedPathwayDue(context, calendar, true);
  return pendingPathwayDue(context, entry, calendar) ?? passedPathwayDue(context, calendar, false);
}

/**
 * A Pathway not submitted (not started, or in progress with no date, not presumed sent) past its
 * projected application deadline, up to the day the plan keeps the Match for it (pathwayLastDayDue,
 * ECFMG's deadline on NRMP's later candidate, Tue 2 Feb 2027, 9:00 PM ET, projected): due by that
 * day, the one its risk, card, notice and countdown name; its row read "overdue" since Sat 26 Dec
 * beside them. The risk's countdown is its only one (pathwayDueHasNoLadder). So is one `planned`
 * for a day still ahead, which the risk names as too late for the projected deadline: its row read
 * "overdue: it was due Sun 27 Dec" beside the notice's "act by Wed 3 Feb". Null otherwise.
 */
function passedPathwayDue(context: PlanContext, calendar: SeasonCalendar, planned: boolean): DueDate | null {
  const reported = context.entries.at(PATHWAY.index);
  const undated = reported?.status === "in_progress" && reported.date === undefined;
  if (!planned && reported !== undefined && reported.status !== "not_started" && !undated) return null;
  const deadline = pathwayDeadline(calendar);
  if (deadline === null || context.now <= deadline) return null;
  const last = pathwayLastDayDue(context);
  if (last === null || context.now > last.at) return null;
  return undated && presumedSent(context, PATHWAY.index) ? null : last;
}

/**
 * The due of a Pathway planned for its projected deadline's own day, that hour gone by
 * (plannedDayOvertaken): a plan, not a submission, dated as one planned too late (passedPathwayDue),
 * not "overdue" since the deadline beside the risk's "act by" the last day. Null otherwise.
 */
export function overtakenPathwayDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return null;
  const day = plannedDayAt(context, PATHWAY.index);
  return day !== null && plannedDayOvertaken(context, PATHWAY.key, day)
    ? passedPathwayDue(context, calendar, true)
    : null;
}

/** The dues pendingPathwayDue gave and their phase, so the card and reminders know the step (identity, no re-check). */
const pendingDues = new WeakMap<DueDate, PendingPhase>();

/**
 * The card of pendingPathwayDue's Pathway, in the presumed-sent Pathway's words (presumed-sent.ts):
 * "Submitted? Tell us the date", under ECFMG's review if so; if never submitted, the projected
 * deadline passed on our projection, ECFMG's own unconfirmed, and the last day it can still count
 * (`due`): while the earlier projection's day is ahead, that day; past it, both sides (it passed, the
 * later candidate's day still ahead); past both, only the question.
 * Null for any other due.
 */
export function pendingPathwayAction(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
): string | null {
  const phase = due === null ? undefined : pendingDues.get(due);
  if (due === null || phase === undefined) return null;
  const year = context.calendar.matchYear;
  const deadline = pathwayDeadline(context.calendar) as number;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = basisMark(rol);
  const weeks = Math.ceil((entry.reportingDays?.days ?? 28) / 7);
  const oet = isFinished(statusAt(context, OET.index)) ? "" : "send your OET result and ";
  const asked = `Submitted? Tell us the date it went in: ECFMG is then reviewing it (allow about ${weeks} weeks, advice): ${oet}answer any request for documents in MyIntealth, and mark this step done when ECFMG accepts it.`;
  // Each instant in the applicant's time, with ET beside it where the days differ (etDayOrWhen), as
  // the email's "Due" line names it: Auckland read "by Tue 2 Feb" under "Due: Wed 3 Feb, 3:00 PM".
  const needs = `NRMP needs ECFMG's acceptance by the rank order list deadline, ${etDayOrWhen(context, rol.at, dayBy(context, rol.at))}${projected}.`;
  if (phase === "asked")
    return `${asked} If you never submitted it, ECFMG's review could no longer end by the rank order list deadline on either date we project: tell us (send your intake form again, or ask your advisor), and the plan sets up your next Match. ${needs}`;
  const passed = `If you never submitted it, the ${year} Match's Pathway deadline, ${dayBy(context, deadline)}, passed on our projection; ${pathwaysUnconfirmed(year)}: check ECFMG's Pathways page, and if it still accepts applications, submit today and tell us`;
  if (phase === "last")
    return `${asked} ${passed}${due.at === rol.at ? "" : `, ${byDayOrWhen(context, due.at)}${basisMark(due)} at the latest`}. ${needs}`;
  const earlier = submitByDay(entry, context.calendar);
  const later = rol.latestCandidate;
  const when =
    later === undefined
      ? ""
      : `${later.said === undefined ? "" : `${later.said}, `}${renderDate(later.date)}`;
  // Each day by who sets it: the earlier day is advice as the later one (adviceDayDue).
  return `${asked} ${passed}: ${etDayOrWhen(context, earlier, dayBy(context, earlier))}${basisMark(due)}, the last day to submit it in time for that deadline, has passed, but it can still count if NRMP's ${year} deadline turns out later (${when}) and ECFMG's with it, ${byDayOrWhen(context, due.at)}${basisMark(due)} at the latest. ${needs}`;
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
  const phase = pendingDues.get(due);
  const last =
    phase === "asked"
      ? " If you never submitted it, ECFMG's review can no longer end by the rank order list deadline: tell us."
      : ` If you never submitted it, ${etDayOrWhen(context, due.at, dayBy(context, due.at))}${basisMark(due)} is the last day it can still count for this Match${phase === "later" ? ", if NRMP's deadline turns out later" : ""}.`;
  // Past the earlier day, the follow-ups count from it (a passed day: their ids must not move).
  const passed = phase === "last" ? deadline : submitByDay(entry, stepDates.calendar);
  const from = phase === "asked" ? (laterSubmitBy(entry, stepDates.calendar) ?? passed) : passed;
  const title = `${entry.title}: submitted? Tell us the date`;
  const why = `Your ECFMG Pathway is in progress with no date, and its projected deadline has passed: if it went in, tell us the date; ECFMG is then reviewing it.${last}`;
  const rung = "pending-follow-up";
  if (phase === "asked") {
    // Past both days: no "Due" countdown (no ladder, no week-before notice), the question weekly up
    // to the deadline's own day ("lookup": no rung of its ladder counts down to a deadline).
    const series = {
      milestone: entry.key,
      title,
      why,
      passed: from,
      deadline: due.at,
      deadlineDetail: detail,
    };
    followUps(
      context,
      { ...series, ladder: "lookup", everyDays: UNBOOKED_RANKING_EXAM_EVERY_DAYS, rung },
      into,
    );
    return;
  }
  // The step's own hard-deadline ladder is laid against this very due (stepReminders).
  weeklyToDay(
    context,
    entry,
    { passed: from, dueAt: due.at, detail, title, why, rung, ladder: "hard-deadline", lay: false },
    into,
  );
}
