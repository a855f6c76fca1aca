import { CHECK_MATCH_YEAR, interviewSeasonWarnings } from "#domain/console/what-if-checks.ts";
import type { Plan } from "#domain/plan.ts";
import type { SeasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";

/**
 * The CLI's warning lines for the snapshot's interviews outside the interview season of the Match
 * the plan is dated for (tester t9i F11e: say so rather than leave it silent), each with its
 * sources. Tester t9n F7: once the plan moved to a later Match, an interview in the entered Match's
 * interview season (`entered`: from programs' first review day to the rank order list deadline,
 * official or projected season data) is that written-off Match's, and its step already says so
 * (dropped-interview-words.ts): no warning for it. The rest
 * say "Check the Match year and the date" once, on the last line, not once per interview.
 */
export function interviewWarningLines(
  result: Pick<Plan, "matchYear" | "risks">,
  interviews: readonly Interview[],
  entered: SeasonCalendar,
  moved: boolean,
): string[] {
  const opens = entered.dates.eras_programs_may_review_applications_and_mspe.at;
  const closes = entered.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const theirs = (at: number) => at >= opens && at <= closes;
  const checked = moved ? interviews.filter((each) => !theirs(Date.parse(each.startsAt))) : interviews;
  const warnings = interviewSeasonWarnings(
    result,
    checked.map((interview) => ({ kind: "interview" as const, ...interview })),
  );
  return warnings.map((warning, index) => {
    const message =
      index === warnings.length - 1 ? warning.message : warning.message.replace(` ${CHECK_MATCH_YEAR}`, "");
    return `warning: ${message} (${warning.sources.join(", ")})\n`;
  });
}
