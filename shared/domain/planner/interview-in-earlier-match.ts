import type { Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { Interview } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { interviewFacts } from "./interview-facts.ts";
import { inInterviewSeason } from "./interviewing.ts";

/**
 * The Match whose interview season (inInterviewSeason, the window the CLI's outside-season warning
 * uses: one definition) holds `at` (epoch ms), or undefined. A season runs from programs' first
 * review day (September) to the rank order list deadline (February), so only the Match of the
 * instant's year (January to March) or of the next year (from September) can hold it.
 */
export function seasonMatchOf(at: number): SeasonCalendar | undefined {
  const date = new Date(at);
  const year = date.getUTCFullYear() + (date.getUTCMonth() >= 6 ? 1 : 0);
  let calendar: SeasonCalendar;
  try {
    calendar = seasonCalendar(year);
  } catch {
    return undefined; // before the first season with data: no Match to name
  }
  return inInterviewSeason(at, calendar) ? calendar : undefined;
}

/**
 * INTERVIEW_IN_EARLIER_MATCH (warning): the
 * interviews dated in the interview season of a Match earlier than the plan's (the entered one),
 * while that Match's rank order list deadline is ahead (after it, nothing would become urgent): an
 * ERAS interview then means the applicant is most likely in that Match, so the plan asks whether the
 * Match year is right, names each such interview and its Match, and says what would become urgent
 * (NRMP registration, the rank order list deadline, "projected" where it is). The plan's dates do
 * not change. Null for almost every plan after one length check; the words are built only here.
 */
export function interviewInEarlierMatchRisk(context: PlanContext): Risk | null {
  if (context.interviews.length === 0) return null;
  // The Match year the applicant entered, not a later Match the planner moved the plan to:
  // the entered Match's own interviews raise no question on a moved plan.
  const year = context.pastSeasonMatch?.out ?? context.calendar.matchYear;
  const reviewing = context.calendar.dates.eras_programs_may_review_applications_and_mspe.at;
  // Most plans' interviews are all their own Match's: the earliest start answers for the list,
  // before the Date.UTC below (a builtin call every plan paid, planner bench profile).
  const { starts, earliest } = interviewFacts(context);
  if (earliest >= reviewing) return null;
  // seasonMatchOf names the Match of the instant's UTC year, or of the next year from July on: from
  // July 1 (UTC) of the year before the entered Match's it names that Match or a later one, never an
  // earlier one. A moved plan's interviews are the entered Match's own: skipped on this test alone.
  const earlierSeasonsEnd = Date.UTC(year - 1, 6, 1);
  if (earliest >= earlierSeasonsEnd) return null;
  let earlier: SeasonCalendar | undefined;
  const named: string[] = [];
  for (let index = 0; index < context.interviews.length; index++) {
    const interview = context.interviews[index] as Interview;
    const at = starts[index] as number;
    // Most interviews are the plan's own Match's: one comparison pair, no Date made.
    if (at >= reviewing || at >= earlierSeasonsEnd) continue;
    const match = seasonMatchOf(at);
    if (match === undefined || match.matchYear >= year) continue;
    const rol = match.dates.nrmp_rol_certification_and_late_registration_deadline;
    if (context.now > rol.at) continue;
    // The earliest such Match is asked about (two earlier Matches at once would be a typo too).
    if (earlier === undefined || match.matchYear < earlier.matchYear) earlier = match;
    if (match === earlier)
      named.push(`${interview.program.trim()} on ${renderDate(localDate(interview.timezone, at))}`);
  }
  if (earlier === undefined) return null;
  const rol = earlier.dates.nrmp_rol_certification_and_late_registration_deadline;
  const what = named.length === 1 ? "Your interview at" : "Your interviews at";
  return {
    code: "INTERVIEW_IN_EARLIER_MATCH",
    severity: "warning",
    message: `${what} ${named.join(" and ")} ${named.length === 1 ? "falls" : "fall"} in the ${earlier.matchYear} Match's interview season, not the ${year} Match's your plan is for: is your Match year ${earlier.matchYear}? If so, change it (send your intake form again, or ask your advisor): your NRMP registration, and certifying your rank order list by ${seasonDayEt(rol)}, then become urgent. If your Match year is ${year}, check the interview's date.`,
    milestones: [],
    sources: [rol.source],
  };
}
