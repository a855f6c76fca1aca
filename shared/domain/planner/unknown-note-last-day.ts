import { BoundedMemo } from "../bounded-memo.ts";
import type { Risk } from "../plan.ts";
import { markedLaterChance, namesLaterChance } from "./later-last-day.ts";
import { inLastWeek, markedLastWeek } from "./match-year-last-week.ts";
import { SCHOOL_POLICY_URL } from "./presumed-sponsor-note.ts";

/**
 * MATCH_YEAR_LAST_DAY for an applicant whose school's sponsor note is unknown and unchecked (the
 * gate holds every ECFMG step): the chain's last day is reckoned as if the note were there, as
 * MATCH_YEAR_NOT_FEASIBLE's is, and hidden it let the Match slip without a word until the day it
 * was written off. The look-up takes minutes and decides whether she loses a year, so the risk
 * says so first and is laid on the WDOMS check alone: no held step, fee or registration is pushed,
 * the actions it names are conditional on the note. Same severity, last day and countdown as for a
 * known note.
 */
export function unknownNoteLastDay(risk: Risk): Risk {
  let message = messages.get(risk.message);
  if (message === undefined) {
    // "The 2028 Match is still within reach if …" reads on after the condition ("ECFMG's …" as it is).
    const rest = /^[A-Z][a-z]/.test(risk.message)
      ? `${risk.message.charAt(0).toLowerCase()}${risk.message.slice(1)}`
      : risk.message;
    message = messages.keep(risk.message, `${CHECK_FIRST}${rest}`);
  }
  const sources = risk.sources?.slice() ?? [];
  if (!sources.includes(SCHOOL_POLICY_URL)) sources.push(SCHOOL_POLICY_URL);
  const reworded: Risk = { ...risk, message, milestones: ["wdoms_listing"], sources };
  // The marks its titles read go with it: lost, the last week's notice took the later candidate's
  // title ("in reach only if NRMP's deadline is later than projected") on the projected one's last day.
  if (namesLaterChance(risk)) markedLaterChance(reworded);
  return inLastWeek(risk) ? markedLastWeek(reworded) : reworded;
}

/** The WDOMS look-up first: every step below waits on it. */
const CHECK_FIRST =
  "Check your school's ECFMG sponsor note in WDOMS now: every ECFMG step waits on it. If your school has one: ";

/** The last messages reworded (plans of a season share a few last days). */
const messages = new BoundedMemo<string, string>(1_000);
