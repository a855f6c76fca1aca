import type { Plan } from "../plan.ts";
import type { Applicant, FieldProblem, MilestoneKey } from "../snapshot.ts";

/** How far before the Match year a done date may lie: USMLE Step 1 is often years before graduation. */
const EARLIEST_DONE_YEARS = 10;

/**
 * Why an advisor cannot mark a step done on the applicant's behalf (empty when they can): it is
 * blocked (the page never offers it; its prerequisites are not done), or the date is in the future
 * (past today in every zone) or implausibly old. `now` is passed in (the domain reads no clock). Pure.
 */
export function markDoneProblems(
  applicant: Pick<Applicant, "matchYear">,
  plan: Plan,
  key: MilestoneKey,
  date: string,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const blocked = plan.blocked.find((step) => step.milestone === key);
  if (blocked)
    problems.push({
      path: "milestone",
      message: `${blocked.title} is blocked: waiting for ${blocked.waitingFor.join(", ")}`,
    });
  // A day ahead of UTC: the applicant's zone may already be tomorrow (UTC+14 at most).
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const earliest = `${applicant.matchYear - EARLIEST_DONE_YEARS}-01-01`;
  if (date > latest || date < earliest)
    problems.push({
      path: "date",
      message: `must be a date YYYY-MM-DD between ${earliest} and today (not in the future)`,
    });
  return problems;
}
