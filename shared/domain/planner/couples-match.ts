import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";

/**
 * What a partner in the Couples Match (snapshot `applicant.couplesMatch`)
 * reads on the three steps a couple does differently; the plan stays one applicant's. NRMP's
 * "Couples in the Match" page (https://www.nrmp.org/couples-in-the-match/, official): each partner
 * registers individually in R3, then one sends a couple request and the other accepts; each pays
 * the couple fee, due once the request is sent and not refunded on uncoupling; coupling is complete
 * when R3's Couple Status reads "Accepted" and Fee Status "Paid". The two rank order lists form pairs
 * of programs with the same number of ranks; the algorithm treats the partners solely as a couple (never
 * their lists one by one), and a pair may rank a program for one partner beside NRMP's "No Match"
 * code for the other, one partner willing to go unmatched if the other matches there (NRMP's page and
 * its older couples guidance, nrmp.org/res_match/special_part/us_seniors/couples.html). SOAP has no
 * couples: each partner takes part, or not, on their own (secondary: residencyadvisor.com, "There is
 * no couples SOAP"; the catalog's SOAP text is already one applicant's).
 */
const COUPLE_WORDS: Partial<Record<MilestoneKey, string>> = {
  nrmp_registration:
    " As a couple: each of you registers in R3 on your own; then one of you sends a couple request in R3 and the other accepts it. Each of you pays NRMP's couples fee (it is due once the request is sent and is not refunded if you later uncouple). You are a couple once R3 shows Couple Status Accepted and Fee Status Paid: finish this before you rank.",
  rank_order_list:
    " As a couple: your list and your partner's are paired rank by rank (the same number of ranks on each), and you match only to one of those pairs, never on your lists one by one; a pair may rank a program for one of you beside NRMP's \"No Match\" code for the other, if one of you is willing to go unmatched so that the other matches there; both lists must be certified by the same deadline, and an edit to either list means both of you certify again (advice). Before ranking, check that R3 shows your Couple Status Accepted and Fee Status Paid.",
  soap: " SOAP is per applicant, not per couple: if you do not match, you apply and answer offers on your own; your partner's SOAP, if any, is theirs.",
};

/**
 * The couple's words for `entry`'s card, with a leading space, while the step is open in the
 * applicant's own Match; "" for a single applicant, another step, or a Match that is over or
 * moved on (that Match's words say what is left). Only the applicant's own flag is read: nothing
 * about the partner is known or stored.
 */
export function couplesMatchNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  ownMatch = true,
): string {
  if (context.applicant.couplesMatch !== true || !ownMatch) return "";
  if (status === "done" || status === "waived") return "";
  return COUPLE_WORDS[entry.key] ?? "";
}
