import type { PlanContext } from "./context.ts";
import type { Remaining } from "./feasibility-lead-times.ts";
import { interviewingForMatch } from "./interviewing.ts";
import type { Judged } from "./kept-chains.ts";
import { inTheMatchOnRecord } from "./presumption-evidence.ts";

/**
 * Whether a chain written off on study time is judged again with no study counted (assessAt): it
 * counts preparation for an exam not begun, and that study may go uncounted: interviewing for the
 * Match; or, in the Match on record (paid), for one exam's study, not for "lastDay"
 * (lastWorkingInstant). Split from feasibility.ts for its size.
 */
export function studyMayGoUncounted(
  context: PlanContext,
  judged: Judged,
  takes: readonly Remaining[],
): boolean {
  const studies = takes.filter((take) => take.prep !== null).length;
  if (studies === 0) return false;
  return (
    interviewingForMatch(context) || (judged !== "lastDay" && inTheMatchOnRecord(context) && studies === 1)
  );
}
