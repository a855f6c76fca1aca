/**
 * IANA zones in the United States (tzdb's US zones and their aliases): the only sign the snapshot
 * gives of where an applicant lives (the planner's zoneOutsideUs, and the actions an H-1B stamping
 * step offers in applicant-choices.ts).
 */
export const US_ZONE =
  /^(America\/(New_York|Detroit|Kentucky\/.+|Indiana\/.+|Chicago|Menominee|North_Dakota\/.+|Denver|Boise|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Metlakatla|Yakutat|Nome|Adak|Puerto_Rico)|Pacific\/Honolulu|US\/.+|[ECMP]ST\d[A-Z]{3}|HST)$/;
