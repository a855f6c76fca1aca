import type { MilestoneKey } from "./snapshot.ts";
import { DONE_MEANINGS } from "./step-actions.ts";

/**
 * What an applicant told us by a tap, in her words, for the pages that confirm it: "You told us you
 * passed USMLE Step 2 CK", not "Pass USMLE Step 2 CK is marked done" (the step's title, an
 * instruction, read back as if the step were the answer). The words are Done's own (DONE_MEANINGS,
 * beside its button's and the advisor's). Pure.
 */

/** The day a step with "Scheduled for…" was booked for: the exam or the interview it is. */
const SCHEDULED_WHAT: Readonly<Partial<Record<MilestoneKey, string>>> = {
  usmle_step1: "your USMLE Step 1 exam",
  usmle_step2ck: "your USMLE Step 2 CK exam",
  oet_medicine: "your OET Medicine test",
  usmle_step3: "your USMLE Step 3 exam",
  visa_j1: "your J-1 visa interview",
  visa_h1b_stamping: "your H-1B visa interview",
};

/** "you told us you passed USMLE Step 1" for a recorded Done on `milestone`; `title`'s words for a key not in the list. */
export function doneAnswer(milestone: string, title: string): string {
  const told = DONE_MEANINGS[milestone as MilestoneKey]?.told;
  return told === undefined ? `${title} is marked done` : `you told us ${told}`;
}

/** doneAnswer as a sentence: "You told us you passed USMLE Step 1." */
export function doneTold(milestone: string, title: string): string {
  const answer = doneAnswer(milestone, title);
  return `${answer.charAt(0).toUpperCase()}${answer.slice(1)}.`;
}

/**
 * "You told us your USMLE Step 2 CK exam is on Tue 3 Nov 2026." for a Scheduled for… on `milestone`
 * booked for `day` (rendered), or with no day "… is booked"; `title`'s words for a step not in the list.
 */
export function scheduleTold(milestone: string, title: string, day: string | undefined): string {
  const what = SCHEDULED_WHAT[milestone as MilestoneKey];
  if (what === undefined) return `${title} is scheduled${day === undefined ? "" : ` for ${day}`}.`;
  return `You told us ${what} is ${day === undefined ? "booked" : `on ${day}`}.`;
}

/** What a dated "start" told us (DATED_STARTS), after "You told us ": the H-1B petition's filing. */
const STARTED_WHAT: Readonly<Partial<Record<MilestoneKey, string>>> = {
  visa_h1b: "your program filed your H-1B petition",
};

/**
 * What a dated "start" (DATED_STARTS) told us: "you told us your program filed your H-1B petition on
 * Tue 20 Apr 2027", or with no day "… filed …"; `title` marked in progress for any other step.
 */
export function startAnswer(milestone: string, title: string, day: string | undefined): string {
  const what = STARTED_WHAT[milestone as MilestoneKey];
  if (what === undefined) return `${title} is marked in progress`;
  return `you told us ${what}${day === undefined ? "" : ` on ${day}`}`;
}

/** startAnswer as a sentence: "You told us your program filed your H-1B petition on Tue 20 Apr 2027." */
export function startTold(milestone: string, title: string, day: string | undefined): string {
  const answer = startAnswer(milestone, title, day);
  return `${answer.charAt(0).toUpperCase()}${answer.slice(1)}.`;
}
