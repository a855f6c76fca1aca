import { seasonInstantEt } from "../seasons/date-words.ts";
import { seasonCalendar } from "../seasons/index.ts";

/**
 * How an applicant who did not match enters the `year` Match: the re-applicant path, where a
 * changed target Match year plans that season (pastSeasonWork), with its rank order list deadline
 * (season data, "projected" when it is).
 */
export function restartWords(year: number, pathwayPending = false): string {
  const rol = seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline;
  // ECFMG decides a Pathway application for one Match season only (laterMatchPathwayAction): a
  // Pathway not done does not carry over, so the certification is not claimed to.
  const carried = pathwayPending
    ? `your exams carry over; your Pathway does not: ECFMG decides an application for one Match season only, so apply for the ${year} Match's Pathway (see its step); this season's ERAS, NRMP and ranking steps start again.`
    : "your exams and certification carry over, this season's ERAS, NRMP and ranking steps start again.";
  return `change your target Match year to ${year} and the plan starts the ${year} Match (its rank order list deadline is ${seasonInstantEt(rol)}); ${carried}`;
}

/**
 * What an applicant with no position after SOAP does next, in one line: the `year` season's MyERAS
 * opening (season data, "(projected)" when it is) and the re-applicant path they can take now
 * (restartWords).
 */
export function nextSeasonWords(year: number): string {
  const opens = seasonCalendar(year).dates.eras_season_opens_myeras;
  return `the ${year} season's MyERAS opens on ${seasonInstantEt(opens)}, and you can start the ${year} Match's plan now: ${restartWords(year)}`;
}
