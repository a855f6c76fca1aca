/**
 * The one-tap actions' names (issue 14), apart from applicant-choices.ts so the link tokens that
 * carry one (links/link-token.ts) do not load the milestone catalog: every function that checks
 * an unsubscribe link would otherwise parse the catalog at cold start.
 */

/** One-tap actions on a step: done, scheduled for a date, snooze a few days, not for me. */
export const STEP_ACTIONS = ["done", "schedule", "snooze", "waive"] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
