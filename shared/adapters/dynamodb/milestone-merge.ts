import type { MilestoneEntry } from "#domain/snapshot.ts";
import { sameContent } from "./intake-writes.ts";
import { type Item, withoutUndefined } from "./table.ts";

/**
 * What a snapshot leaves in one milestone it lists: a three-way merge of the stored milestone, the
 * entry the last snapshot listed for it (the item's `formEntry`) and the entry listed now. A form
 * does not know what the applicant answered since by email button or what the advisor recorded, so
 * re-sending an unchanged answer must not undo those (a re-sent form once erased a Done on the
 * rank list and an accepted SOAP offer). Only an answer the applicant changed on the form wins.
 *
 * - no stored milestone, or one no snapshot listed since `formEntry` exists (a button's, or one
 *   stored before it existed): the form's entry, as before;
 * - listed now as the last snapshot listed it: the stored milestone stands (a button or an update
 *   may have recorded newer);
 * - listed differently: the form's entry.
 *
 * The returned `formEntry` is always what is listed now, so an item stored before `formEntry`
 * existed learns it the first time a snapshot lists it.
 */
export function snapshotMilestone(
  listed: MilestoneEntry,
  stored: Item | undefined,
): { content: MilestoneEntry; formEntry: MilestoneEntry } {
  const formEntry = withoutUndefined(listed);
  const formSaysNothingNew =
    stored?.formEntry !== undefined &&
    stored.milestone !== undefined &&
    sameContent(stored.formEntry, formEntry);
  return { content: formSaysNothingNew ? (stored?.milestone as MilestoneEntry) : formEntry, formEntry };
}

/**
 * True when a snapshot that does not list this stored milestone deletes it: only when the last
 * snapshot listed it (the applicant took the answer off the form). One recorded only by buttons,
 * the console or updates, or stored before `formEntry` existed, stays: the form never spoke of it.
 */
export function snapshotDropsMilestone(stored: Item): boolean {
  return stored.formEntry !== undefined;
}
