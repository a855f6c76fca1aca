import type { PlanContext } from "./context.ts";
import { interviewStart } from "./interview-start.ts";

/**
 * Whether the applicant has an interview recorded for the plan's Match: one starting from the day
 * ERAS applicants may first submit (no program interviews an applicant before it holds their
 * application) until the rank order list deadline (ranking ends that Match's interviews; a later
 * one is the next Match's). Such an applicant can match only through a certified rank order list,
 * which NRMP registration comes before (tester t9m F11: told "early deadline passed" every 12 days
 * while interviewing). Season dates, official or projected as the calendar has them.
 */
export function interviewingForMatch(context: PlanContext): boolean {
  if (context.interviews.length === 0) return false;
  const { dates } = context.calendar;
  const from = dates.eras_applicants_may_submit.at;
  const until = dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // The memoised parse (interviewStart): Date.parse of every interview, twice a plan, showed in the profile.
  for (const interview of context.interviews) {
    const start = interviewStart(interview);
    if (start >= from && start <= until) return true;
  }
  return false;
}
