import type { Risk } from "../plan.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { when } from "./day-words.ts";
import { type RankingOpening, rankingOpening } from "./ranking-opens-words.ts";
import { citeSeasonDate } from "./risk-sources.ts";

/**
 * ROL_BEFORE_RANKING_OPENS (critical) for a rank order list reported that cannot count
 * (`context.rolRefused`: dated before ranking opens, undated before then, dated ahead or after the
 * deadline), while the context's Match's rank order list deadline is ahead; null otherwise (once it
 * has passed, SEASON_OVER explains a refused list). `movedTo`: the Match a
 * plan out of reach moved to (MATCH_YEAR_NOT_FEASIBLE): the list is still flagged and not counted
 * (it was dropped because a moved plan's risks are the later Match's,
 * whose context reads the list as an earlier season's), and the words say the Match it is for is out
 * of reach on what was reported rather than only "certify it". Pure.
 */
export function rankListRefusedRisk(context: PlanContext, movedTo?: number): Risk | null {
  const { calendar, now } = context;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.rolRefused === null || now > rol) return null;
  const opens = calendar.dates.nrmp_rank_order_list_entry_opens;
  const { reason } = context.rolRefused;
  const date = renderDate(context.rolRefused.date ?? "");
  const opened = now >= opens.at;
  const said =
    reason === "undated"
      ? "Your rank order list is marked certified without a date, but ranking has not opened yet"
      : reason === "after-deadline"
        ? `Your rank order list is dated ${date}, after the rank order list deadline`
        : reason === "future"
          ? `Your rank order list is marked certified on ${date}, a date still to come`
          : `Your rank order list is dated ${date}, before ranking ${opened ? "opened" : "opens"}`;
  const sources: string[] = [];
  const opening = `${when(context, opens.at, true)}${citeSeasonDate(opens, sources)}`;
  // The deadline too says "(projected)" when it is ("certify it again now, by Thu
  // 25 Feb 2027, 3:00 PM GMT+13 (Wed 24 Feb 2027, 9:00 PM ET)" named the 2027 projection bare).
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const by = `${when(context, rol)}${citeSeasonDate(rolDate, sources)}`;
  // Once ranking has opened the list can be certified now: the words say so, not "once it opens".
  // Each reason has its own words: the opening is named only where it is the reason, or where it
  // is still ahead ("after the deadline" came with before-opening words).
  // While the opening is projected R3 may not be open yet: hedged as the rank list's step is
  // (rankingOpening), never "ranking opened on" a projected day.
  const tense = rankingOpening(context);
  const certifyNow =
    tense.tense === "expected"
      ? `Enter your list in R3 and certify it again now (if R3 is not open yet, it may open as late as ${when(context, tense.latestAt, true)}, the latest opening in the seasons on record)`
      : "Ranking is open: enter your list in R3 and certify it again now";
  const ask =
    movedTo !== undefined
      ? `${reason === "before-opening" || reason === "undated" ? "a list cannot be certified before ranking opens, so " : ""}it is not counted for the ${calendar.matchYear} Match. That Match is out of reach on what you reported: your plan is for the ${movedTo} Match (see the risk about your Match year). If you tell us something that puts the ${calendar.matchYear} Match back in reach, ${opened ? "certify your list in R3 now" : `certify your list in R3 once ranking opens on ${opening}`}, by ${by}, and tell us the day you certified it.`
      : reason === "after-deadline" || (reason === "future" && opened)
        ? `${reason === "future" ? "a list counts from the day you certify it" : `the deadline is ${by}, your day ${renderDate(localDate(context.zone, rol))}, and a list certified after it cannot count for the ${calendar.matchYear} Match`}, so it is not counted. ${opened ? "Ranking is open: if your list is not certified in R3 yet, certify it now" : `Ranking opens on ${opening}: certify your list in R3 from then`}, by ${by}, and tell us the day you certified it.`
        : opened
          ? `${openedWords(context, opening)} and a list cannot be certified before then, so it is not counted. ${certifyNow}, by ${by}, and tell us the day you certified it.`
          : `ranking opens on ${opening} and a list cannot be certified before then, so it is not counted. Enter and certify it in R3 once ranking opens, by ${by}, and tell us the day you certified it.`;
  return {
    code: "ROL_BEFORE_RANKING_OPENS",
    severity: "critical",
    sources,
    message: `${said}; ${ask}`,
    milestones: ["rank_order_list"],
  };
}

/** "ranking opened on <opening>", or while the opening is projected "ranking was expected to open on" it, an instant now past (rankingOpening). */
function openedWords(context: PlanContext, opening: string): string {
  const tense: RankingOpening = rankingOpening(context);
  if (tense.tense === "expected") return `ranking was expected to open on ${opening}`;
  if (tense.tense === "was-expected")
    return `ranking was expected to open on ${opening} (in every season on record it opened no later than ${when(context, tense.latestAt, true)})`;
  return `ranking opened on ${opening}`;
}
