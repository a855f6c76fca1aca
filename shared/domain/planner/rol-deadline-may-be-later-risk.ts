import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { localDate, renderDate } from "../time.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { etDayOrWhen } from "./day-words.ts";
import { reportsBeingInTheMatch } from "./in-the-match.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { citeSeasonDate } from "./risk-sources.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";

/** The catalog indices of what ECFMG must confirm to NRMP by the rank order list deadline (`neededForRanking`). */
const NEEDED_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.neededForRanking !== undefined ? [index] : [],
);
const RANK_ORDER_LIST_AT = MILESTONE_CATALOG.findIndex((entry) => entry.key === "rank_order_list");

/**
 * ROL_DEADLINE_MAY_BE_LATER: what the applicant reports dated after the *projected* rank order list
 * deadline's local day but by its later candidate's (rolLaterCandidateAt; projection-rules.json
 * latestCandidate: 16 days before Match Day in 2022–2025) counts, as a list certified between
 * ranking's two opening candidates does (RANKING_MAY_OPEN_LATER), and is said
 * (README, "Adding or confirming a season": the earlier date is "the safe side for
 * planning, not for refusing what an applicant reports"):
 * - a certified list so dated (refusedRankList lets it count): a warning that asks, since R3 lets no
 *   one certify after NRMP's deadline, so either NRMP's deadline is later or the date is wrong;
 * - a result NRMP needs so dated beside a certified list (resultsAfterDeadline leaves it out, so the
 *   list is not withdrawn): critical, both sides, and R3 to check now.
 * Nothing for a confirmed deadline, before the projected one passes, or once the applicant reports
 * being in the Match (NRMP kept them). After Match Day the result's risk is a warning on Match Day's
 * question (R3 has answered). Pure; one comparison for most plans.
 */
export function rolDeadlineMayBeLaterRisks(context: PlanContext): Risk[] {
  const { calendar, zone } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (context.now <= rolDate.at || statusAt(context, RANK_ORDER_LIST_AT) !== "done") return [];
  const later = rolLaterCandidateAt(calendar);
  const candidate = rolDate.latestCandidate;
  if (later === null || candidate === undefined) return [];
  const projectedDay = localDate(zone, rolDate.at);
  const list = context.entries.at(RANK_ORDER_LIST_AT)?.date;
  const listLate = list !== undefined && list > projectedDay;
  const results: string[] = [];
  const milestones: StepSubject[] = ["rank_order_list"];
  let lastResult = "";
  for (const index of NEEDED_AT) {
    const date = context.entries.at(index)?.date;
    if (statusAt(context, index) !== "done" || date === undefined || date <= projectedDay) continue;
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    results.push(
      `your ${entry.advisorName}${entry.key === "ecfmg_pathway" ? "" : " result"} is dated ${renderDate(date)}`,
    );
    milestones.push(entry.key);
    if (date > lastResult) lastResult = date;
  }
  if ((!listLate && results.length === 0) || reportsBeingInTheMatch(context)) return [];
  const sources: string[] = [];
  citeSeasonDate(rolDate, sources);
  const year = calendar.matchYear;
  // The projected deadline too, in both zones where the applicant's day differs.
  const projected = etDayOrWhen(context, rolDate.at, yearless(rolDate.date));
  const listWords = listLate
    ? `You certified on ${renderDate(list)}, after our projected deadline (${projected}): NRMP's ${year} deadline must be later than our projection. If the date you entered is wrong, correct it: R3 shows the day you certified.`
    : "";
  if (results.length === 0)
    return [
      { code: "ROL_DEADLINE_MAY_BE_LATER", severity: "warning", message: listWords, milestones, sources },
    ];
  const first = results.join(" and ");
  // After Match Day R3 has answered: a warning on Match Day's question,
  // not a critical "check R3 now" about a deadline weeks gone.
  const matchDay = calendar.dates.nrmp_match_day.at;
  if (context.now >= matchDay)
    return [
      {
        code: "ROL_DEADLINE_MAY_BE_LATER",
        severity: "warning",
        message: `${first.charAt(0).toUpperCase()}${first.slice(1)}, after our projected rank order list deadline (${projected}). Match Day has passed: R3 shows whether you matched; if it shows you withdrawn, your result came after NRMP's ${year} deadline: plan for the ${year + 1} Match.${listWords === "" ? "" : ` ${listWords}`}`,
        milestones: ["match_day"],
        sources,
      },
    ];
  // The words change at Match Day: a re-plan then.
  noteRiskChange(context, matchDay);
  const said = (candidate.said ?? "").replace(/ in (\d{4}–\d{4})$/, " as in $1");
  // Its notice rides on Match Week, where R3 tells them whether they are in (never SOAP's card).
  milestones.push("match_week");
  // Where the applicant's day of the later candidate is not its ET day (Karachi: Thu 4 Mar, 7:00 AM
  // for Wed 3 Mar, 9:00 PM ET), it is named in both zones, as the deadline is, and a result dated that
  // local day counts only if reported before it.
  const localLater = localDate(zone, later);
  const laterWords = etDayOrWhen(context, later, renderDate(candidate.date));
  const inTime =
    lastResult === localLater && localLater !== candidate.date
      ? " if your result was reported before then"
      : "";
  const message = `${first.charAt(0).toUpperCase()}${first.slice(1)}, after our projected rank order list deadline. If NRMP's ${year} deadline is our projected ${projected}, a result dated ${yearless(lastResult)} came too late and NRMP withdraws you; if it turns out later (${laterWords}${said === "" ? "" : `, ${said}`}), you are in the Match${inTime}. Check R3 now: your status must not read withdrawn.${listWords === "" ? "" : ` ${listWords}`}`;
  return [{ code: "ROL_DEADLINE_MAY_BE_LATER", severity: "critical", message, milestones, sources }];
}

/** "Wed 24 Feb" of an ISO date: renderDate without the year, which the sentence already names. */
function yearless(date: string): string {
  return renderDate(date).replace(/ \d{4}$/, "");
}
