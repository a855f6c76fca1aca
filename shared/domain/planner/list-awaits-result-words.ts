import type { CatalogEntry } from "../catalog/index.ts";
import { renderEt, renderInZone } from "../time.ts";
import { inTheMatchIf } from "./awaited-confirmation.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { citeSeasonDate } from "./risk-sources.ts";
import { RANK_ORDER_LIST_AT, unreportedResults } from "./unreported-sittings.ts";

const NRMP_DATES_URL = "http://www.nrmp.org/residency/main-match-events/";

/**
 * SCHEDULED_DATE_PASSED's words, before the rank order list deadline, for a certified list that
 * hangs on a result never reported (Step 1 or Step 2 CK, catalog `neededForRanking`): the list
 * counts only if ECFMG confirms it by the deadline, in the applicant's time and ET (tester t9j F7:
 * an hour before the deadline nothing said so); after it, while the Match stays live on the result
 * (inTheMatchIf, t9k F3), what it hung on, in the past tense. With a leading space; "" otherwise.
 */
export function listAwaitsResultWords(
  context: PlanContext,
  passed: readonly { entry: CatalogEntry }[],
  sources: string[],
): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (statusAt(context, RANK_ORDER_LIST_AT) !== "done") return "";
  // After the deadline, only while the Match stays live on the result (inTheMatchIf, t9k F3).
  const after = context.now > rol.at;
  if (after && inTheMatchIf(context) === null) return "";
  const names = passed.filter(({ entry }) => entry.neededForRanking !== undefined).map(({ entry }) => entry);
  if (names.length === 0) return "";
  const deadline = `${renderInZone(context.zone, rol.at)} (${renderEt(rol.at)})${citeSeasonDate(rol, NRMP_DATES_URL, sources)}`;
  const results = unreportedResults(names.map((entry) => ({ name: entry.advisorName })));
  return after
    ? ` Your certified rank order list counted only if ECFMG confirmed ${results} to NRMP by the rank order list deadline, ${deadline}: if it did, you are in the Match (see Match Week, SOAP and Match Day); if not, NRMP withdrew you from the Match and SOAP. Tell us the result either way.`
    : ` Your certified rank order list counts only if ECFMG confirms ${results} to NRMP by the rank order list deadline, ${deadline}; otherwise NRMP withdraws you from the Match and SOAP.`;
}
