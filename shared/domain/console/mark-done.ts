import type { FieldProblem } from "../field-problems.ts";
import type { Plan } from "../plan.ts";
import { type PlannerInput, plan as planFor } from "../planner.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { type Applicant, MILESTONE_KEYS, type MilestoneKey } from "../snapshot.ts";
import { stepForAdvisor, stepName } from "./advisor-voice.ts";
import { applyWhatIf, type WhatIfChange } from "./what-if.ts";

/** How far before the Match year a done date may lie: USMLE Step 1 is often years before graduation. */
const EARLIEST_DONE_YEARS = 10;

/**
 * Why an advisor cannot mark a step done on the applicant's behalf (empty when they can): it is
 * blocked (the page never offers it; its prerequisites are not done), the date is missing, or it is
 * in the future (past today in every zone) or implausibly old. The one check for "Mark done" and for
 * a saved what-if's done steps. `now` is passed in (the domain reads no clock). Pure.
 */
export function markDoneProblems(
  applicant: Pick<Applicant, "matchYear">,
  plan: Plan,
  key: MilestoneKey,
  date: string | undefined,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const blocked = plan.blocked.find((step) => step.milestone === key);
  if (blocked)
    problems.push({
      path: "milestone",
      message: `${stepForAdvisor(blocked)} is blocked: waiting for ${blocked.waitingFor.map(waitedTitle).join(", ")}`,
    });
  // A day ahead of UTC: the applicant's zone may already be tomorrow (UTC+14 at most).
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const earliest = `${applicant.matchYear - EARLIEST_DONE_YEARS}-01-01`;
  if (date === undefined) problems.push({ path: "date", message: "is required to mark a step done" });
  else if (date > latest || date < earliest)
    problems.push({
      path: "date",
      message: `must be a date YYYY-MM-DD between ${earliest} and today (not in the future)`,
    });
  return problems;
}

/** A prerequisite by the advisor's name for it; a condition (a gate) as the plan words it. */
function waitedTitle(waited: string): string {
  return (MILESTONE_KEYS as readonly string[]).includes(waited) ? stepName(waited as MilestoneKey) : waited;
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
    return markDoneProblems(others.applicant, plan, change.key, change.date, now).map((problem) => ({
      path: `${index}.${problem.path}`,
      message: problem.message,
    }));
  });
}
