import type { CatalogEntry } from "../catalog/index.ts";
import { renderEt, renderInZone } from "../time.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { citeSeasonDate } from "./feasibility-risk.ts";
import { RANK_ORDER_LIST_AT, unreportedResults } from "./unreported-sittings.ts";

const NRMP_DATES_URL = "http://www.nrmp.org/residency/main-match-events/";

/**
 * SCHEDULED_DATE_PASSED's words, before the rank order list deadline, for a certified list that
 * hangs on a result never reported (Step 1 or Step 2 CK, catalog `neededForRanking`): the list
 * counts only if ECFMG confirms it by the deadline, in the applicant's time and ET (tester t9j F7:
 * an hour before the deadline nothing said so). With a leading space; "" otherwise.
 */
export function listAwaitsResultWords(
  context: PlanContext,
  passed: readonly { entry: CatalogEntry }[],
  sources: string[],
): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (context.now > rol.at || statusAt(context, RANK_ORDER_LIST_AT) !== "done") return "";
  const names = passed.filter(({ entry }) => entry.neededForRanking !== undefined).map(({ entry }) => entry);
  if (names.length === 0) return "";
  const deadline = `${renderInZone(context.zone, rol.at)} (${renderEt(rol.at)})${citeSeasonDate(rol, NRMP_DATES_URL, sources)}`;
  return ` Your certified rank order list counts only if ECFMG confirms ${unreportedResults(names.map((entry) => ({ name: entry.advisorName })))} to NRMP by the rank order list deadline, ${deadline}; otherwise NRMP withdraws you from the Match and SOAP.`;
}
