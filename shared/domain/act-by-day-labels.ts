/**
 * The words before a reminder's date when the date is a day the step must act by before its own
 * deadline, by the rung's ladder (reminder-ladders.json): date-words.ts's reminderDateLabel reads
 * them first, so such a reminder never says "Due" beside the step's real deadline.
 */

/**
 * The follow-up of an exam whose booked day passed with no result, up to its last sitting day: it
 * asks for the score first and carries the result's deadline ("Due"), the sitting day in its text.
 */
export const REBOOK_FOLLOW_UP_RUNG = "rebook-follow-up";
/**
 * The rungs laid against an exam's last sitting day once a booked day passed with no result
 * (reminder-ladders.json's "last-sitting" ladder, planner/missed-sitting.ts): their date is a day to
 * sit by, not the step's deadline for the result.
 */
const SIT_BY_RUNGS: ReadonlySet<string> = new Set(["sit-by-in-14d", "sit-by-in-3d", "sit-by-in-1d"]);
const SIT_BY_LABEL = { label: "Sit it by", inline: "sit it by" } as const;
/**
 * The sit-by rungs' own label: their exam was booked for a day that passed, its result pending, and
 * their title asks for the score ("Has your OET Medicine score come? If so, tell us the result"), so
 * the day is the fallback's, never an instruction to sit an exam the applicant sat.
 */
const RESULT_PENDING_SIT_BY_LABEL = {
  label: "If you did not sit it, sit it by",
  inline: "if you did not sit it, sit it by",
} as const;

/**
 * The rungs laid against a day a step must act by before its own deadline, each ladder's own
 * (reminder-ladders.json): the OET's last booking day ("booking-day", planner/oet-booking-day.ts)
 * and the day to apply to FSMB by ("apply-by-day" with its follow-ups and week-before notice,
 * planner/weekly-to-day.ts). Their date is that day, never the step's deadline: "Due" on both read
 * as two deadlines for one step.
 */
const BOOKING_DAY_RUNGS: ReadonlySet<string> = new Set(["book-by-in-14d", "book-by-in-3d", "book-by-in-1d"]);
const BOOKING_DAY_LABEL = { label: "Book a session by", inline: "book a session by" } as const;
const APPLY_BY_RUNGS: ReadonlySet<string> = new Set([
  "apply-by-in-14d",
  "apply-by-in-7d",
  "apply-by-in-3d",
  "apply-by-in-1d",
  "apply-by-follow-up",
]);
const APPLY_BY_LABEL = { label: "Apply to FSMB by", inline: "apply to FSMB by" } as const;
/** Abroad, the day to apply for the visitor visa Step 3's trip needs by ("visitor-visa-day", planner/step3-visa-apply-by.ts). */
const VISA_BY_RUNGS: ReadonlySet<string> = new Set([
  "visa-by-in-14d",
  "visa-by-in-7d",
  "visa-by-in-3d",
  "visa-by-in-1d",
  "visa-by-follow-up",
]);
const VISA_BY_LABEL = {
  label: "Apply for your B-1/B-2 visitor visa by",
  inline: "apply for your B-1/B-2 visitor visa by",
} as const;

/**
 * The rungs laid against the last day that keeps the Match ("last-day",
 * planner/match-year-last-day-countdown.ts), on the first step MATCH_YEAR_LAST_DAY names: their date
 * is the day to act by (the risk's "act by"), never that step's deadline.
 */
const LAST_DAY_RUNGS: ReadonlySet<string> = new Set([
  "last-day-in-14d",
  "last-day-in-3d",
  "last-day-in-1d",
  "last-day-today",
]);
const LAST_DAY_LABEL = { label: "Act by", inline: "act by" } as const;

/** Whether a rung counts down to the last day that keeps the Match, or the visa's (LAST_DAY_RUNGS). */
export function isLastDayRung(rung: string): boolean {
  return LAST_DAY_RUNGS.has(rung);
}
/** A passed target's notice and follow-ups (planner/target-passed.ts), on the WDOMS check laid to that day too. */
const PASSED_TARGET_RUNGS: ReadonlySet<string> = new Set(["target-passed", "after-target"]);

/** A failed exam's notice is due its retake's last sitting day (notice-act-by.ts): a day to sit by. */
export const SCORE_BELOW_PASSING_LABEL = SIT_BY_LABEL;

/**
 * The certificate validity check's notice (planner/pathway-certificate-notice.ts): its date is the
 * day to check by, on a certificate often done long before: "Due" read as the certificate being due.
 */
const CERTIFICATE_CHECK_BY_LABEL = { label: "Check it by", inline: "check it by" } as const;
/** Before a date that already says "by" (residency's start as a day): never "check it by by". */
const CERTIFICATE_CHECK_LABEL = { label: "Check it", inline: "check it" } as const;

/** The certificate check's words before its date (`local`, as shown): "check it by Mon 5 Apr 2027", "check it by residency's start, …". */
export function certificateCheckLabel(
  local: string | undefined,
): typeof CERTIFICATE_CHECK_BY_LABEL | typeof CERTIFICATE_CHECK_LABEL {
  return local?.startsWith("by ") === true ? CERTIFICATE_CHECK_LABEL : CERTIFICATE_CHECK_BY_LABEL;
}

/** The rungs of a visa step's chase to residency's start (planner/visa-behind.ts). */
const START_RUNGS: ReadonlySet<string> = new Set([
  "visa-behind",
  "start-in-14d",
  "start-in-7d",
  "start-in-3d",
  "start-in-1d",
]);

/**
 * Step 3 past its day for the petition, matched on H-1B, waits on the program's answer (a later
 * start or a J-1: step3AwaitsProgram), so its chase to residency's start (visa-behind.ts) asks that
 * question in its title. Like every visa step behind it says "Overdue since" that day
 * (Reminder.overdueSince), as the card, the overdue list and the critical notice do: one date.
 */
export const PROGRAM_ANSWER_TITLE = "Has your program answered: a later start on the H-1B, or a J-1?";

/** Whether a reminder is Step 3's chase asking for the program's answer (PROGRAM_ANSWER_TITLE). */
export function asksProgramAnswer(reminder: { rung?: string; milestone?: string; title?: string }): boolean {
  return (
    reminder.milestone === "usmle_step3" &&
    reminder.rung !== undefined &&
    START_RUNGS.has(reminder.rung) &&
    reminder.title === PROGRAM_ANSWER_TITLE
  );
}

/** What noticeDayLabel reads of a reminder. */
interface Dated {
  rung: string;
  milestone: string;
  interviewId?: string;
  deadline: string;
  risk?: string;
  overdueSince?: unknown;
}

/**
 * A risk's notice dated by a day to act by (Step 3's notice carrying the day to apply for the
 * visitor visa by) is labelled as that day's own rungs are ("Apply for your B-1/B-2 visitor visa
 * by"), never "Due" beside the step's deadline: one item, one due. Those rungs are looked for among
 * `others` (the reminders the notice stands for, and the plan's), so every display labels the
 * notice alike whether or not one of them goes out with it. Undefined otherwise; an overdue notice
 * shows the day it missed, not the deadline it shares with the rungs.
 */
export function noticeDayLabel(
  notice: Dated,
  others: readonly Dated[],
): { readonly label: string; readonly inline: string } | undefined {
  if (notice.risk === undefined || notice.overdueSince !== undefined) return undefined;
  for (const other of others) {
    if (other.deadline !== notice.deadline || other.milestone !== notice.milestone) continue;
    if (other.interviewId !== notice.interviewId) continue;
    const label = actByDayLabel(other);
    if (label !== undefined) return label;
  }
  return undefined;
}

/** The label of a rung laid against an act-by day (sit by, book a session by, apply to FSMB by, act by), else undefined. */
export function actByDayLabel(reminder: {
  rung?: string;
  milestone?: string;
}): { readonly label: string; readonly inline: string } | undefined {
  const { rung } = reminder;
  if (rung === undefined) return undefined;
  // The WDOMS check past its target has no deadline: its follow-ups count down to the Match's last day.
  if (reminder.milestone === "wdoms_listing" && PASSED_TARGET_RUNGS.has(rung)) return LAST_DAY_LABEL;
  if (SIT_BY_RUNGS.has(rung)) return RESULT_PENDING_SIT_BY_LABEL;
  if (BOOKING_DAY_RUNGS.has(rung)) return BOOKING_DAY_LABEL;
  if (APPLY_BY_RUNGS.has(rung)) return APPLY_BY_LABEL;
  if (VISA_BY_RUNGS.has(rung)) return VISA_BY_LABEL;
  if (LAST_DAY_RUNGS.has(rung)) return LAST_DAY_LABEL;
  return undefined;
}
