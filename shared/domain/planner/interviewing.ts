import type { SeasonCalendar } from "../seasons/index.ts";
import type { Interview } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { interviewStart } from "./interview-start.ts";

/**
 * Whether an instant (epoch ms) lies in the calendar's Match's interview season: from the day
 * programs may first review ERAS applications (no program invites before it reads the application)
 * through the rank order list deadline (ranking ends that Match's interviews; a later one is the next
 * Match's). Season dates, official or projected as the calendar has them. The intake (CLI) warning
 * about an interview outside the season uses this window, so a date the tool calls suspect is never
 * evidence.
 */
export function inInterviewSeason(at: number, calendar: SeasonCalendar): boolean {
  const { dates } = calendar;
  return (
    at >= dates.eras_programs_may_review_applications_and_mspe.at &&
    at <= dates.nrmp_rol_certification_and_late_registration_deadline.at
  );
}

/**
 * The one rule for whether the interviews are evidence of being in the calendar's Match: one of
 * them dated in its interview season (inInterviewSeason), and
 * `now` (epoch ms) on or after the day ERAS applicants may first submit (one recorded a year ahead
 * proves no application went in). The presumption (presumedInTheMatch), the sponsor-note gate
 * (eligibilityOf) and the interviewing applicant's NRMP registration rules read it.
 */
export function interviewsAreEvidence(
  interviews: readonly Interview[],
  calendar: SeasonCalendar,
  now: number,
): boolean {
  if (interviews.length === 0 || now < calendar.dates.eras_applicants_may_submit.at) return false;
  // The memoised parse (interviewStart): Date.parse of every interview, twice a plan, showed in the profile.
  for (const interview of interviews) if (inInterviewSeason(interviewStart(interview), calendar)) return true;
  return false;
}

/**
 * Whether the applicant has an interview recorded for the plan's Match (interviewsAreEvidence on
 * the plan's calendar and `now`). Such an applicant can match only through a certified rank order
 * list, which NRMP registration comes before (told "early deadline passed" every 12
 * days while interviewing).
 */
export function interviewingForMatch(context: PlanContext): boolean {
  if (context === askedContext) return askedAnswer;
  askedAnswer = interviewsAreEvidence(context.interviews, context.calendar, context.now);
  askedContext = context;
  return askedAnswer;
}

// The last context asked and its answer: a plan asks about five times (its steps, reminders and
// risks), each a walk of its interviews (planner bench). A context's interviews, calendar
// and now are set when it is made (buildContext, contextWith) and never changed after, so its
// answer is too; one context is held, no more.
let askedContext: PlanContext | undefined;
let askedAnswer = false;
