import type { Risk } from "../plan.ts";
import { localDayOf } from "../seasons/index.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { when } from "./day-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/**
 * A list reported certified (or booked) on or after the projected opening of ranking but before
 * the latest candidate of earlier seasons (projection-rules.json latestCandidate: Jan 15 projected,
 * Feb 3 in 2025): the projection, the safe side for planning ranking, is not a safe ground for
 * accepting the list. It counts, flagged, until the season's opening is
 * confirmed (a confirmed date has no candidate); not after the rank order list deadline. Pure.
 */
export function rankingMayOpenLaterRisks(context: PlanContext): Risk[] {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  const latest = opens.latestCandidate;
  const entry = context.entries.get("rank_order_list");
  if (latest === undefined || context.rolRefused !== null || context.now > rol || entry?.date === undefined)
    return [];
  if (entry.status !== "done" && entry.status !== "scheduled") return [];
  // The list's date is the applicant's day: it compares with the candidates' local days.
  // The latest candidate is an ET day at the opening's time of day (no DST change
  // between mid-January and early February in ET).
  const latestDay = localDayOf(context.zone, {
    at: opens.at + (Date.parse(latest.date) - Date.parse(opens.date)),
  });
  if (entry.date < localDayOf(context.zone, opens) || entry.date >= latestDay) return [];
  const sources: string[] = [];
  const projected = citeSeasonDate(opens, sources);
  addSource(sources, latest.rule);
  // The deadline is marked too ("certify it there by … 9:00 PM ET)" was bare).
  const rolMark = citeSeasonDate(rolDate, sources);
  const risk: Risk = {
    code: "RANKING_MAY_OPEN_LATER",
    severity: "warning",
    sources,
    message: `Your rank order list is dated ${renderDate(entry.date)}, and ranking may open later this season; check that your list is certified in R3. Matchpath projects ranking to open on ${when(context, opens.at, true)}${projected}, the earliest of earlier seasons' openings, but an earlier season opened as late as ${dayAndMonth(latest.date)}; until NRMP confirms the ${context.calendar.matchYear} opening, a list dated before ${renderDate(latestDay)} may predate it. If R3 does not show your list certified, certify it there by ${when(context, rol)}${rolMark} and tell us the day.`,
    milestones: ["rank_order_list"],
  };
  return [risk];
}

/** "3 Feb" of an ISO date: a day of the year, without a weekday that belongs to one year. */
function dayAndMonth(date: string): string {
  return renderDate(date).replace(/^\S+ (\d+ \S+) \d+$/, "$1");
}
