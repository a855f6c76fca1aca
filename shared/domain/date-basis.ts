import type { DateBasis, Deadline } from "./plan.ts";

/* Who sets a date, in words: the one rule every card, risk, question, tag and badge labels a date by. */

/**
 * What a projected date is, in the one wording the timeline, the emails and the calendar feed use.
 * It says what is true: Matchpath's season data has not confirmed the date (README "Adding or
 * confirming a season" says how an operator confirms one), and how it was projected. Not that the
 * authorities have not published it: they may well have ("because ERAS or
 * the NRMP has not published them yet", in December of the season those dates belong to).
 */
export const PROJECTED_NOTE =
  "A projected date is not confirmed in Matchpath's data: it is projected from the pattern of earlier seasons' official NRMP and ERAS calendars, and Matchpath plans for the earlier likely date; check the official calendar before relying on it.";

/** The tags the timeline prints beside a date, and the emails in words: one wording for both. */
export const DATE_TAGS = {
  target: "target, not a deadline",
  projected: "projected date",
  advice: "our advice, not set by any authority",
} as const;

/**
 * Who sets a date (plan.ts DateBasis): its `basis`, or on a plan stored before that field, its
 * `status`, which then stood for it. Every display labels a date by this one rule.
 */
export function dateBasis(deadline: Pick<Deadline, "status" | "basis">): DateBasis {
  return deadline.basis ?? deadline.status;
}

/** The words a text puts beside a date, by who sets it (dateBasis), where the tag's long form would not fit. */
export const BASIS_WORDS = { projected: "projected", advice: "our advice" } as const;

/**
 * The mark after a date named in a sentence, by who sets it (dateBasis), never by the step's status
 * or by whether the season date it is counted from is projected ("the sponsorship
 * application was due Fri 16 Apr 2027 (projected)", advice counted from a projected date, while the
 * email's Due line and the CLI called the same date our advice): " (projected)" or ", projected"
 * (`form` "comma", inside a parenthesis) for an authority's date Matchpath projected, " (our advice)"
 * or ", our advice" for a date no authority sets, "" for a confirmed date or the applicant's own.
 * Every card, risk and question that names a date with its mark uses this one rule.
 */
export function basisMark(
  date: Pick<Deadline, "status" | "basis">,
  form: "paren" | "comma" = "paren",
): string {
  return markOfBasis(dateBasis(date), form);
}

/**
 * basisMark for a day the planner counts as a plain number, with the basis it was counted by (a last
 * sitting day's rule, a booking allowance): the same words, so no text hard-codes "(projected)".
 */
export function markOfBasis(basis: DateBasis, form: "paren" | "comma" = "paren"): string {
  if (basis !== "projected" && basis !== "advice") return "";
  return (form === "paren" ? PAREN_MARKS : COMMA_MARKS)[basis];
}

/**
 * markOfBasis' words, made once: a mark is read for most dates a plan names, and a string built per
 * call was new garbage each time, and compared by its characters wherever a memo compares texts.
 */
const PAREN_MARKS = { projected: ` (${BASIS_WORDS.projected})`, advice: ` (${BASIS_WORDS.advice})` } as const;
const COMMA_MARKS = { projected: `, ${BASIS_WORDS.projected}`, advice: `, ${BASIS_WORDS.advice}` } as const;

/**
 * The tag beside a date, by who sets it (dateBasis): "projected date" for an authority's date
 * Matchpath projected, "our advice, …" for a date no authority sets; undefined for a confirmed date
 * or the applicant's own.
 */
export function dateTag(deadline: Pick<Deadline, "status" | "basis">): string | undefined {
  const basis = dateBasis(deadline);
  return basis === "projected" ? DATE_TAGS.projected : basis === "advice" ? DATE_TAGS.advice : undefined;
}
