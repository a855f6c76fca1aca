/**
 * IANA zones in the United States (tzdb's US zones and their aliases): the only sign the snapshot
 * gives of where an applicant lives (the planner's zoneOutsideUs, and the actions an H-1B stamping
 * step offers in applicant-choices.ts).
 */
export const US_ZONE =
  /^(America\/(New_York|Detroit|Kentucky\/.+|Indiana\/.+|Chicago|Menominee|North_Dakota\/.+|Denver|Boise|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Metlakatla|Yakutat|Nome|Adak|Puerto_Rico)|Pacific\/Honolulu|US\/.+|[ECMP]ST\d[A-Z]{3}|HST)$/;

/**
 * Whether a milestone entry is a "Not for me" on the H-1B visa stamping from an applicant whose zone
 * is outside the US: only someone already in the US can have a change of status (the fact sheet's
 * proclamation row names it as the case apart from consular processing), so abroad the visa must be
 * stamped at a consulate. The intake and the plan CLI refuse it; the planner ignores a stored one.
 * Cheap for every other entry: the status is read first.
 */
export function stampingWaiverRefused(entry: { key: string; status: string }, zone: string): boolean {
  return entry.status === "waived" && entry.key === "visa_h1b_stamping" && !US_ZONE.test(zone);
}
