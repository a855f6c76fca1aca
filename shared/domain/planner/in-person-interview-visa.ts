import type { Risk } from "../plan.ts";
import { localDate, renderDate } from "../time.ts";
import { INTERVIEW_VISITOR_VISA_SOURCE, VISITOR_VISA_WAIT_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { livesOutsideUs, zoneOutsideUs } from "./h1b.ts";
import { US_VISAS_URL, visitorVisaAllowance } from "./h1b-words.ts";
import { interviewStart } from "./interview-start.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * INTERVIEW_NEEDS_VISITOR_VISA (warning; tester t9t F17, session 25 task I, lead's ruling 1): the
 * in-person interviews still ahead, at a program in a US zone, of an applicant whose zone is
 * outside the US (livesOutsideUs, the snapshot's only sign of where they live), from the plan in
 * which the interview is first recorded: attending needs a US visitor visa (B-1/B-2), whose
 * interview wait is the one Step 3's trip allows for (VISITOR_VISA_WAIT_DAYS, the same caveat),
 * or a virtual interview, which the applicant can ask the program for (advice). One risk names every
 * such interview (program and its local day); each start is noted as an instant the risk changes.
 * Interviews before this plan's Match season (its programs' first review day) are an earlier or a
 * dropped Match's, left to INTERVIEW_IN_EARLIER_MATCH and the moved plan's words. Null for a virtual
 * interview, an applicant in the US, or no interview (one length check).
 */
export function interviewVisitorVisaRisk(context: PlanContext): Risk | null {
  if (context.interviews.length === 0 || !livesOutsideUs(context)) return null;
  const seasonStart = context.calendar.dates.eras_programs_may_review_applications_and_mspe.at;
  const named: string[] = [];
  for (const interview of context.interviews) {
    if (interview.format !== "in_person" || zoneOutsideUs(interview.timezone)) continue;
    const at = interviewStart(interview);
    if (at <= context.now || at < seasonStart) continue;
    noteRiskChange(context, at);
    const words = `${interview.program.trim()} on ${renderDate(localDate(interview.timezone, at))}`;
    // Two entries for one interview (planInterviews plans them once) are named once.
    if (!named.includes(words)) named.push(words);
  }
  if (named.length === 0) return null;
  const what = named.length === 1 ? "Your in-person interview at" : "Your in-person interviews at";
  const attend = named.length === 1 ? "it" : "them";
  return {
    code: "INTERVIEW_NEEDS_VISITOR_VISA",
    severity: "warning",
    message: `${what} ${named.join(" and ")} ${named.length === 1 ? "is" : "are"} in the US, and you live outside the US: to attend ${attend} you need a US visitor visa (B-1/B-2). If you do not hold one, ask the program whether a virtual interview is possible, or apply for the visitor visa now: this plan allows ${visitorVisaAllowance(VISITOR_VISA_WAIT_DAYS)}, and in some consulates the wait is far longer.`,
    milestones: ["interview"],
    sources: [US_VISAS_URL, INTERVIEW_VISITOR_VISA_SOURCE],
  };
}
