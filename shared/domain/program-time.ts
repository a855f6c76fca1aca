import type { Deadline } from "./plan.ts";
import { interviewIdOf } from "./planner/interviews.ts";
import type { Interview } from "./snapshot.ts";
import { HOUR_MS, renderInZone, toWall } from "./time.ts";

/**
 * An interview's time as every view gives it beside the applicant's: in the program's zone,
 * "Mon 7 Dec 2026, 9:00 AM CST (at the program)". US Eastern is neither the applicant's zone nor the
 * program's, so no view shows an interview in ET. Undefined when `interviews` does not hold the
 * interview `interviewId` names (a cancelled one, or a caller that has no interviews).
 */
export function atTheProgram(
  interviewId: string | undefined,
  at: string,
  interviews: readonly Interview[] | undefined,
): string | undefined {
  const zone = programZone(interviewId, interviews);
  return zone === undefined ? undefined : inProgramZone(zone, at);
}

/** The zone of the program holding the interview `interviewId` names; undefined when `interviews` does not hold it. */
export function programZone(
  interviewId: string | undefined,
  interviews: readonly Interview[] | undefined,
): string | undefined {
  if (interviewId === undefined) return undefined;
  return interviews?.find((interview) => interviewIdOf(interview) === interviewId)?.timezone;
}

/** An instant (ISO) in the program's zone `zone`, in atTheProgram's words. */
export function inProgramZone(zone: string, at: string): string {
  return `${renderInZone(zone, Date.parse(at))} (at the program)`;
}

/**
 * Whether an interview step's date is the interview's start (its preparation step counts down to the
 * start the applicant gave, a time with precision "instant"), which every view words "starts", never
 * "due"; the thank-you step's is the day to send the note by.
 */
export function isInterviewStart(deadline: Pick<Deadline, "precision">): boolean {
  return deadline.precision === "instant";
}

/**
 * An in-person interview's start as every view gives it: she is at the program, so the program's
 * time leads ("Tue 1 Dec 2026, 8:00 AM EST" at the program) and hers follows ("… 3:00 AM HST" your
 * time): led by her own zone, 3:00 AM invited a wrong alarm 5,000 miles from the interview.
 * Undefined for a virtual interview, or one `interviews` does not hold: her time leads, as before.
 */
export function inPersonStart(
  interviewId: string | undefined,
  at: string,
  interviews: readonly Interview[] | undefined,
  zone: string,
): { program: string; yours: string; interview: Interview } | undefined {
  if (interviewId === undefined) return undefined;
  const interview = interviews?.find((each) => interviewIdOf(each) === interviewId);
  if (interview?.format !== "in_person") return undefined;
  const start = Date.parse(at);
  return { program: renderInZone(interview.timezone, start), yours: renderInZone(zone, start), interview };
}

/** Hours apart from which her zone is far from the program's (advice: a coast-to-coast difference is three). */
const FAR_HOURS = 3;

/**
 * The question an in-person interview less than a day away asks when she lives far from the program
 * (advice: a virtual interview entered as in person is a common intake slip, and a day is too little
 * to travel 5,000 miles): "" when it is further off, virtual, or near her zone.
 */
export function farInPersonQuestion(
  interview: Interview,
  zone: string,
  start: number,
  sentAt: number,
): string {
  if (interview.format !== "in_person" || start - sentAt >= 24 * HOUR_MS || start <= sentAt) return "";
  const ahead = toWall(interview.timezone, start) - toWall(zone, start);
  if (Math.abs(ahead) < FAR_HOURS * HOUR_MS) return "";
  const side = ahead < 0 ? "behind" : "ahead of";
  return `This interview is in person, less than a day away, at a program ${hoursApart(Math.abs(ahead))} ${side} your time: are you there already? If not, or if it is in fact virtual, contact ${interview.program} now (our advice).`;
}

/**
 * Two zones' difference in words, the direction said by the caller ("18 hours behind your time":
 * "18 hours from your time zone" read as the journey): whole hours as they are, a half-hour zone's
 * half kept ("11½ hours", Kolkata and Chicago in winter; rounded, it said 12), a quarter-hour
 * zone's (Kathmandu, Chatham) "about" the nearest hour.
 */
function hoursApart(ms: number): string {
  const halves = ms / (HOUR_MS / 2);
  if (Number.isInteger(halves)) return `${Math.floor(halves / 2)}${halves % 2 === 1 ? "½" : ""} hours`;
  return `about ${Math.round(ms / HOUR_MS)} hours`;
}
