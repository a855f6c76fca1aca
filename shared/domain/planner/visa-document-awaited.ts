import { catalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { internedStatus } from "./interned-strings.ts";
import type { StepEntriesView } from "./step-entries.ts";

// A consular interview booked (the J-1 visa, the H-1B stamping scheduled) while the document the
// consulate needs at it is reported not in hand: the DS-2019 in progress, the H-1B petition filed
// and not approved, or not filed. A scheduled step implies its prerequisites done (markPrerequisites),
// which read the booking as the document in hand and dropped that step with its card, its late
// filing's critical and, on an H-1B from abroad, the $100,000 proclamation item. The interview needs
// the document (the DS-2019; the approved petition's notice: the catalog's prerequisites, official),
// so the document the applicant reports not done stays the step waited for, as they answered it, and
// the interview waits on it (its card and the rest follow from the document's own status).

/** The consular interviews by catalog index, each with its document's index (its one prerequisite). */
export const INTERVIEW_DOCUMENTS: readonly { interview: number; document: number }[] = [
  ...CONSULAR_INTERVIEWS.keys(),
].map((key) => {
  const prerequisites = catalogEntry(key as MilestoneKey).prerequisites;
  const document = prerequisites[0];
  if (prerequisites.length !== 1 || document === undefined)
    throw new Error(`${key}: a consular interview waits on one document (its one prerequisite)`);
  return { interview: stepIndex(key as MilestoneKey), document: stepIndex(document.key) };
});

/**
 * In buildContext, after scheduled steps have marked their prerequisites done: a consular interview
 * scheduled beside its document answered not started, in progress or scheduled keeps that answer
 * for the document. Nothing changes when the document is not listed (the booking is then the
 * evidence it came) or reported done.
 */
export function keepVisaDocumentAwaited(statuses: MilestoneStatus[], entries: StepEntriesView): void {
  for (const { interview, document } of INTERVIEW_DOCUMENTS) {
    if (entries.at(interview)?.status !== "scheduled") continue;
    const answered = entries.at(document)?.status;
    if (answered === "not_started" || answered === "in_progress" || answered === "scheduled")
      statuses[document] = internedStatus(answered);
  }
}
