/**
 * The one-tap actions' names, apart from applicant-choices.ts so the link tokens that
 * carry one (links/link-token.ts) do not load the milestone catalog: every function that checks
 * an unsubscribe link would otherwise parse the catalog at cold start.
 */
import { CONSULAR_INTERVIEWS } from "./consular-interviews.ts";
import type { MilestoneKey } from "./snapshot.ts";

/**
 * One-tap actions on a step: done, scheduled for a date, snooze a few days, not for me, and
 * "start" (in progress) where taking part is itself an answer (START_RECORDS).
 */
export const STEP_ACTIONS = ["done", "schedule", "snooze", "waive", "start"] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** What an action records, in the applicant's words (button, question) and the advisor's. */
export interface ActionRecord {
  applicant: string;
  question: string;
  advisor: string;
  /** The action page's submit button, when "Yes, <applicant>" would not read. */
  confirm?: string;
}

/** What Done on one step means to the applicant told back (`told`) and, where it says more than finished, on its button (`record`). */
export interface DoneMeaning {
  told: string;
  record?: ActionRecord;
}

/**
 * What Done on a step means, in each voice, one record per step so a wording or a new step is made
 * in one place: `told`, what the applicant told us, for the pages that confirm it, after "You told
 * us " (told-answers.ts; every step has one); and `record`, where "done" means more than finished
 * (DONE_RECORDS), the button, question and advisor's words. There:
 * SOAP done is an accepted SOAP offer, binding as a match, so its button says so to the
 * applicant ("I accepted a SOAP offer") and to the advisor ("Mark SOAP: offer accepted"). A
 * Pathway is done when ECFMG accepts the application (the catalog's; a submitted one is in progress,
 * under review), so its Done says that, naming the application as the question "Have you submitted
 * your ECFMG Pathway application?" does, which offers it under a presumed Pathway. The J-1
 * sponsorship is done when the applicant's part is: the application complete in EVNet, the fee paid,
 * every document in; ECFMG's review is then the DS-2019's wait (the plan counts it there), so one
 * waiting on ECFMG is not chased as overdue. Keys,
 * not the catalog, as the action pages read them (their cold start stays off the catalog).
 */
export const DONE_MEANINGS: Readonly<Record<MilestoneKey, DoneMeaning>> = {
  wdoms_listing: { told: "you checked your school's ECFMG sponsor note in WDOMS" },
  ecfmg_application: { told: "you submitted your Application for ECFMG Certification" },
  usmle_step1: { told: "you passed USMLE Step 1" },
  usmle_step2ck: { told: "you passed USMLE Step 2 CK" },
  oet_medicine: { told: "you passed OET Medicine" },
  ecfmg_pathway: {
    told: "ECFMG accepted your Pathway application",
    record: {
      applicant: "ECFMG accepted my Pathway application",
      question: "Has ECFMG accepted your Pathway application?",
      advisor: "ECFMG Pathway: application accepted",
    },
  },
  ecfmg_certification: { told: "ECFMG issued your certificate" },
  usce: { told: "you have your US clinical experience" },
  research: { told: "you have your research experience" },
  lors: { told: "your letters of recommendation are uploaded" },
  personal_statement: { told: "your personal statement is written" },
  cv: { told: "your CV (your ERAS experiences) is ready" },
  program_list: { told: "your program list is built" },
  eras_token: { told: "you have your ERAS token" },
  eras_application: { told: "you submitted your ERAS application" },
  nrmp_registration: { told: "you registered for the NRMP Main Residency Match" },
  rank_order_list: { told: "you certified your rank order list" },
  // Match Week done is Monday's answer "matched" (its card asks it beside SOAP's START_RECORDS answer).
  match_week: {
    told: "you matched",
    record: {
      applicant: "Matched",
      question: "Did NRMP tell you on Monday of Match Week that you matched?",
      advisor: "Match Week: matched",
      confirm: "Yes, I matched",
    },
  },
  soap: {
    told: "you accepted a SOAP offer",
    record: {
      applicant: "I accepted a SOAP offer",
      question: "Did you accept a SOAP offer in R3?",
      advisor: "SOAP: offer accepted",
    },
  },
  match_day: { told: "R3 shows you where you matched" },
  contract: { told: "you signed your program's contract" },
  usmle_step3: { told: "you passed USMLE Step 3" },
  j1_statement_of_need: { told: "you have your Statement of Need from your Ministry of Health" },
  j1_ecfmg_sponsorship: {
    told: "you completed your ECFMG J-1 application: fee paid, every document in",
    record: {
      applicant: "I completed my J-1 application: fee paid, every document in",
      question:
        "Have you completed your ECFMG J-1 application in EVNet, with the fee paid and every document in?",
      advisor: "J-1 sponsorship: application complete, ECFMG reviewing",
    },
  },
  j1_ds2019: { told: "you received your DS-2019" },
  // A visa step's Done is the visa issued, not the interview booked (Scheduled for… records that).
  visa_j1: {
    told: "the consulate issued your J-1 visa",
    record: {
      applicant: "My J-1 visa was issued",
      question: "Has the consulate issued your J-1 visa?",
      advisor: "J-1 visa: issued",
    },
  },
  // The petition's Done is USCIS's approval, not the filing ("Filed on…", START_RECORDS, records that).
  visa_h1b: {
    told: "USCIS approved your H-1B petition",
    record: {
      applicant: "USCIS approved it",
      question: "Has USCIS approved your H-1B petition?",
      advisor: "H-1B petition: approved",
      confirm: "Yes, USCIS approved it",
    },
  },
  visa_h1b_stamping: {
    told: "the consulate issued your H-1B visa",
    record: {
      applicant: "My H-1B visa was issued",
      question: "Has the consulate issued your H-1B visa?",
      advisor: "H-1B visa stamping: issued",
    },
  },
  budget: { told: "you have planned your budget" },
};

/** The steps whose Done says more than finished, with its words (DONE_MEANINGS' records). */
export const DONE_RECORDS: Readonly<Partial<Record<string, ActionRecord>>> = Object.fromEntries(
  Object.entries(DONE_MEANINGS).flatMap(([key, meaning]) =>
    meaning.record === undefined ? [] : [[key, meaning.record]],
  ),
);

/**
 * Why Done is refused before the booked day `day` (rendered): "Your exam is on …: mark it done once
 * you have sat it and have your passing result", or, for a visa step, once the visa is issued.
 */
export function bookedDayRefusal(milestone: string, day: string): string {
  const interview = CONSULAR_INTERVIEWS.get(milestone);
  return interview === undefined
    ? `Your exam is on ${day}. Mark it done once you have sat it and have your passing result: Done before then would record a pass you do not have yet`
    : `Your ${interview} is on ${day}. Mark this step done once the consulate has issued your visa: Done before then would record a visa you do not have yet`;
}

/** What to do if the booked day moved, under bookedDayRefusal on the action page. */
export function bookedDayMoved(milestone: string): string {
  return !CONSULAR_INTERVIEWS.has(milestone)
    ? "If your exam day moved, use Scheduled for… to give the new day. If you sat it earlier than that, send your intake form again with the day you sat it, or ask your advisor."
    : "If your interview moved, use Scheduled for… to give the new day. If the consulate has already issued your visa, send your intake form again with the day it was issued, or ask your advisor.";
}

/**
 * What "start" (in progress) records: SOAP in progress is Monday's answer "not matched, taking part
 * in SOAP", offered on Match Week's card beside its Done ("Matched") from NRMP's release until
 * SOAP ends, so an unmatched applicant answers in one tap and the plan turns to SOAP at once.
 * The H-1B petition in progress is its filing, with the day (DATED_STARTS): the plan counts USCIS's
 * wait from it, where a Done (the approval) tapped on filing would drop that wait.
 */
export const START_RECORDS: Readonly<Partial<Record<string, ActionRecord>>> = {
  soap: {
    applicant: "Not matched: I'm in SOAP",
    question: "Did NRMP tell you that you did not match, and are you taking part in SOAP?",
    advisor: "SOAP: in progress (not matched)",
    confirm: "Yes, I'm in SOAP",
  },
  visa_h1b: {
    applicant: "Filed on…",
    question: "On which day did your program file your H-1B petition with USCIS?",
    advisor: "H-1B petition: filed",
    confirm: "Save the filing day",
  },
};

/** The steps whose "start" records a day that has passed, with it: the petition's filing day. */
export const DATED_STARTS: ReadonlySet<string> = new Set(["visa_h1b"]);

/** What `action` records on `milestone` when it says more than its plain label (DONE_RECORDS, START_RECORDS). */
export function actionRecord(milestone: string, action: StepAction): ActionRecord | undefined {
  return action === "done"
    ? DONE_RECORDS[milestone]
    : action === "start"
      ? START_RECORDS[milestone]
      : undefined;
}

/**
 * Whether a step's recorded status already answers an action, leaving nothing to change: Done on a
 * done step, Not for me on a waived or done one, In progress on one in progress or done, Scheduled
 * for… or Snooze on a step done or not for the applicant. Both sides of an action link decide on it:
 * the GET says "already recorded … Nothing was changed", and the POST, on the step as stored when it
 * writes, answers the same and writes nothing, whichever link (email, timeline) carried the action.
 * A Not for me from an email sent before the step was done must not undo it: SOAP done is an accepted
 * offer, binding, and a stray tap would move the plan to the next Match and drop the position's visa
 * steps (the one exception, the "matched" way out of MATCH_WEEK_SOAP_CONFLICT, is the caller's:
 * matchedWayOut).
 */
export function alreadyAnswered(action: StepAction, status: string | undefined): boolean {
  if (action === "done") return status === "done";
  if (action === "waive") return status === "waived" || status === "done";
  if (action === "start") return status === "in_progress" || status === "done";
  return status === "done" || status === "waived";
}
