import type { CatalogEntry } from "../catalog/index.ts";
import { inTheMatchIf } from "./awaited-confirmation.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { when } from "./day-words.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { citeSeasonDate } from "./risk-sources.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { RANK_ORDER_LIST_AT, unreportedResults } from "./unreported-sittings.ts";

/**
 * SCHEDULED_DATE_PASSED's words, before the rank order list deadline, for a certified list that
 * hangs on a result never reported (Step 1 or Step 2 CK, catalog `neededForRanking`): the list
 * counts only if ECFMG confirms it by the deadline, in the applicant's time and ET
 * (an hour before the deadline nothing said so); after it, while the Match stays live on the result
 * (inTheMatchIf), what it hung on, in the past tense. With a leading space; "" otherwise.
 */
export function listAwaitsResultWords(
  context: PlanContext,
  passed: readonly { entry: CatalogEntry }[],
  sources: string[],
): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (statusAt(context, RANK_ORDER_LIST_AT) !== "done") return "";
  // After the deadline, only while the Match stays live on the result (inTheMatchIf).
  const after = context.now > rol.at;
  if (after && inTheMatchIf(context) === null) return "";
  const names = passed.filter(({ entry }) => entry.neededForRanking !== undefined).map(({ entry }) => entry);
  if (names.length === 0) return "";
  const deadline = `${when(context, rol.at)}${citeSeasonDate(rol, sources)}`;
  const results = unreportedResults(names.map((entry) => ({ name: entry.advisorName })));
  // "Your certified list" only when the applicant reported one; a presumed one is a condition.
  const reported = context.entries.at(RANK_ORDER_LIST_AT)?.status === "done";
  const list = reported ? "Your certified rank order list" : "If you certified a rank order list, it";
  if (!after)
    return ` ${list} counts only if ECFMG confirms ${results} to NRMP by the rank order list deadline, ${deadline}; otherwise NRMP withdraws you from the Match and SOAP.`;
  // Between the projected deadline and its later candidate, both sides and no withdrawal.
  const later = rolLaterCandidateAt(context.calendar);
  const candidate = rol.latestCandidate;
  if (later === null || candidate === undefined)
    return ` ${list} counted only if ECFMG confirmed ${results} to NRMP by the rank order list deadline, ${deadline}: if it did, you are in the Match (see Match Week, SOAP and Match Day); if not, NRMP withdrew you from the Match and SOAP. Tell us the result either way.`;
  const laterWhen = when(context, later);
  const said = candidate.said === undefined ? "" : ` (it was ${candidate.said})`;
  if (context.now <= later) {
    noteRiskChange(context, later);
    return ` ${list} counts only if ECFMG confirmed ${results} to NRMP in time: if ECFMG confirmed it by ${deadline}, or confirms it by ${laterWhen} if NRMP's deadline turns out later${said}, you are in the Match (see Match Week, SOAP and Match Day); check R3 now. Tell us the result either way.`;
  }
  return ` ${list} counted only if ECFMG confirmed ${results} to NRMP in time, by ${deadline}, or by ${laterWhen} if NRMP's deadline turned out later: if it did, you are in the Match (see Match Week, SOAP and Match Day); if not, NRMP withdrew you from the Match and SOAP. Tell us the result either way.`;
}
