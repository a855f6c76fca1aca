import { notWaivableProblems } from "#domain/console/waivable-steps.ts";
import type { FieldProblem } from "#domain/field-problems.ts";
import { outcomeBeforeWindowProblems } from "#domain/planner/outcome-before-window.ts";
import { scoreStatusProblems } from "#domain/planner/scheduled-score.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";

/**
 * What `npm run plan` refuses in a snapshot that parses, as the intake refuses it
 * (receive-submission.ts): a step that cannot be waived, a score its exam's status does not fit,
 * a SOAP done or a Match outcome dated before it can be true. Each problem names its field
 * (`milestones.N.status`, `.score`, `.date`). `now` is an instant; "today" is the applicant's own
 * day. Pure.
 */
export function snapshotRefusals(snapshot: ApplicantSnapshot, now: Date): FieldProblem[] {
  const { timezone, matchYear } = snapshot.applicant;
  return [
    ...notWaivableProblems(snapshot.milestones, timezone),
    ...scoreStatusProblems(snapshot.milestones, localDate(timezone, now.getTime())),
    ...outcomeBeforeWindowProblems(snapshot.milestones, matchYear, timezone),
  ];
}
