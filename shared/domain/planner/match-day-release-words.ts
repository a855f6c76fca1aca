/**
 * What Match Day's step says of the release. NRMP's pages disagree on the hour (projection-rules.json's
 * nrmp_match_day rule and confirmed.json's 2026 note): its Match Week pages give 12:00 PM ET
 * (https://www.nrmp.org/residency-applicants/match-week/), its events page 1:00 PM ET
 * (http://www.nrmp.org/residency/main-match-events/). The plan keeps the earlier hour, so no step after
 * Match Day is planned an hour late and its email goes then; the words therefore never say results
 * are out at that hour, only both hours as NRMP gives them, and to answer once R3 shows the result
 * (in a season like 2026's, R3 showed nothing before 1:00 PM ET).
 */
export const MATCH_DAY_RELEASE =
  "NRMP releases Match results in R3 on Match Day at 12:00 PM ET by its Match Week pages, or at 1:00 PM ET by its events page (its pages differ).";
