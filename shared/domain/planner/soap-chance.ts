import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import {
  SOAP_CHANCE_RUNNING_TITLE,
  SOAP_CHANCE_TITLE,
  SOAP_PARTICIPATION_TITLE,
} from "../match-outcome-question.ts";
import { isSatisfied, type PlanContext, statusOf } from "./context.ts";
import { nothingToRank } from "./nothing-to-rank.ts";
import { seasonIsOver, soapStillOpen } from "./season-over-state.ts";

/**
 * SOAP for an applicant registered with NRMP who cannot match in the Main Match: the rank order list
 * deadline passed without a certified list while SOAP is still open to them (soapStillOpen), or, from
 * ranking's opening, there is nothing to rank (nothingToRank: no ERAS application, no interview). SOAP is then their chance
 * this season, and its step is titled so ("SOAP, if you do not match" spoke of a Match they are not
 * in). SOAP's eligibility (NRMP: registered for the Main Match by the rank order list deadline,
 * verified by ECFMG as eligible to enter GME on July 1, unmatched on Monday of Match Week;
 * https://www.nrmp.org/residency-applicants/soap/) needs no rank order list, but its applications
 * go through ERAS (soapErasWords).
 */
export function soapOnlyChance(context: PlanContext): boolean {
  if (statusOf(context, "nrmp_registration") !== "done") return false;
  if (seasonIsOver(context)) return soapStillOpen(context);
  // Before ranking opens, nothing to rank only means the application and interviews are still to
  // come (in September ERAS itself is due): "you cannot match in the Main Match" would be untrue then.
  return context.now >= context.calendar.dates.nrmp_rank_order_list_entry_opens.at && nothingToRank(context);
}

const CATALOG_TITLE = catalogEntry("soap").title;
const titled = new WeakMap<CatalogEntry, CatalogEntry>();

/**
 * SOAP's entry with its chance title while soapOnlyChance holds: the catalog's title before Match
 * Week and the participation title from NRMP's Monday release are replaced; any other (a
 * participant's "SOAP: you are taking part") is kept, as is any other step's entry. Made once per entry.
 */
export function soapChanceEntry(context: PlanContext, entry: CatalogEntry): CatalogEntry {
  if (entry.key !== "soap") return entry;
  const title =
    entry.title === CATALOG_TITLE
      ? SOAP_CHANCE_TITLE
      : entry.title === SOAP_PARTICIPATION_TITLE
        ? SOAP_CHANCE_RUNNING_TITLE
        : undefined;
  if (title === undefined || !soapOnlyChance(context)) return entry;
  let made = titled.get(entry);
  if (made === undefined) {
    made = Object.freeze({ ...entry, title }) as CatalogEntry;
    titled.set(entry, made);
  }
  return made;
}

/**
 * What SOAP needs of an applicant with no ERAS application submitted, first on SOAP's card and in
 * SEASON_OVER's words: SOAP's applications go out through ERAS (NRMP's SOAP page; the catalog's
 * in-progress words), so the MyERAS application must be certified and submitted before ERAS opens
 * for SOAP on Monday of Match Week (from then: now), the ERAS token from ECFMG first when it is not done either
 * (ECFMG is the IMGs' designated dean's office: fact sheet §1). "" once the application is in.
 */
export function soapErasWords(context: PlanContext): string {
  if (isSatisfied(context, "eras_application")) return "";
  const token = isSatisfied(context, "eras_token") ? "" : "get your ERAS token from ECFMG now, then ";
  // From NRMP's Monday release SOAP has opened: the application is due now, not "before Monday".
  const opened = context.now >= context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  const when = opened
    ? "now: no SOAP application can go out without it"
    : "before Monday of Match Week, so your applications can go out as soon as ERAS opens for SOAP";
  return `SOAP applications go through ERAS and we have no ERAS application on record for you: ${token}certify and submit your MyERAS application ${when}`;
}
