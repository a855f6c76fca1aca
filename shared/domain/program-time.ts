import type { Deadline } from "./plan.ts";
import { interviewIdOf } from "./planner/interviews.ts";
import type { Interview } from "./snapshot.ts";
import { renderInZone } from "./time.ts";

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
