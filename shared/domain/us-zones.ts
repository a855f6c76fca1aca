import { BoundedMemo } from "./bounded-memo.ts";

/**
 * IANA zones in the United States (tzdb's US zones and their aliases): the only sign the snapshot
 * gives of where an applicant lives (the planner's zoneOutsideUs, and the actions an H-1B stamping
 * step offers in applicant-choices.ts). The aliases are tzdb's `backward` links to a US zone
 * (https://github.com/eggert/tz/blob/main/backward): Intl accepts them as given, so an applicant in
 * Indianapolis stored as "America/Indianapolis" is in the US as much as "America/Indiana/Indianapolis".
 * US/Samoa is the one US/* link outside: it is Pacific/Pago_Pago (American Samoa), which this
 * regex has never counted as the US.
 */
export const US_ZONE =
  /^(America\/(New_York|Detroit|Kentucky\/.+|Indiana\/.+|Chicago|Menominee|North_Dakota\/.+|Denver|Boise|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Metlakatla|Yakutat|Nome|Adak|Puerto_Rico|Indianapolis|Fort_Wayne|Knox_IN|Louisville|Atka|Shiprock)|Navajo|Pacific\/(Honolulu|Johnston)|US\/(?!Samoa$).+|[ECMP]ST\d[A-Z]{3}|HST)$/;

/**
 * IANA zones in Canada (tzdb's zone.tab rows for CA, their backward links such as America/Montreal
 * and Canada/Eastern, and America/Coral_Harbour, a Nunavut name now linked to Panama's rule).
 */
const CANADA_ZONE =
  /^(America\/(St_Johns|Halifax|Glace_Bay|Moncton|Goose_Bay|Blanc-Sablon|Toronto|Montreal|Nipigon|Thunder_Bay|Iqaluit|Pangnirtung|Atikokan|Coral_Harbour|Winnipeg|Rainy_River|Resolute|Rankin_Inlet|Regina|Swift_Current|Edmonton|Yellowknife|Cambridge_Bay|Inuvik|Creston|Dawson_Creek|Fort_Nelson|Whitehorse|Dawson|Vancouver)|Canada\/.+)$/;

/** zoneFacts' bits: the zone is in the US (US_ZONE), in Canada (CANADA_ZONE). */
const IN_US = 1;
const IN_CANADA = 2;

/**
 * What the planner asks of a zone, as zoneFacts' bits: the one memo of the two regular expressions
 * (zoneInUs, zoneInUsOrCanada). A plan asks about its applicant's zone over and over (Step 3's lead,
 * its risks, the proclamation, the budget's fees to verify: visitorVisaDays alone was about 1 % of a
 * bench plan), so the zone asked last is answered first; an interview's program zone between two
 * such questions is found in the bounded memo, each zone's expressions run once.
 */
function zoneFacts(zone: string): number {
  if (zone === lastZone) return lastFacts;
  let facts = factsByZone.get(zone);
  if (facts === undefined)
    facts = factsByZone.keep(
      zone,
      (US_ZONE.test(zone) ? IN_US : 0) | (CANADA_ZONE.test(zone) ? IN_CANADA : 0),
    );
  lastZone = zone;
  lastFacts = facts;
  return facts;
}

const factsByZone = new BoundedMemo<string, number>(1_000);
let lastZone: string | undefined;
let lastFacts = 0;

/** Whether an IANA zone is in the US (US_ZONE): the applicant's, or an interview's program's. */
export function zoneInUs(zone: string): boolean {
  return (zoneFacts(zone) & IN_US) !== 0;
}

/**
 * Whether a zone is in the US or Canada, the USMLE's home testing region: outside it, Step 1 and
 * Step 2 CK may carry the international test delivery surcharge (fees.json). The zone is the only
 * sign the snapshot gives of where the applicant sits the exam.
 */
export function zoneInUsOrCanada(zone: string): boolean {
  return zoneFacts(zone) !== 0;
}

/**
 * Whether a milestone entry is a "Not for me" on the H-1B visa stamping from an applicant whose zone
 * is outside the US: only someone already in the US can have a change of status (the fact sheet's
 * proclamation row names it as the case apart from consular processing), so abroad the visa must be
 * stamped at a consulate. The intake and the plan CLI refuse it; the planner ignores a stored one.
 * Cheap for every other entry: the status is read first.
 */
export function stampingWaiverRefused(entry: { key: string; status: string }, zone: string): boolean {
  return entry.status === "waived" && entry.key === "visa_h1b_stamping" && !zoneInUs(zone);
}
