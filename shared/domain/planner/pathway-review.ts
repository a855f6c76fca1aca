import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE, fromWall, renderDate, startOfLocalDate, toWall, wallDayStart } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { ownDayInTime } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import {
  oetExpectedResultDay,
  oetResultAfter,
  oetRetakeUnbooked,
  pathwayReviewFrom,
} from "./oet-after-documents.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { plannedDayOvertaken } from "./planned-pathway-day.ts";
import { presumedSent, presumedSentPathwayAction } from "./presumed-sent.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const RANK_ORDER_LIST = indexedStep("rank_order_list");
const MATCH_DAY = indexedStep("match_day");

/**
 * A Pathway application dated in time for its deadline (pathwayDeadline, projected; ownDayInTime), whose day has
 * begun, not a plan for the deadline's day past its hour (plannedDayOvertaken): that day's start, else null. What is
 * left is ECFMG's review ("overdue: result pending" and "submit it as soon as you can" beside one in time).
 */
function submittedInTime(context: PlanContext): number | null {
  const entry = context.entries.at(PATHWAY.index);
  if (entry?.date === undefined || (entry.status !== "scheduled" && entry.status !== "in_progress"))
    return null;
  const deadline = pathwayDeadline(context.calendar);
  const day = startOfLocalDate(context.zone, entry.date);
  if (deadline === null || !ownDayInTime(day, deadline) || day >= context.now) return null;
  return plannedDayOvertaken(context, PATHWAY.key, day) ? null : day;
}

/**
 * The deadline of a Pathway submitted in time (submittedInTime), or presumed sent by an interview
 * (presumedSent), once the application deadline it met has passed, for the plan's own Match only (`calendar` is the step's): the rank order list
 * deadline, by which NRMP needs ECFMG to have accepted it (the catalog's `neededForRanking`,
 * official). Nothing is overdue before then. Null for any other step or case, which keeps its own
 * deadline (before it passes, the application deadline and its reminders still serve one not sent).
 */
export function pathwayDecisionDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return null;
  const applicationDue = pathwayDeadline(calendar);
  if (applicationDue === null) return null;
  // Reported in progress, dated by its deadline and that day gone by: submitted, so what still
  // matters is ECFMG's acceptance by the rank order list deadline, not the application deadline it
  // met, even while that deadline is ahead. One only planned
  // (scheduled) keeps the application deadline until it passes: it may not have been sent.
  if (context.now <= applicationDue)
    return submittedInProgress(context) ? decisionDueNow(context, entry, calendar) : null;
  // A Pathway presumed sent keeps that presumption past its deadline; one reported
  // sent after the projected deadline (ECFMG's may be later) waits on ECFMG's answer too.
  if (submittedInTime(context) === null && !presumedSent(context, PATHWAY.index) && !sentLate(context))
    return null;
  return decisionDueNow(context, entry, calendar);
}

/**
 * Whether `entry` is the Pathway, for the plan's own Match (`calendar` is the step's), reported in
 * progress and submitted in time (submittedInProgress): dated by ECFMG's acceptance by the rank order
 * list deadline, its ladder counts down to that day, asking whether
 * ECFMG has accepted it; not the "under review" silence of one only planned.
 */
export function pathwaySubmittedInProgress(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): boolean {
  return entry.key === PATHWAY.key && calendar === context.calendar && submittedInProgress(context);
}

/** submittedInTime for a Pathway reported in progress, whose day has gone by (as pathwayReviewDue counts it). */
function submittedInProgress(context: PlanContext): boolean {
  if (context.entries.at(PATHWAY.index)?.status !== "in_progress") return false;
  const day = submittedInTime(context);
  return day !== null && day + DAY_MS <= context.now;
}

/**
 * decisionDue as of now: between the projected rank order list deadline and its later candidate
 * (rolLaterCandidateAt: 16 days before Match Day in 2022–2025), the later one, so a Pathway waiting
 * on ECFMG's answer is not "overdue" while NRMP's deadline may still be ahead.
 * The plan is made again as the earlier deadline passes (noteRiskChange).
 */
function decisionDueNow(context: PlanContext, entry: CatalogEntry, calendar: SeasonCalendar): DueDate {
  const due = decisionDue(entry, calendar);
  const later = rolLaterCandidateAt(calendar);
  if (later === null || context.now > later) return due;
  if (context.now <= due.at) {
    noteRiskChange(context, due.at);
    return due;
  }
  let laterDue = laterDecisionDues.get(calendar);
  if (laterDue === undefined) {
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    laterDue = shapedDueDate({
      at: later,
      zone: ET_ZONE,
      status: "projected",
      basis: "projected",
      source: `if NRMP's rank order list deadline is its later candidate (${rol.latestCandidate?.said ?? rol.latestCandidate?.rule ?? ""}): ${due.source}`,
    });
    laterDecisionDues.set(calendar, laterDue);
  }
  return laterDue;
}

/** decisionDueNow's later-candidate DueDate per season calendar. */
const laterDecisionDues = new WeakMap<SeasonCalendar, DueDate>();

/**
 * Whether the Pathway was reported submitted (in progress or scheduled, dated) on a day after its
 * projected application deadline, that day begun: ECFMG's deadline may be later, so the plan asks
 * whether ECFMG accepted it (sentLateAction) rather than calling it overdue.
 */
function sentLate(context: PlanContext): boolean {
  return sentLateDay(context) !== null;
}

/** The start of the day (applicant's zone) of a Pathway sent late, as sentLate; null otherwise. */
function sentLateDay(context: PlanContext): number | null {
  const entry = context.entries.at(PATHWAY.index);
  if (entry?.date === undefined || (entry.status !== "scheduled" && entry.status !== "in_progress"))
    return null;
  const deadline = pathwayDeadline(context.calendar);
  const day = startOfLocalDate(context.zone, entry.date);
  return deadline !== null && !ownDayInTime(day, deadline) && day < context.now ? day : null;
}

/**
 * pathwayDecisionDue for a step with no date of its own (`own` null) in a plan that presumes steps
 * (presumedInTheMatch): a Pathway presumed sent is due by ECFMG's decision once its application
 * deadline has passed. Null otherwise, at once for a plan that presumes nothing.
 */
export function presumedPathwayDue(
  context: PlanContext,
  own: unknown,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  return own === null && context.presumedDone !== undefined
    ? pathwayDecisionDue(context, entry, calendar)
    : null;
}

/**
 * The rank order list deadline (as pathwayDecisionDue) of a Pathway submitted in time whose day
 * has gone by, whether or not the application deadline it met has passed: while that deadline is
 * still ahead, this is what the "did ECFMG accept it?" follow-up announces, since the application
 * deadline's "Due" rungs no longer apply (step-reminders.ts). Also one sent after
 * its projected deadline (sentLate), that day gone by: it too waits on ECFMG's answer, so no "Due"
 * countdown to the rank order list deadline. Null otherwise.
 */
export function pathwayReviewDue(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): DueDate | null {
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return null;
  const day = submittedInTime(context) ?? sentLateDay(context);
  if (day === null || day + DAY_MS > context.now) return null;
  return decisionDueNow(context, entry, calendar);
}

/**
 * Whether the card of a Pathway submitted in time (submittedInTime), for the plan's own Match
 * (`calendar` is the step's), is ECFMG's answer asked with no date: beside a certified list, once
 * Match Day (season date nrmp_match_day, official) has come with its result not told. Match Day's
 * "tell us where you matched" then comes first, the Pathway's question after it, as for an undated
 * Pathway, and for a dated one too, which would otherwise lead as overdue.
 * Before Match Day it keeps the rank order list deadline (pathwayDecisionDue).
 */
export function pathwayAnswerAfterMatchDay(
  context: PlanContext,
  entry: CatalogEntry,
  calendar: SeasonCalendar,
): boolean {
  if (entry.key !== PATHWAY.key || calendar !== context.calendar) return false;
  if (context.now < calendar.dates.nrmp_match_day.at || isFinished(statusAt(context, MATCH_DAY.index)))
    return false;
  return statusAt(context, RANK_ORDER_LIST.index) === "done" && submittedInTime(context) !== null;
}

/** The rank order list deadline as a Pathway's due date, one per season calendar (decisionDues; also undated-pathway-pending.ts). */
export function decisionDue(entry: CatalogEntry, calendar: SeasonCalendar): DueDate {
  let due = decisionDues.get(calendar);
  if (due === undefined) {
    const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    due = shapedDueDate({
      at: rol.at,
      zone: ET_ZONE,
      status: rol.status === "projected" ? "projected" : "confirmed",
      basis: rol.status,
      source: `ECFMG must accept the Pathway by the rank order list deadline (${entry.neededForRanking?.source ?? rol.source}): ${rol.key} (${rol.source})`,
    });
    decisionDues.set(calendar, due);
  }
  return due;
}

/** pathwayDecisionDue per season calendar: one DueDate shared by every plan. */
const decisionDues = new WeakMap<SeasonCalendar, DueDate>();

/**
 * The card of a Pathway submitted in time (submittedInTime) once its day has gone by, when the
 * catalog's "If you submitted it on …, ECFMG is reviewing it … If you did not, submit it by …" no
 * longer fits: under review while the review time (the catalog's reportingDays, advice) runs; once
 * that time has passed, ECFMG's answer is asked. No "submit it by", even while the application
 * deadline is ahead: the applicant reported it submitted. Null otherwise
 * (the catalog's text then).
 * `applicationDue` is the application deadline as the step shows it.
 */
export function pathwayReviewAction(
  context: PlanContext,
  entry: CatalogEntry,
  applicationDue: DueDate | null,
): string | null {
  // A step dated for a later Match (the plan moved on) keeps the catalog's text and that Match's deadline.
  if (entry.key !== PATHWAY.key || applicationDue?.at !== pathwayDeadline(context.calendar)) return null;
  const day = submittedInTime(context);
  const date = context.entries.at(PATHWAY.index)?.date;
  if (day === null)
    return (
      presumedSentPathwayAction(context, Math.ceil((entry.reportingDays?.days ?? 28) / 7)) ??
      sentLateAction(context)
    );
  if (date === undefined || day + DAY_MS > context.now) return null;
  const days = entry.reportingDays?.days ?? 28;
  // Counted from the OET result when it came later: ECFMG reviews the whole.
  const from = pathwayReviewFrom(context, day);
  const reviewOver = fromWall(context.zone, wallDayStart(toWall(context.zone, from)) + days * DAY_MS);
  const reported = oetResultAfter(context, day);
  // A booked sitting's result still to come: ECFMG's review waits for it.
  const expected = reported === undefined ? oetExpectedResultDay(context) : undefined;
  const oet = expected !== undefined && startOfLocalDate(context.zone, expected) > day ? expected : reported;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = basisMark(rol);
  const needed =
    context.now > decisionDueNow(context, entry, context.calendar).at
      ? pathwayAfterRolWords(context)
      : `NRMP needs ECFMG's acceptance by the rank order list deadline, ${dayBy(context, rol.at)}${projected}.`;
  const weeks = `about ${Math.ceil(days / 7)} weeks, advice`;
  const went = `Your Pathway application went in on ${renderDate(date)}`;
  // A failing OET score with no retake booked: no acceptance can come before a passing result.
  if (oetRetakeUnbooked(context))
    return `${went}, but your OET score falls short of ECFMG's minimums, so ECFMG cannot accept it until a passing OET result reaches it. Retake the OET (its step), send the new result to ECFMG as soon as it arrives (ECFMG's review, ${weeks}, counts from it) and mark this step done when ECFMG accepts it. ${needed}`;
  if (oet !== undefined) {
    const result = `${went}, and your OET result ${oet === reported ? "on" : `${context.now < startOfLocalDate(context.zone, oet) ? "is" : "was"} expected around`} ${renderDate(oet)}: ECFMG's review (about ${Math.ceil(days / 7)} weeks, advice) counts from the result`;
    return context.now < reviewOver
      ? `${result}. ${oet === reported ? "Answer any request for documents in MyIntealth" : "Send it to ECFMG as soon as it arrives"} and mark this step done when ECFMG accepts it. ${needed}`
      : `${result}, and should be over. Did ECFMG accept it? Tell us: mark this step done if it did, or tell your advisor if ECFMG refused it or asked for more documents. ${needed}`;
  }
  if (context.now < reviewOver)
    return `${went}, by its deadline: ECFMG is reviewing it (allow ${weeks}). Answer any request for documents in MyIntealth and mark this step done when ECFMG accepts it. ${needed}`;
  return `${went}, and ECFMG's review (${weeks}) should be over. Did ECFMG accept it? Tell us: mark this step done if it did, or tell your advisor if ECFMG refused it or asked for more documents. ${needed}`;
}

/**
 * The card of a Pathway application dated after its deadline (projected), that day gone by, for the
 * plan's own Match: never "ECFMG is reviewing it". The deadline is projected, so
 * the plan cannot know ECFMG refuses it: it says the application came after it, asks for ECFMG's
 * answer and names what follows a refusal, the next Match's Pathways and their deadline. Null
 * otherwise (pathwayReviewAction's caller has checked the step and the deadline shown).
 */
function sentLateAction(context: PlanContext): string | null {
  const entry = context.entries.at(PATHWAY.index);
  if (entry?.date === undefined || (entry.status !== "scheduled" && entry.status !== "in_progress"))
    return null;
  const deadline = pathwayDeadline(context.calendar);
  const day = startOfLocalDate(context.zone, entry.date);
  if (deadline === null || ownDayInTime(day, deadline) || day + DAY_MS > context.now) return null;
  const year = context.calendar.matchYear;
  const next = pathwayDeadline(seasonCalendar(year + 1));
  const nextBy =
    next === null ? "" : `, whose Pathway applications are due by ${dayBy(context, next)} (projected)`;
  return `Your Pathway application went in on ${renderDate(entry.date)}, after its deadline, ${dayBy(context, deadline)} (projected), so ECFMG may not accept it for the ${year} Match. Did ECFMG accept it? Tell us: mark this step done if it did, or tell your advisor if ECFMG refused it; then your Pathway is for the ${year + 1} Match${nextBy}.`;
}

/**
 * What a Pathway still under review matters for once the rank order list deadline it was needed by
 * (decisionDueNow: its later candidate too) has passed: NRMP withdrew from the Match and SOAP an IMG
 * whose Pathway ECFMG had not confirmed by then (fact sheet, "Exam status NRMP needs before
 * ranking", official), and ECFMG certifies no one before accepting it, which residency needs.
 * "NRMP needs … by Wed 24 Feb" read in April as a deadline still ahead.
 */
function pathwayAfterRolWords(context: PlanContext): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  return `The rank order list deadline, ${dayBy(context, rol.at)}${basisMark(rol)}, has passed: if ECFMG had not accepted your Pathway by then, NRMP withdrew you from the Match and SOAP (R3 shows it). Your Pathway still matters: ECFMG certifies you only once it accepts it, and residency needs that certificate before it starts.`;
}
