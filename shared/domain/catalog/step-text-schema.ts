import * as z from "zod";
import { CitationFields, citedCorrectly } from "./citation.ts";
import { NO_FEE_SENTENCE } from "./school-check-words.ts";

/**
 * The catalog's step texts that depend on the applicant (schema.ts's entries use them): the step's
 * text by status, and the school's ECFMG eligibility check. Split from schema.ts for its size.
 */

/**
 * Step text by status, replacing `action`: {date} is the applicant's date, {weeks} the reporting
 * time in weeks, {rankingOpens} "once ranking opens (date)", or "now (ranking opened on date)" after
 * it. scheduledPassed: the applicant's date is past.
 */
export const StatusActionsSchema = z
  .object({
    scheduled: z.string().min(1).optional(),
    /**
     * A retake booked (failed-score.ts: a result below the passing score, reported with the retake's
     * date): as `scheduled`, saying it is the retake. Absent: `scheduled`.
     */
    scheduledRetake: z.string().min(1).optional(),
    scheduledPassed: z.string().min(1).optional(),
    /**
     * The applicant's exam day is past, its result still within the catalog's `reportingDays`
     * (advice): {expected} is that day ("Fri 18 Dec 2026"). No "did you take it?" and no re-sit
     * yet: the score is simply not out.
     */
    scheduledResultPending: z.string().includes("{expected}").optional(),
    /**
     * The applicant's date is still ahead but after the step's deadline ({due}, a day in words):
     * says to move it earlier and by when, never "scores take about N weeks" as if all were well.
     */
    scheduledAfterDeadline: z.string().includes("{due}").optional(),
    /**
     * Reported planned ("scheduled") with no date: the applicant says it is booked or planned, so
     * never the not-started action ("ask your writers now", "not booked", how to register); it asks
     * for the day and, where the step has one, says by when ({due}: an exam's last day to sit it).
     */
    scheduledUndated: z.string().min(1).optional(),
    inProgress: z.string().min(1).optional(),
    /**
     * In progress with a day still ahead (a sitting whose date is the applicant's, applicantDateIsDue):
     * preparing for that day, not reported booked, so never `scheduled`'s "your exam is on" as if it
     * were; asks whether the seat is booked. Absent: `scheduled`.
     */
    inProgressDated: z.string().includes("{date}").optional(),
    /**
     * A retake after a result below the passing score (failed-score.ts), not booked: read as in
     * progress, what to do now and by when ({due}), never a first attempt's study.
     */
    retake: z.string().includes("{due}").optional(),
    /**
     * `retake` while the step's target is ahead (retake-target.ts): {target} the day
     * to sit it by, {review} the day programs start review, {due} the last sitting day, {year} the Match.
     */
    retakeTarget: z.string().includes("{target}").includes("{review}").includes("{due}").optional(),
    /**
     * Not started, its target passed and its deadline ({due}, a day in words) still ahead: what to
     * do now, never the target's "early enough" (a tight exam in December).
     */
    targetPassed: z.string().includes("{due}").optional(),
    /** A `startsBefore` prerequisite is still pending: what can be done meanwhile. */
    prerequisitePending: z.string().min(1).optional(),
  })
  .strict();

/** A booked sitting's words: {exam} its name, {day} its day, {body} who it is booked (and paid) with. */
const SittingWords = z.string().includes("{exam}").includes("{day}").includes("{body}");

/**
 * The one milestone that checks the school's ECFMG eligibility (the WDOMS sponsor note): with no
 * note (`ineligible`) it is the one thing to do, with no date, always urgent, and every step that
 * needs an eligible school waits for `<key>: <waitingFor>`; with the note unknown (`unchecked`)
 * those steps wait for this milestone. The texts are what the plan shows.
 */

export const SchoolEligibilityCheckSchema = z
  .object({
    ineligible: z
      .object({
        waitingFor: z.string().min(1),
        action: z.string().min(1),
        resolvedBy: z.string().min(1),
        /**
         * The SCHOOL_NOT_ECFMG_ELIGIBLE risk's message; {school} is the school's name. Its last
         * sentence, NO_FEE_SENTENCE, is for an applicant who has paid none of the blocked steps' fees.
         */
        risk: z.string().includes("{school}").endsWith(NO_FEE_SENTENCE),
        /**
         * For an applicant who has paid some of the blocked steps' fees (the budget's `spentWhen`):
         * the risk's last sentence and the check's action; {fees} names the fees paid. Never a refund
         * promised: none is on the fact sheet.
         */
        paidFees: z
          .object({ risk: z.string().includes("{fees}"), action: z.string().includes("{fees}") })
          .strict(),
        /** A sitting booked (and so paid) behind the gate, named with its day and the body it is booked with. */
        bookedSitting: SittingWords,
      })
      .strict(),
    unchecked: z
      .object({
        resolvedBy: z.string().min(1),
        /** What a fee that needs an eligible school says while it is held back, not counted. */
        feeHeld: z.string().min(1),
        /**
         * The check's action when the applicant reported it done (or a later step implies it) but
         * the note is still unknown: the gate holds, so the plan asks for the note itself.
         */
        reportedDone: z.string().min(1),
        /** A sitting booked behind the unchecked note: named with its day, to decide on once the check says no note. */
        bookedSitting: SittingWords,
      })
      .strict(),
    /**
     * What a result of a sitting kept behind the gate can serve (after bookedSitting): OET's for a
     * later Pathway (`oet_medicine`), a USMLE exam's (`usmle`), each cited.
     */
    sittingKept: z
      .object({
        oet_medicine: z
          .object(CitationFields)
          .extend({ text: z.string().min(1) })
          .strict()
          .superRefine(citedCorrectly),
        usmle: z
          .object(CitationFields)
          .extend({ text: z.string().min(1) })
          .strict()
          .superRefine(citedCorrectly),
      })
      .strict(),
    ...CitationFields,
  })
  .superRefine(citedCorrectly);

/**
 * A MyERAS step's texts while this season's ERAS token is not done (the entry's `beforeToken`):
 * what it asks instead of its not-started action, its `redoneEachSeason.again` and its `inProgress`.
 */
export const BeforeTokenSchema = z
  .object({
    action: z.string().min(1).optional(),
    again: z.string().min(1).optional(),
    /** Under way before the token: the offline work, then the MyERAS part once open ({onceMyeras}). */
    inProgress: z.string().includes("{onceMyeras}").optional(),
    ...CitationFields,
  })
  .superRefine(citedCorrectly);
