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
  if (interviewId === undefined) return undefined;
  const zone = interviews?.find((interview) => interviewIdOf(interview) === interviewId)?.timezone;
  return zone === undefined ? undefined : `${renderInZone(zone, Date.parse(at))} (at the program)`;
}
