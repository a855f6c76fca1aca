/**
 * Planning allowances that no authority publishes. Each is labelled advice with the reason, and
 * every message that relies on one says so.
 */

/** Days for a USMLE result (or a Pathway decision) to reach ECFMG and NRMP. */
export const SCORE_REPORTING_DAYS = 28;
export const SCORE_REPORTING_SOURCE =
  "advice: the fact sheet gives no USMLE score-reporting or Pathway review time; 28 days is a cautious allowance";

/** Days for ECFMG to verify the diploma with the school after graduation. */
export const DIPLOMA_VERIFICATION_DAYS = 45;
export const DIPLOMA_VERIFICATION_SOURCE =
  "advice: ECFMG verifies the diploma with the school after graduation (http://www.ecfmg.org/certification/how-the-certification-process-works.html) but publishes no duration; 45 days is a cautious allowance";

/** FSMB processes a Step 3 application in about two weeks (official). */
export const STEP3_PROCESSING_DAYS = 14;
export const STEP3_PROCESSING_SOURCE = "https://www.fsmb.org/step-3/step-3-information/";

/** A thank-you note is due within this many hours of the interview's start. */
export const THANK_YOU_WITHIN_HOURS = 48;
export const THANK_YOU_SOURCE =
  "advice: a short thank-you note within two days keeps you in the program's mind";

/** Urgency bands for next steps. */
export const URGENT_WITHIN_DAYS = 7;
export const SOON_WITHIN_DAYS = 30;

/** How close to a deadline a warning risk starts. */
export const WARNING_WITHIN_DAYS = 14;

/** Interview preparation advice, from the seed article. */
export const INTERVIEW_PREP_WHY =
  "Engage, don't recite: share real experiences, own your story as an IMG and ask questions tailored to the program (advice: seed article).";
export const INTERVIEW_THANK_YOU_WHY =
  "A brief thank-you note shows genuine interest in the program (advice: no authority sets this).";
