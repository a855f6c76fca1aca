import type { Deadline } from "#domain/plan.ts";

const MIDNIGHT = /, 12:00 AM [^,]+$/;

/**
 * A deadline as the emails and pages print it. A date the applicant gave without a time (the day
 * of their exam) is a day, not the instant the planner stores for it (local midnight): it reads
 * "Thu 20 Aug 2026", with no "12:00 AM" and no US Eastern conversion, which would only confuse.
 */
export function deadlineWords(deadline: Deadline): { local: string; et?: string } {
  if (deadline.status === "applicant" && MIDNIGHT.test(deadline.local)) {
    return { local: deadline.local.replace(MIDNIGHT, "") };
  }
  return { local: deadline.local, et: deadline.et };
}
