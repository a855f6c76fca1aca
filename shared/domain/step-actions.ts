/**
 * The one-tap actions' names (issue 14), apart from applicant-choices.ts so the link tokens that
 * carry one (links/link-token.ts) do not load the milestone catalog: every function that checks
 * an unsubscribe link would otherwise parse the catalog at cold start.
 */

/** One-tap actions on a step: done, scheduled for a date, snooze a few days, not for me. */
export const STEP_ACTIONS = ["done", "schedule", "snooze", "waive"] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * What Done records on a step where "done" means more than finished:
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
export const DONE_RECORDS: Readonly<
  Partial<Record<string, { applicant: string; question: string; advisor: string }>>
> = {
  soap: {
    applicant: "I accepted a SOAP offer",
    question: "Did you accept a SOAP offer in R3?",
    advisor: "SOAP: offer accepted",
  },
  ecfmg_pathway: {
    applicant: "ECFMG accepted my Pathway application",
    question: "Has ECFMG accepted your Pathway application?",
    advisor: "ECFMG Pathway: application accepted",
  },
  j1_ecfmg_sponsorship: {
    applicant: "I completed my J-1 application: fee paid, every document in",
    question:
      "Have you completed your ECFMG J-1 application in EVNet, with the fee paid and every document in?",
    advisor: "J-1 sponsorship: application complete, ECFMG reviewing",
  },
};

/**
 * Whether a step's recorded status already answers an action, leaving nothing to change: Done on a
 * done step, Not for me on a waived one, Scheduled for… or Snooze on a step done or not for the
 * applicant. Both sides of an action link decide on it: the GET says
 * "already recorded … Nothing was changed", and the POST, on the step as stored when it writes,
 * answers the same and writes nothing, whichever link (email, timeline) carried the action.
 */
export function alreadyAnswered(action: StepAction, status: string | undefined): boolean {
  if (action === "done") return status === "done";
  if (action === "waive") return status === "waived";
  return status === "done" || status === "waived";
}
