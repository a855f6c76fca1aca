import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { statementOfNeedDaysAfterMatch } from "./j1-allowances.ts";
import { matchWeekMatched } from "./match-week-matched.ts";

const NEED = catalogEntry("j1_statement_of_need");
const NEED_AT = stepIndex("j1_statement_of_need");
/** The cards a J-1 applicant reads while the rank list is made and up to the Match. */
const BEFORE_THE_MATCH: ReadonlySet<string> = new Set(["rank_order_list", "match_week"]);

/**
 * What the rank order list's and Match Week's cards add for a J-1 applicant before Match Day: the
 * Statement of Need comes due with the sponsorship application a few weeks after Match Day
 * (statementOfNeedDaysAfterMatch, counted from the season), and ministries take weeks to issue it,
 * so how one's ministry issues it is found out now (advice), with ECFMG's requirement cited from the
 * step's own catalog source. Once they told us "Matched" on Monday, Match Day's card carries it in
 * the words of a match (Match Week's is done). A heads-up on existing cards, never a deadline before the Match. Empty
 * on every other track and card, once the card's step is finished, with the Statement of Need
 * already asked for or not the applicant's (an ineligible school), from Match Day's release (the
 * Statement's own step speaks then), and in a Match that is over for the applicant.
 */
export function statementOfNeedHeadsUp(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  dates: PlanDates,
  ownMatch: boolean,
): string {
  // Told "Matched" on Monday, the Match Week card is done: Match Day's carries the heads-up to its release.
  const matched = entry.key === "match_day" && matchWeekMatched(context);
  if (context.applicant.visa !== "J-1" || !ownMatch || !(matched || BEFORE_THE_MATCH.has(entry.key)))
    return "";
  if (
    isFinished(status) ||
    context.applicable[NEED_AT] !== true ||
    statusAt(context, NEED_AT) !== "not_started"
  )
    return "";
  if (context.now >= dates.calendar.dates.nrmp_match_day.at) return "";
  const days = statementOfNeedDaysAfterMatch(dates);
  const when = days === null ? "" : `, which this plan dates ${days} days after Match Day`;
  const need = matched
    ? "You matched, so you will need a Statement of Need from your home country's Ministry of Health naming the specialty you matched into"
    : "If you match, you will need a Statement of Need from your home country's Ministry of Health naming the specialty you match into";
  return ` ${need}: it goes to ECFMG with your J-1 sponsorship application${when}, and ministries take weeks to issue it. Find out now how your ministry issues it and how long it takes (advice; ECFMG's requirement: ${NEED.why.source}).`;
}
