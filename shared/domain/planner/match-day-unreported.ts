import { isFinished, isSatisfied, type PlanContext, statusOf } from "./context.ts";
import { unmatchedReported } from "./match-outcome-texts.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * Whether Match Day's release has passed with the applicant's answer still missing: a certified
 * rank order list, Match Day not done, and no "not matched" told in Match Week (unmatchedReported).
 * Whether, and where, they matched is then unknown, so an H-1B step that only a match makes needed
 * (Step 3, the petition) is asked about, not pushed. Notes the release for re-planning.
 */
export function matchDayPassedUnreported(context: PlanContext): boolean {
  const release = context.calendar.dates.nrmp_match_day.at;
  noteRiskChange(context, release);
  return (
    context.now >= release &&
    isSatisfied(context, "rank_order_list") &&
    !isFinished(statusOf(context, "match_day")) &&
    !unmatchedReported(context)
  );
}

/**
 * Whether ranking is over and Match Day's release still ahead: a certified rank order list, the rank
 * order list deadline past, Match Day not done, and no "not matched" told in Match Week
 * (unmatchedReported). Where the applicant matches is not known yet, but an H-1B chain that cannot
 * fit is already known. Notes the deadline and the release for re-planning.
 */
export function awaitingMatchDay(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const release = context.calendar.dates.nrmp_match_day.at;
  noteRiskChange(context, rol);
  noteRiskChange(context, release);
  return (
    context.now >= rol &&
    context.now < release &&
    isSatisfied(context, "rank_order_list") &&
    !isFinished(statusOf(context, "match_day")) &&
    !unmatchedReported(context)
  );
}

/**
 * Where an applicant who ranked stands with the Match: matched (Match Day done), Match Day past and
 * untold, or still ahead; the last two once Monday's answer was "matched" (matchWeekMatched), which
 * says whether but not where: "matchedUntold" (past Match Day) and "matchedAhead". "ranking": the
 * rank order list deadline still ahead, so the programs the applicant would rank can be asked
 * before they are ranked (matchOutcomeNow never answers it: visa-start-risk.ts asks it apart).
 */
export type MatchOutcome = "matched" | "matchedUntold" | "matchedAhead" | "unreported" | "ahead" | "ranking";

/**
 * matchDayPassedUnreported and awaitingMatchDay as one answer, with Match Day done first: null
 * before ranking is over, or when no match can follow (no certified list, "not matched" told).
 * Both windows are always asked, so the same instants are noted for re-planning whatever the answer.
 */
export function matchOutcomeNow(context: PlanContext): MatchOutcome | null {
  const unreported = matchDayPassedUnreported(context);
  const ahead = awaitingMatchDay(context);
  if (isFinished(statusOf(context, "match_day"))) return "matched";
  const matchedMonday = (unreported || ahead) && matchWeekMatched(context);
  if (unreported) return matchedMonday ? "matchedUntold" : "unreported";
  return ahead ? (matchedMonday ? "matchedAhead" : "ahead") : null;
}
