import type { DueDate } from "./deadlines.ts";

/**
 * The due dates step3DueNow (step3-after-ranking.ts) made for Step 3 after ranking, dated for the
 * H-1B petition, so the step's words and the apply-by reminders (step3-apply-by.ts) know them. Its
 * own module so neither of those two files imports the other at run time (layers.test.ts).
 */
const petitionSet = new WeakSet<DueDate>();

/** Records `due` as a date step3DueNow made. */
export function markPetitionDue(due: DueDate): void {
  petitionSet.add(due);
}

/** Whether `due` is a date step3DueNow made (Step 3 dated for the H-1B petition after ranking). */
export function isPetitionDue(due: DueDate | null | undefined): due is DueDate {
  return due != null && petitionSet.has(due);
}

/**
 * Step 3's sit-by days for the rank order list deadline's later candidate (step3-later-candidate.ts,
 * tester t9s F13), so the step's words and the apply-by reminders know them too.
 */
const laterSet = new WeakSet<DueDate>();

/** Records `due` as a later candidate's sit-by day. */
export function markLaterCandidateDue(due: DueDate): void {
  laterSet.add(due);
}

/** Whether `due` is a later candidate's sit-by day (markLaterCandidateDue). */
export function isLaterCandidateDue(due: DueDate | null | undefined): boolean {
  return due != null && laterSet.has(due);
}
