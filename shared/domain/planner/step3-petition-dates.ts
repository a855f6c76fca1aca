import type { DueDate } from "./deadlines.ts";

/**
 * The due dates the planner made for Step 3 on the H-1B track in place of the catalog's: "petition",
 * step3DueNow's (step3-after-ranking.ts) after ranking, dated for the H-1B petition; "later", before
 * ranking, the rank order list deadline's later candidate's sit-by day (step3-later-candidate.ts).
 * So the step's words and the apply-by reminders (step3-apply-by.ts) know them.
 * Its own module so neither of those two files imports the other at run time (layers.test.ts). One
 * map, so the words every step's card asks about cost one look-up.
 */
const kinds = new WeakMap<DueDate, Step3DueKind>();

/**
 * Which of the planner's own Step 3 dates a due date is (see `kinds`). Before ranking, abroad, the
 * days that hold only for an applicant who already holds a visitor visa: "held",
 * the projected deadline's last sitting day; "heldLater", the later candidate's sit-by day.
 */
export type Step3DueKind = "petition" | "later" | "held" | "heldLater";

/** Records `due` as a date step3DueNow made. */
export function markPetitionDue(due: DueDate): void {
  kinds.set(due, "petition");
}

/** Records `due` as a later candidate's sit-by day (laterSitByDue), or one of the visa-held days. */
export function markLaterCandidateDue(due: DueDate, kind: "later" | "held" | "heldLater" = "later"): void {
  kinds.set(due, kind);
}

/** Which of the two `due` is, or undefined for any other date (one look-up). */
export function step3DueKind(due: DueDate | null | undefined): Step3DueKind | undefined {
  return due == null ? undefined : kinds.get(due);
}

/**
 * The H-1B petition's own date (visa_h1b's due date) when Step 3, sat, is due by it: its result must
 * reach the program by then (petitionDateDue, step3-petition.ts). Apart from `kinds`, whose readers
 * take each kind for a day to sit by.
 */
const petitionDates = new WeakSet<DueDate>();

/** Records `due` (visa_h1b's due date) as the petition's date a sat Step 3 is due by. */
export function markPetitionDate(due: DueDate): void {
  petitionDates.add(due);
}

/** Whether `due` is the petition's date a sat Step 3 is due by (markPetitionDate). */
export function isPetitionDate(due: DueDate | null | undefined): boolean {
  return due != null && petitionDates.has(due);
}
