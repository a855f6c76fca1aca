import type { FieldProblem } from "./field-problems.ts";
import type { Applicant } from "./snapshot.ts";
import { localDate } from "./time.ts";

/**
 * How many years after today a graduation can be before it reads as a typo (advice): the longest
 * medical courses run about six years, and some countries award the degree only after a compulsory
 * internship year; one more year of margin makes eight. ECFMG's floor is four credit years
 * (https://www.ecfmg.org/resources/medical-school-policy.html); no school publishes a ceiling.
 */
export const GRADUATION_YEARS_AHEAD = 8;

/**
 * A graduation more than GRADUATION_YEARS_AHEAD years after today in the applicant's zone, refused
 * naming `applicant.graduation`: no one enrolled today graduates then, so it is a typo, and a plan
 * laid for it would move the Match years out and stay silent until then. Empty when it is
 * plausible. `now` is passed in (the domain reads no clock). Pure.
 */
export function farGraduationProblems(
  applicant: Pick<Applicant, "graduation" | "timezone">,
  now: Date,
): FieldProblem[] {
  const today = localDate(applicant.timezone, now.getTime());
  const latest = `${Number(today.slice(0, 4)) + GRADUATION_YEARS_AHEAD}${today.slice(4)}`;
  if (applicant.graduation <= latest) return [];
  return [
    {
      path: "applicant.graduation",
      message: `must be no later than ${latest}, ${GRADUATION_YEARS_AHEAD} years after today (${today}): is the year a typo? Medical courses take at most about seven years, an internship year before the degree included (advice)`,
    },
  ];
}
