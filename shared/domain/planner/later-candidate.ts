import type { SeasonDate } from "../seasons/index.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { etDayOrWhen } from "./day-words.ts";
import { projectedCalendarOf } from "./projected-calendar.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { laterCandidateAt } from "./rol-later-day.ts";

/** The hedge's last words (laterCandidateHedge), which the advisor's SEASON_OVER heading reads (season-over-title.ts). */
export const CHECK_R3_IF_LATER = "check R3 and act if it still lets you";

/**
 * What a refusal decided by a projected season date adds while that date's later candidate is
 * still ahead: " unless NRMP's 2027 deadline turns out later (it was 16 days
 * before Match Day in 2022–2025, which would be Wed 3 Mar 2027): check R3 and act if it still lets
 * you", or "" (the date confirmed, no later candidate, or that candidate's instant, the date's ET
 * hour on the candidate's ET day, passed, or `readyAt` after it). The plan keeps planning for the earlier date (an uncertain date:
 * plan for the earlier one and say it is projected); only a refusal's words name the later one,
 * since the earlier date is "the safe side for planning, not for refusing" (README, "Adding or
 * confirming a season"). Candidates: projection-rules.json `latestCandidate` (SeasonDate.latestCandidate).
 */
export function laterCandidateHedge(context: PlanContext, date: SeasonDate, readyAt = context.now): string {
  const later = date.latestCandidate;
  if (date.status !== "projected" || later?.said === undefined) return "";
  const at = laterCandidateAt(date) as number; // projected, with a candidate: never null here
  // `readyAt`: when what the refusal waits for could be done (a result expected): past the later
  // candidate too, the refusal holds on either date and needs no hedge.
  if (context.now > at || readyAt > at) return "";
  // The words drop the hedge once the later candidate passes: a re-plan then (risk-change-instants).
  noteRiskChange(context, at);
  return ` unless NRMP's ${context.calendar.matchYear} deadline turns out later (it was ${later.said}, which would be ${etDayOrWhen(context, at, renderDate(later.date))}): ${CHECK_R3_IF_LATER}`;
}

/**
 * "if NRMP's 2027 deadline is the later candidate (it was 16 days before Match Day in 2022–2025,
 * which would be Wed 3 Mar 2027)": the condition a Step 3 booked between the two candidates' last
 * sitting days is in time on, for its card and its risk alike.
 */
export function laterCandidateClause(context: PlanContext): string {
  // On the later candidate's own calendar too (which has no candidate of its own): the projection's,
  // the plan's calendar it was made from.
  const candidate = projectedCalendarOf(context.calendar).dates
    .nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  const said = candidate?.said === undefined ? "" : `it was ${candidate.said}, which would be `;
  const day = candidate === undefined ? "" : ` (${said}${renderDate(candidate.date)})`;
  return `if NRMP's ${context.calendar.matchYear} deadline is the later candidate${day}`;
}

/**
 * A step's text as planned on the later candidate's calendar (laterCandidateSteps: the Match out of
 * reach on the projected deadline): the day it counts back from "the rank order list deadline"
 * holds only if that deadline is the later candidate, as MATCH_YEAR_LAST_DAY says, so the text says
 * so there ("… by the rank order list deadline if NRMP's 2027 deadline is the later candidate (…)").
 * `text` unchanged on any other calendar.
 */
export function onLaterCandidate(context: PlanContext, text: string): string {
  if (context.calendar.laterCandidate !== true) return text;
  return text.replace(ROL_BOUND, (bound) => `${bound} ${laterCandidateClause(context)}`);
}
/** The deadline a day is counted back from, where the sentence does not go on to name a date. */
const ROL_BOUND = /by the rank order list deadline(?=\.|, (?![A-Z][a-z]{2} \d))/;
