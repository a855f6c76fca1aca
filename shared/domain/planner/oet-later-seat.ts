import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { assessAt } from "./feasibility.ts";
import { cutOffMark, dayText, lastSittingDay, sittingCutOffOf } from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { laterDeadlineWas } from "./later-last-day.ts";

/**
 * For MATCH_YEAR_LAST_DAY bound by the OET's last sitting day (`cutOff`) on the projected rank order
 * list deadline: when the plan would keep the Match on that deadline's later candidate after that day
 * (its chain in reach there: withLaterCandidate's judgement), the clause naming that candidate's last
 * sitting day, " unless NRMP's 2027 deadline turns out later (it was 16 days before Match Day in
 * 2022–2025, Wed 3 Mar 2027): then a sitting by Tue 12 Jan 2027 still counts, and your plan keeps the
 * 2027 Match" (the eve of 5 Jan said "your plan moves to a later Match",
 * and hours later the plan kept it to 12 Jan); else "". One chain judged, only for such a last day.
 */
export function oetLaterSeatClause(context: PlanContext, cutOff: number): string {
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return "";
  const laterCutOff = sittingCutOffOf(later, "oet_medicine");
  if (laterCutOff <= cutOff) return "";
  if (assessAt(contextWith(context, { calendar: later }), "laterCandidate").infeasible) return "";
  // The candidate's ET day, as laterCandidateHedge names it.
  const was = laterDeadlineWas(context.calendar);
  if (was === null) return "";
  return ` unless NRMP's ${context.calendar.matchYear} deadline turns out later (${was}): then an OET Medicine sitting by ${dayText(lastSittingDay(laterCutOff))}${cutOffMark(later, "oet_medicine")} still counts, and your plan keeps the ${context.calendar.matchYear} Match`;
}
