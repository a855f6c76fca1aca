import { CHECK_MATCH_YEAR, outsideSeasonWarnings } from "#domain/console/what-if-checks.ts";
import { inInterviewSeason } from "#domain/planner/interviewing.ts";
import type { SeasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";

/**
 * The CLI's warning lines for the snapshot's interviews outside the interview season of the Match
 * the applicant entered (`entered`: from programs' first review day to the rank order list
 * deadline, official or projected season data; say so rather than leave it
 * silent), each with its sources. The warning judges and names the entered Match, never the one the
 * plan moved to (the move exists only because the interview did not
 * count, and the entered season is what the applicant has to check); the window is the one that
 * decides whether an interview is evidence (inInterviewSeason), so an interview warned about never
 * swung the plan. An interview in the entered season is that Match's (when written off, its step
 * says so: dropped-interview-words.ts); one in the season of the Match a moved plan targets
 * (`later`) is that Match's, as its plan counts it: no warning for either. The rest say "Check the
 * Match year and the date" once, on the last line, not once per interview.
 */
export function interviewWarningLines(
  interviews: readonly Interview[],
  entered: SeasonCalendar,
  later: SeasonCalendar | undefined,
): string[] {
  const checked = interviews.filter(
    (each) => later === undefined || !inInterviewSeason(Date.parse(each.startsAt), later),
  );
  const warnings = outsideSeasonWarnings(entered, checked);
  return warnings.map((warning, index) => {
    const message =
      index === warnings.length - 1 ? warning.message : warning.message.replace(` ${CHECK_MATCH_YEAR}`, "");
    return `warning: ${message} (${warning.sources.join(", ")})\n`;
  });
}
