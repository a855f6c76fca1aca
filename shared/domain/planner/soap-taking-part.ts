import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";

/**
 * SOAP reported in progress from NRMP's Monday release (SOAP's start): the applicant is taking part
 * in SOAP, which only an NRMP-registered applicant can (SOAP's one prerequisite in the catalog,
 * NRMP's SOAP page). Before Monday SOAP in progress means preparing for it, which implies nothing.
 */
export function takingPartInSoap(
  entry: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  now: number,
): boolean {
  return (
    entry?.key === "soap" &&
    entry.status === "in_progress" &&
    now >= calendar.dates.nrmp_match_week_start_and_soap_start.at
  );
}

/**
 * Whether a reported step implies its prerequisites happened: done, or SOAP taken part in
 * (takingPartInSoap). One rule for both: a certified list beside NRMP registration "not started"
 * and SOAP under way beside it are the same disagreement, counted registered and asked about
 * (answers-overridden.ts), never read as "never registered" with the plan moved to the next Match
 * in the middle of SOAP.
 */
export function impliesPrerequisites(entry: MilestoneEntry, calendar: SeasonCalendar, now: number): boolean {
  return entry.status === "done" || takingPartInSoap(entry, calendar, now);
}
