import type { MilestoneKey } from "./snapshot.ts";

/**
 * What an applicant told us by a tap, in her words, for the pages that confirm it: "You told us you
 * passed USMLE Step 2 CK", not "Pass USMLE Step 2 CK is marked done" (the step's title, an
 * instruction, read back as if the step were the answer). Keys, not the catalog, as the
 * action pages' cold start stays off it (step-actions.ts). Pure.
 */

/** What Done on each step says the applicant told us, after "You told us ". Every key has one. */
const DONE_TOLD: Readonly<Record<MilestoneKey, string>> = {
  wdoms_listing: "you checked your school's ECFMG sponsor note in WDOMS",
  ecfmg_application: "you submitted your Application for ECFMG Certification",
  usmle_step1: "you passed USMLE Step 1",
  usmle_step2ck: "you passed USMLE Step 2 CK",
  oet_medicine: "you passed OET Medicine",
  ecfmg_pathway: "ECFMG accepted your Pathway application",
  ecfmg_certification: "ECFMG issued your certificate",
  usce: "you have your US clinical experience",
  research: "you have your research experience",
  lors: "your letters of recommendation are uploaded",
  personal_statement: "your personal statement is written",
  cv: "your CV (your ERAS experiences) is ready",
  program_list: "your program list is built",
  eras_token: "you have your ERAS token",
  eras_application: "you submitted your ERAS application",
  nrmp_registration: "you registered for the NRMP Main Residency Match",
  rank_order_list: "you certified your rank order list",
  match_week: "you matched",
  soap: "you accepted a SOAP offer",
  match_day: "R3 shows you where you matched",
  contract: "you signed your program's contract",
  usmle_step3: "you passed USMLE Step 3",
  j1_statement_of_need: "you have your Statement of Need from your Ministry of Health",
  j1_ecfmg_sponsorship: "you completed your ECFMG J-1 application: fee paid, every document in",
  j1_ds2019: "you received your DS-2019",
  visa_j1: "the consulate issued your J-1 visa",
  visa_h1b: "USCIS approved your H-1B petition",
  visa_h1b_stamping: "the consulate issued your H-1B visa",
  budget: "you have planned your budget",
};

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
  const told = DONE_TOLD[milestone as MilestoneKey];
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
