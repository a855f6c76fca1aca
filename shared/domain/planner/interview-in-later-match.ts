import type { Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { Interview } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { interviewFacts } from "./interview-facts.ts";
import { seasonMatchOf } from "./interview-in-earlier-match.ts";

/**
 * INTERVIEW_IN_LATER_MATCH (warning): the mirror of
 * INTERVIEW_IN_EARLIER_MATCH. The interviews dated in the interview season (seasonMatchOf, the
 * CLI's outside-season window: one definition) of a Match later than the one the plan is for (on a
 * moved plan, the Match it moved to: its own interviews raise no question), while that Match's rank
 * order list deadline is ahead: an ERAS interview then means the Match year or the date is most
 * likely wrong, so the plan asks which, naming each such interview and its Match. The plan's dates
 * do not change and the interview keeps its own reminders. Null for almost every plan after one
 * length check and one comparison per interview; the words are built only here.
 */
export function interviewInLaterMatchRisk(context: PlanContext): Risk | null {
  if (context.interviews.length === 0) return null;
  const year = context.calendar.matchYear;
  const ownRol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // Most plans' interviews are all their own Match's: the latest start answers for the list.
  const { starts, latest } = interviewFacts(context);
  if (latest <= ownRol) return null;
  let later: SeasonCalendar | undefined;
  const named: string[] = [];
  for (let index = 0; index < context.interviews.length; index++) {
    const interview = context.interviews[index] as Interview;
    const at = starts[index] as number;
    // Most interviews are the plan's own Match's: one comparison, no Date made.
    if (at <= ownRol) continue;
    const match = seasonMatchOf(at);
    if (match === undefined || match.matchYear <= year) continue;
    if (context.now > match.dates.nrmp_rol_certification_and_late_registration_deadline.at) continue;
    // The nearest such Match is asked about (two later Matches at once would be a typo too).
    if (later === undefined || match.matchYear < later.matchYear) {
      if (later !== undefined) named.length = 0;
      later = match;
    }
    if (match === later)
      named.push(`${interview.program.trim()} on ${renderDate(localDate(interview.timezone, at))}`);
  }
  if (later === undefined) return null;
  const rol = later.dates.nrmp_rol_certification_and_late_registration_deadline;
  const what = named.length === 1 ? "Your interview at" : "Your interviews at";
  return {
    code: "INTERVIEW_IN_LATER_MATCH",
    severity: "warning",
    message: `${what} ${named.join(" and ")} ${named.length === 1 ? "falls" : "fall"} in the ${later.matchYear} Match's interview season, not the ${year} Match's your plan is for: is your Match year ${later.matchYear}? If so, change it (send your intake form again, or ask your advisor): your plan is then dated for the ${later.matchYear} Match. If your Match year is ${year}, check the interview's date: interviews for the ${year} Match end by its rank order list deadline. Your plan keeps the interview's reminders meanwhile.`,
    milestones: [],
    sources: [rol.source],
  };
}
