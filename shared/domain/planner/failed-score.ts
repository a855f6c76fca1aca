import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, localDate, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, STEP3_PROCESSING_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import { lastSittingDay, lastSittingEnd } from "./last-sitting-day.ts";
import { laterCandidateClause } from "./later-candidate.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { retakeTargetWords } from "./retake-target-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

type PassingScore = NonNullable<CatalogEntry["passingScores"]>[number];

/** A result reported below the passing score in force on its day (catalog `passingScores`). */
export interface FailedScore {
  key: CatalogEntry["key"];
  /** The entry as the applicant reported it (status, date, score). */
  reported: MilestoneEntry;
  score: number;
  mark: PassingScore;
}

/** The catalog's exams scored against a passing score: data, not keys. */
const SCORED: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) => entry.passingScores !== undefined,
);

/** The passing score in force on `day` (ISO date): the latest entry whose `from` is on or before it. */
export function passingScoreOn(entry: CatalogEntry, day: string): PassingScore | undefined {
  let found: PassingScore | undefined;
  for (const mark of entry.passingScores ?? []) if (mark.from === undefined || mark.from <= day) found = mark;
  return found;
}

/**
 * The snapshot's results below their passing score: the score judged against the mark in force on
 * the reported date, or today's (`today`, the applicant's local date) when none is given. A result
 * at or above the mark, or without a score, is not one.
 */
export function failedScores(entries: readonly MilestoneEntry[], today: string): FailedScore[] {
  const failed: FailedScore[] = [];
  for (const exam of SCORED) {
    const reported = entries.find((entry) => entry.key === exam.key);
    if (reported?.score === undefined || reported.status === "waived") continue;
    const day = reported.status === "done" && reported.date !== undefined ? reported.date : today;
    const mark = passingScoreOn(exam, day);
    if (mark !== undefined && reported.score < mark.score)
      failed.push({ key: exam.key, reported, score: reported.score, mark });
  }
  return failed;
}

/**
 * The entry the plan reads for a failed result: a retake, whatever the status reported. "done"
 * below the mark is not a pass; "not started" after a failed attempt is not a first attempt: the
 * applicant has prepared once. Both read as "in progress", which feasibility plans with no study
 * but FSMB's permit and a seat (fastest-sitting.ts); a booked retake ("scheduled") keeps its date.
 * The date of one not booked again is the failed attempt's, never a day booked
 * ("in progress" with the attempt's date read as a sitting to ask about, "Did
 * you take it?", and SCHEDULED_DATE_PASSED beside the failing score): it is dropped, so the retake
 * reads exactly as without it. One "in progress" dated after `today` (the applicant's local date)
 * cannot be the failed attempt's: it is a booked retake stored before the intake refused that
 * status (retakeBookedInProgress, scheduled-score.ts), read as scheduled with its date.
 */
export function retakeEntry(failed: FailedScore, today: string): MilestoneEntry | null {
  const { reported } = failed;
  if (reported.status === "scheduled") return null;
  if (reported.status === "in_progress" && reported.date === undefined) return null;
  if (reported.status === "in_progress" && reported.date !== undefined && reported.date > today)
    return { ...reported, status: "scheduled" };
  const { date: _date, ...rest } = reported;
  return { ...rest, status: "in_progress" };
}

/** Whether the step is a retake: a result below its passing score was reported (retakeEntry). */
export function isRetake(context: PlanContext, key: CatalogEntry["key"]): boolean {
  for (const failed of context.failedScores) if (failed.key === key) return true;
  return false;
}

/**
 * The step's text while in progress: a retake's own (`statusActions.retake`: it needs a seat, not a
 * first attempt's study) when the step is one, else `inProgress`.
 */
export function inProgressText(context: PlanContext, entry: CatalogEntry): string | undefined {
  const texts = entry.statusActions;
  return (isRetake(context, entry.key) ? texts?.retake : undefined) ?? texts?.inProgress;
}

/**
 * The snapshot's failed results, each entry rewritten in `entries` as its retake (retakeEntry), at
 * `now` in the applicant's `zone` (for a result without a date). Most snapshots carry no score.
 */
export function readRetakes(
  milestones: readonly MilestoneEntry[],
  zone: string,
  now: number,
  entries: { set(entry: MilestoneEntry): void },
): readonly FailedScore[] {
  if (!milestones.some((entry) => entry.score !== undefined)) return NO_FAILED_SCORES;
  const today = localDate(zone, now);
  return failedScores(milestones, today).map((one) => {
    const retake = retakeEntry(one, today);
    if (retake === null) return one;
    entries.set(retake);
    // A booked retake stored in progress is read as booked by the risks too (no "sit it again").
    return retake.status === "scheduled" ? { ...one, reported: retake } : one;
  });
}
const NO_FAILED_SCORES: readonly FailedScore[] = [];

/** The advice a retake is planned on, labelled as advice, with the reapplication it cites. */
export const RETAKE_ADVICE = `advice: you have prepared once, so a retake is planned with no study period, but after a fail you must reapply to FSMB and pay again before booking (ECFMG Information Booklet: https://ecfmg.org/2024ib/reexamination-and-reapplication.html), so it counts FSMB's scheduling permit (about ${STEP3_PROCESSING_DAYS} days, FSMB's Step 3 figure) and then a seat, whole: the last day to reapply is about ${FSMB_PERMIT_AND_SEAT.days} days before the last sitting day; no authority sets these times`;

/**
 * SCORE_BELOW_PASSING (critical): a result reported below the passing score in force on its date,
 * done, in progress or not started (one failed attempt, one urgency);
 * a booked retake has its own card. The plan reads it as not done (a retake, retakeEntry); this
 * asks the applicant to correct the score if they passed, or to sit it again by its target while that
 * is ahead (retakeTargetWords), with its last sitting day for this Match as the last that counts.
 */
export function scoreBelowPassingRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const risks: Risk[] = [];
  for (const failed of context.failedScores) {
    // Done, in progress or not started with the score: one failed attempt, one urgency.
    if (failed.reported.status === "scheduled") continue;
    const index = stepIndex(failed.key);
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    const due = dates.dueAt(index);
    const cutOff = due?.at ?? shiftDays(rolDate.at, ET_ZONE, -SCORE_REPORTING_DAYS);
    const { mark } = failed;
    // The message is a plain sentence; the score's page, the advice and the projection are in sources.
    const sources: string[] = [];
    addSource(sources, mark.basis === "secondary" ? `secondary: ${mark.source}` : mark.source);
    // The last sitting day is counted from the rank order list deadline: projected, its rule is cited.
    const projected = citeSeasonDate(rolDate, sources);
    // The day itself is ours, counted from that deadline: labelled by its basis.
    const dayMark = due === undefined || due === null ? projected : basisMark(due);
    addSource(sources, entry.due.source);
    addSource(sources, RETAKE_ADVICE);
    const day = renderDate(lastSittingDay(cutOff));
    const period =
      mark.from === undefined
        ? `for exams before ${nextFrom(entry, mark)}`
        : `for exams from ${dayMonthYear(mark.from)}`;
    const year = context.calendar.matchYear;
    // The target first while it is ahead, the last sitting day as the last that counts.
    const target = retakeTargetWords(context, entry, dates.targetAt(index), dates);
    if (target !== null && entry.target !== undefined) addSource(sources, entry.target.source);
    // Reapplied today, the permit and a seat come after the last day: it is out of reach (examAt).
    const seated = context.now + FSMB_PERMIT_AND_SEAT.days * DAY_MS;
    const reapply = `you have prepared once, but a retake needs a new FSMB application and fee, about ${STEP3_PROCESSING_DAYS} days to its scheduling permit and about ${FSMB_PERMIT_AND_SEAT.days - STEP3_PROCESSING_DAYS} more to a seat, our advice`;
    const retake =
      context.now >= lastSittingEnd(context.zone, cutOff)
        ? `sit it again: the last sitting day for the ${year} Match, ${day}${dayMark}, has passed`
        : seated >= lastSittingEnd(context.zone, cutOff)
          ? `sit it again: the last sitting day for the ${year} Match, ${day}${dayMark}, is out of reach${laterSitting(context, seated, dayMark)}: ${reapply}`
          : target !== null
            ? `reapply to FSMB and sit it again by ${target.target}, so the pass reaches programs before they start review (${target.review}); ${day}${dayMark} is the last day that still counts for the ${year} Match: ${reapply}`
            : `reapply to FSMB now and sit it again by ${day}${dayMark}, the last sitting day for the ${year} Match: ${reapply}`;
    const name = entry.advisorName.replace(/^USMLE /, "");
    const reported =
      failed.reported.status === "done"
        ? `You reported ${name} done with a score of ${failed.score}`
        : `You reported a ${name} score of ${failed.score}`;
    risks.push({
      code: "SCORE_BELOW_PASSING",
      severity: "critical",
      message: `${reported}; the passing score ${period} is ${mark.score}, by a ${mark.basis} source. If you passed, correct the score; if not, ${retake}.`,
      milestones: [failed.key],
      sources,
    });
  }
  return risks;
}

/** The day the next passing score applies from, for a mark with no `from` (the first of the list). */
function nextFrom(entry: CatalogEntry, mark: PassingScore): string {
  const list = entry.passingScores ?? [];
  const next = list[list.indexOf(mark) + 1];
  return next?.from === undefined ? "the next passing score" : dayMonthYear(next.from);
}

/** "1 Jul 2025": renderDate's words without the weekday. */
function dayMonthYear(isoDate: string): string {
  return renderDate(isoDate).replace(/^\w+ /, "");
}

/**
 * What SCORE_BELOW_PASSING adds when the projected last sitting day is out of reach but the one on
 * the rank order list deadline's later candidate is not, reapplied for now (`seated`: the permit
 * and a seat from now): "on our projected deadline; it is Wed 3 Feb 2027 (our advice) if NRMP's 2027
 * deadline is the later candidate (…): reapply to FSMB now", as MATCH_YEAR_LAST_DAY and the step
 * say it; "" otherwise (no later candidate, or out of reach there too).
 */
function laterSitting(context: PlanContext, seated: number, dayMark: string): string {
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return "";
  const rol = later.dates.nrmp_rol_certification_and_late_registration_deadline;
  const cutOff = shiftDays(rol.at, ET_ZONE, -SCORE_REPORTING_DAYS);
  if (seated >= lastSittingEnd(context.zone, cutOff)) return "";
  return ` on our projected deadline; it is ${renderDate(lastSittingDay(cutOff))}${dayMark} ${laterCandidateClause(context)}: reapply to FSMB now`;
}
