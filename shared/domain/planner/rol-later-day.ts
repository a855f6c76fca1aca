import type { SeasonCalendar, SeasonDate } from "../seasons/index.ts";
import { etInstant, localDate } from "../time.ts";

/**
 * The later candidate of a projected rank order list deadline as an instant (epoch ms): the
 * deadline's ET hour on the candidate's ET day (projection-rules.json `latestCandidate`: 16 days
 * before Match Day in 2022–2025, Wed 3 Mar 2027), or null when the deadline is confirmed or has no
 * candidate. Kept per season date, so a plan pays one map look-up.
 */
export function rolLaterCandidateAt(calendar: SeasonCalendar): number | null {
  return laterCandidateAt(calendar.dates.nrmp_rol_certification_and_late_registration_deadline);
}

/**
 * rolLaterCandidateAt for any season date: its later candidate's instant while it is projected,
 * else null. Risks and hedges read it on every plan; etInstant there (its date parsed, its zone
 * offset found) was about 2 % of a planner bench plan.
 */
export function laterCandidateAt(date: SeasonDate): number | null {
  let at = laterAt.get(date);
  if (at === undefined) {
    const later = date.latestCandidate;
    at = date.status !== "projected" || later === undefined ? null : etInstant(later.date, date.time);
    laterAt.set(date, at);
  }
  return at;
}
const laterAt = new WeakMap<SeasonDate, number | null>();

/**
 * The applicant's day (ISO, in `zone`) up to which a date they report for the rank order list or a
 * result NRMP needs can still be in time for the season: the later candidate's local day while the
 * deadline is projected, else the deadline's own local day (README, "Adding or
 * confirming a season": the earlier date is "the safe side for planning, not for refusing what an
 * applicant reports"). A date after it is too late on either candidate.
 */
export function rolLastReportedDay(calendar: SeasonCalendar, zone: string): string {
  const later = rolLaterCandidateAt(calendar);
  return localDate(zone, later ?? calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at);
}
