import type { Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { NRMP_SOAP_URL } from "./risk-sources.ts";

const NRMP_AT = stepIndex("nrmp_registration");
const ROL_AT = stepIndex("rank_order_list");

/**
 * What the rank order list's card asks first while no interview is recorded for the Match
 * (interviewingForMatch), from ranking's opening to its deadline (NO_INTERVIEW_RECORDED's window;
 * before it interviews are still to come): a list ranks only programs that interviewed the
 * applicant, so a countdown to certify one never said so beside NO_INTERVIEW_RECORDED's question.
 * The countdown stays (interviews may simply be unreported). Past the deadline SEASON_OVER's words
 * are the card's. `action` unchanged otherwise.
 */
export function interviewsFirst(context: PlanContext, action: string): string {
  const { dates } = context.calendar;
  if (context.now < dates.nrmp_rank_order_list_entry_opens.at) return action;
  if (context.now > dates.nrmp_rol_certification_and_late_registration_deadline.at) return action;
  // A list begun (in progress, scheduled) is the applicant's own word that there is one: its words stay first.
  if (statusAt(context, ROL_AT) !== "not_started" || interviewingForMatch(context)) return action;
  return `${INTERVIEWS_FIRST} ${action}`;
}
const INTERVIEWS_FIRST =
  "We have no interview recorded for you, and a rank order list ranks only programs that interviewed you: tell us each interview first (the interview form).";

/** The risk per calendar: its words read only the Match year. */
const made = new WeakMap<SeasonCalendar, Risk>();

/**
 * NO_INTERVIEW_RECORDED (warning): from
 * ranking's opening to the rank order list deadline, a plan for the entered Match (`inReach`: not
 * moved, not out of reach) with NRMP registration done, the list not certified, and no interview
 * recorded for this Match (interviewingForMatch): an advisor would ask about interviews, since a list
 * without one cannot match; with none, SOAP and the next Match's plan are what is left. The plan does
 * not move; with the ERAS application submitted the list's step keeps its words, without it the list
 * waits for the application (waiting-for.ts), so this question, not a countdown to certify a list with
 * nothing on it, is what ranking's opening brings (an interview told lifts both). Cheap
 * comparisons first; the words are made once per calendar. Null otherwise.
 */
export function noInterviewRecordedRisk(context: PlanContext, inReach: boolean): Risk | null {
  const { calendar, now } = context;
  if (!inReach || now < calendar.dates.nrmp_rank_order_list_entry_opens.at) return null;
  if (now > calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at) return null;
  if (!isFinished(statusAt(context, NRMP_AT))) return null;
  if (isFinished(statusAt(context, ROL_AT)) || interviewingForMatch(context)) return null;
  let risk = made.get(calendar);
  if (risk === undefined) {
    const year = calendar.matchYear;
    risk = Object.freeze({
      code: "NO_INTERVIEW_RECORDED",
      severity: "warning",
      message: `Ranking for the ${year} Match is open and we have no interview recorded for you. Have you had interviews? Tell us each one (the interview form); without one, a rank order list cannot match: get ready for SOAP and start the ${year + 1} Match's plan (letters, clinical experience, program list).`,
      milestones: Object.freeze(["rank_order_list"]) as Risk["milestones"],
      sources: Object.freeze([NRMP_SOAP_URL]) as string[],
    });
    made.set(calendar, risk);
  }
  return risk;
}
