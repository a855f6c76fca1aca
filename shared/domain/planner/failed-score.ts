import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { STEP3_PROCESSING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";

export type PassingScore = NonNullable<CatalogEntry["passingScores"]>[number];

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

/**
 * USMLE's limits on attempts at one Step, as the retake risk says them (official): four in all, for
 * applications from 1 Jul 2021 (https://www.usmle.org/common-questions/attempt-limit); no more than
 * three within 12 months, a fourth or later at least 12 months after the first and 6 months after the
 * latest, for applications from 1 Jan 2012 (ECFMG's notice of the rule,
 * https://www.ecfmg.org/news/category/exam-preparation/page/12/). Not on the fact sheet; read 6 Dec 2026.
 * Plain words: a risk's message carries no provenance, its sources do (USMLE_ATTEMPT_LIMIT_SOURCES).
 */
export const USMLE_ATTEMPT_LIMITS =
  "USMLE allows four attempts at a Step in all, no more than three within 12 months, and a fourth only at least 12 months after the first and 6 months after the latest";

/** The two official pages USMLE_ATTEMPT_LIMITS reads. */
export const USMLE_ATTEMPT_LIMIT_SOURCES = [
  "https://www.usmle.org/common-questions/attempt-limit",
  "https://www.ecfmg.org/news/category/exam-preparation/page/12/",
] as const;

/** The advice a retake is planned on, labelled as advice, with the reapplication it cites. */
export const RETAKE_ADVICE = `advice: you have prepared once, so a retake is planned with no study period, but after a fail you must reapply to FSMB and pay again before booking (ECFMG Information Booklet: https://ecfmg.org/2024ib/reexamination-and-reapplication.html), so it counts FSMB's scheduling permit (about ${STEP3_PROCESSING_DAYS} days, FSMB's Step 3 figure) and then a seat, whole: the last day to reapply is about ${FSMB_PERMIT_AND_SEAT.days} days before the last sitting day; no authority sets these times. ${USMLE_ATTEMPT_LIMITS}; a snapshot holds one score, not how many attempts came before it, so no wait between attempts is counted (a second or third attempt within 12 months needs none): check FSMB's rules before you reapply`;

/**
 * A dated sitting's words ahead of its day (`texts`: the step's status texts): in progress, the
 * applicant prepares for that day (`inProgressDated`), booked, `scheduled` ("your exam is on").
 */
export function datedText(
  texts: { scheduled?: string; inProgressDated?: string },
  status: MilestoneEntry["status"],
): string | undefined {
  return (status === "in_progress" ? texts.inProgressDated : undefined) ?? texts.scheduled;
}
