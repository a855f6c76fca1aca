import { type DoneOpens, doneCountsFor, doneOpensFor, openingHour } from "../applicant-choices.ts";
import { doneDateInFuture } from "../done-date.ts";
import { bookedDayAhead } from "../exam-booking.ts";
import type { FieldProblem } from "../field-problems.ts";
import type { Plan } from "../plan.ts";
import { type PlannerInput, plan as planFor } from "../planner.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { Applicant, MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { stepForAdvisor, stepName, waitingForAdvisor } from "./advisor-voice.ts";
import { applyWhatIf, type WhatIfChange } from "./what-if.ts";

/**
 * The applicant's today (YYYY-MM-DD in their own zone), the latest day a step can be marked done
 * and the day recorded when the advisor gives none. Pure.
 */
export function applicantToday(applicant: Pick<Applicant, "timezone">, now: Date): string {
  return localDate(applicant.timezone, now.getTime());
}

/**
 * When a step done on `date` cannot count yet for the Match `plan`'s Done counts for: the
 * applicant's own Done link's rule (doneOpensFor, with the done date in place of today), so a step
 * recorded before its window opens (NRMP registration for the 2028 Match in March 2027) is not
 * reported done while the plan counts it for an earlier Match and the budget a fee as paid.
 * The Match is the planner's (doneCountsFor): the plan's own, or the later Match
 * a plan out of reach is dated for, never the entered one's windows alone.
 * Undefined when it can count. Mark done's check, its button and a what-if's done steps use it. A
 * window that opens at an hour (SOAP's first offer round, Match Week's notification) is told in the
 * applicant's `zone` and waits for that instant as of the plan's now: Mark done records a date no
 * later than today, so before the instant nothing it records can be true. Pure.
 */
export function markDoneNotYet(
  key: MilestoneKey,
  plan: Pick<Plan, "matchYear" | "risks"> & Partial<Pick<Plan, "now">>,
  date: string,
  zone: string = ET_ZONE,
): DoneOpens | undefined {
  const now = plan.now === undefined ? undefined : Date.parse(plan.now);
  return doneOpensFor(key, seasonCalendar(doneCountsFor(plan)), date, zone, now);
}

/** Why Mark done waits, in the advisor's words (doneOpensText says it to the applicant). Pure. */
export function notYetForAdvisor(opens: DoneOpens, matchYear: number): string {
  const projected =
    opens.status === "projected" ? " (projected from earlier seasons: not published yet)" : "";
  if (opens.at !== undefined)
    return `Not yet: ${opens.what} ${opens.verb} ${openingHour({ ...opens, at: opens.at }, projected)}; ${opens.at.why}. Mark it done once the applicant reports it, from then on.`;
  return `Not yet: ${opens.what} ${opens.verb} on ${renderDate(opens.date)}${projected}; done before then, it counts for an earlier Match, not the ${matchYear} Match. Mark it done once the applicant has done it from then on.`;
}

/** The applicant and their recorded milestones, as far as Mark done's check reads them. */
export interface MarkDoneRecord {
  applicant: Pick<Applicant, "timezone" | "fullName">;
  milestones: readonly Pick<MilestoneEntry, "key" | "status" | "date">[];
}

/**
 * Why an advisor cannot mark a step done on the applicant's behalf (empty when they can): it is
 * blocked (the page never offers it; its prerequisites are not done), the date is missing, it is
 * after today in the applicant's own zone, or it is before the exam day booked for the step
 * (bookedDayAhead with the done date in place of today, the rule a one-tap Done follows: a pass
 * cannot be dated before the sitting); a date both is one problem, the exam
 * still ahead (two `date` problems would read as two mistakes in one date), or before the
 * step's window opens for the Match its Done counts for (markDoneNotYet: it would count for an earlier Match).
 * Any other earlier calendar date is
 * accepted, as the intake accepts it (IsoDateSchema, the one rule for a milestone's date): USMLE
 * Step 1 and an ECFMG certificate do not lapse for the Match, and IMGs often apply 8 to 15 years
 * after graduating. The one check for "Mark done" and a saved what-if's
 * done steps. `now` is passed in (the domain reads no clock). Pure.
 */
export function markDoneProblems(
  record: MarkDoneRecord,
  plan: Plan,
  key: MilestoneKey,
  date: string | undefined,
  now: Date,
): FieldProblem[] {
  const { applicant } = record;
  const problems: FieldProblem[] = [];
  const blocked = plan.blocked.find((step) => step.milestone === key);
  if (blocked)
    problems.push({
      path: "milestone",
      message: `${stepForAdvisor(blocked)} is blocked: ${waitingForAdvisor(blocked.waitingFor, applicant.fullName)}`,
    });
  const today = applicantToday(applicant, now);
  if (date === undefined) {
    problems.push({ path: "date", message: "is required to mark a step done" });
    return problems;
  }
  const booked = bookedDayAhead(
    key,
    record.milestones.find((entry) => entry.key === key),
    date,
  );
  const future = doneDateInFuture(applicant.timezone, date, now);
  // Both at once means the exam is still ahead: one problem says so, not two true halves of it.
  if (future !== undefined && booked !== undefined)
    problems.push({
      path: "date",
      message: `cannot be set yet: the exam for ${stepName(key)} is booked for ${booked}, still ahead; mark it done on or after that day, with a date no later than today in the applicant's zone (${today}, ${applicant.timezone}); if the exam moved, save a what-if with the new date first`,
    });
  else if (future !== undefined) problems.push({ path: "date", message: future });
  else if (booked !== undefined)
    problems.push({
      path: "date",
      message: `must be on or after the exam day booked for ${stepName(key)} (${booked}): a pass cannot be dated before the sitting; if the exam moved, save a what-if with the new date first`,
    });
  else {
    const opens = markDoneNotYet(key, plan, date, applicant.timezone);
    if (opens) problems.push({ path: "date", message: notYetForAdvisor(opens, doneCountsFor(plan)) });
  }
  return problems;
}

/**
 * A saved what-if's done steps pass the same check as "Mark done" (markDoneProblems), each against
 * the plan with the what-if's other changes applied (a step done in the same what-if unblocks the
 * next). Paths name the change: `<index>.milestone`, `<index>.date`. Pure.
 */
export function whatIfDoneProblems(
  input: PlannerInput,
  changes: readonly WhatIfChange[],
  now: Date,
): FieldProblem[] {
  return changes.flatMap((change, index) => {
    if (change.kind !== "milestone" || change.status !== "done") return [];
    const others = applyWhatIf(
      input,
      changes.filter((_, other) => other !== index),
    );
    const plan = planFor(others, seasonCalendar(others.applicant.matchYear), now);
    return markDoneProblems(others, plan, change.key, change.date, now).map((problem) => ({
      path: `${index}.${problem.path}`,
      message: problem.message,
    }));
  });
}
