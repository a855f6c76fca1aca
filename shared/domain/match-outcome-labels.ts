import { asksMatchOutcome, asksMatchWeekToday } from "./match-outcome-question.ts";
import type { Deadline, NextStep, Reminder } from "./plan.ts";

/**
 * The words before the date of a Match outcome question (what NRMP told the applicant), on its card
 * and on its reminders (date-words.ts stepDateLabel, reminderDateLabel): Match Week's is asked
 * today, the others are answered by their date.
 */

type DateLabel = { readonly label: string; readonly inline: string };

/** The rung of the one notice after NRMP's Monday release: it belongs to no ladder, it is sent once. */
export const MATCH_RESULT_RUNG = "match-week-result";
/** The rung of the one notice after Match Day's release asking where they matched (sent once). */
export const MATCH_DAY_RESULT_RUNG = "match-day-result";

/**
 * The words before Match Week's question's date (its card once NRMP has released, asksMatchWeekToday;
 * its reminder, rung "match-week-result"): the answer is asked today and the date is SOAP's end.
 * "Answer by" Thursday read as time to wait, while SOAP, which a not-matched applicant must send
 * applications to at once, ends then.
 */
export const MATCH_WEEK_QUESTION_LABEL = {
  label: "Tell us today; SOAP ends",
  inline: "tell us today; SOAP ends",
} as const;

/**
 * The Match outcome's questions but Match Week's (planner/match-outcome-texts.ts: MATCH_DAY_RESULT_RUNG,
 * MATCH_DAY_WEEKLY_RUNG, MATCH_OVER_RUNG, MATCH_OVER_MONTHLY_RUNG): their date is the last day to
 * answer by, not an event, so they read "Answer by", never "On" ("On: Fri 19 Mar
 * 2027, 2:00 AM", SOAP's end, read as something happening then).
 */
const ANSWER_BY_RUNGS: ReadonlySet<string> = new Set([
  MATCH_DAY_RESULT_RUNG,
  "match-day-weekly",
  "match-over",
  "match-over-monthly",
]);
/** The words before a Match outcome question's date (ANSWER_BY_RUNGS). */
export const ANSWER_BY_LABEL = { label: "Answer by", inline: "answer by" } as const;
/** Before a date that already says "by" (residency's start as a day, residency-start-day.ts): never "answer by by". */
const ANSWER_LABEL = { label: "Answer", inline: "answer" } as const;

/** The words before a Match outcome question's date: "answer by residency's start, Thu 1 Jul 2027", else "answer by …". */
function answerByLabel(deadline?: Pick<Deadline, "local">): DateLabel {
  return deadline?.local.startsWith("by ") === true ? ANSWER_LABEL : ANSWER_BY_LABEL;
}

/** The words before a step's date when the step is a Match outcome question (asksMatchOutcome); else undefined. */
export function questionStepLabel(
  step: Pick<NextStep, "milestone" | "title"> & { deadline?: Pick<Deadline, "local"> },
): DateLabel | undefined {
  if (asksMatchWeekToday(step)) return MATCH_WEEK_QUESTION_LABEL;
  return asksMatchOutcome(step) ? answerByLabel(step.deadline) : undefined;
}

/** The words before a reminder's date when it asks a Match outcome question (by its rung); else undefined. */
export function questionReminderLabel(
  reminder: Partial<Pick<Reminder, "rung" | "deadlineDetail">>,
): DateLabel | undefined {
  if (reminder.rung === MATCH_RESULT_RUNG) return MATCH_WEEK_QUESTION_LABEL;
  return reminder.rung !== undefined && ANSWER_BY_RUNGS.has(reminder.rung)
    ? answerByLabel(reminder.deadlineDetail)
    : undefined;
}
