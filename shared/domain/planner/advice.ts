import { catalogEntry } from "../catalog/index.ts";

/**
 * Planning allowances that no authority publishes. Each is labelled advice with the reason, and
 * every message that relies on one says so.
 */

/**
 * Days for a USMLE result to reach ECFMG and NRMP, the cautious end: "most ... scores are reported
 * within four weeks of testing" (ECFMG, official). Also used for a Pathway decision (no time found).
 * One definition: the catalog's USMLE `reportingDays` (the exams' status texts and BOOKED_AFTER_TARGET
 * read it there), so the risks' "up to 28 days" and the steps' "about 4 weeks" cannot drift apart.
 */
export const SCORE_REPORTING_DAYS: number = usmleReportingDays();
function usmleReportingDays(): number {
  const days = catalogEntry("usmle_step2ck").reportingDays?.days;
  if (days === undefined) throw new Error("the catalog's usmle_step2ck has no reportingDays");
  return days;
}
export const SCORE_REPORTING_SOURCE =
  "https://www.ecfmg.org/news/2021/09/02/step-3-scheduled-delay-in-score-reporting/ (most USMLE scores are reported within four weeks of testing)";

/** The fastest realistic booking of an exam already prepared for: a test-centre seat within a week. */
export const EXAM_BOOKING_DAYS = 7;
export const EXAM_BOOKING_SOURCE =
  "advice: an applicant already preparing can usually find a test-centre seat within about a week; seats vary by centre";

/**
 * OET Medicine is sat on fixed session dates, not on demand at a test centre, so the USMLE seat week
 * is not its lead time. facts.md and the catalog give no OET booking
 * time; OET's own page for its Sat 8 Apr 2017 session closed applications on 19 Mar, 20 days before,
 * so 20 days is our allowance (advice from that old example). A longer guess would write a Match off
 * days before OET itself stops taking bookings; the words send the applicant to OET's own calendar.
 */
export const OET_BOOKING_DAYS = 20;
export const OET_BOOKING_SOURCE =
  "advice: OET Medicine is sat on fixed session dates, and each session's applications close ahead of it: 20 days before for OET's Sat 8 Apr 2017 session (https://www.occupationalenglishtest.org/test-dates/saturday-8-april-2017/, an old example; current sessions may close earlier): check OET's session calendar";

/** The booking allowance of a ranking exam (advice): OET_BOOKING_DAYS for OET Medicine, else EXAM_BOOKING_DAYS. */
export function bookingDaysOf(key: string): number {
  return key === "oet_medicine" ? OET_BOOKING_DAYS : EXAM_BOOKING_DAYS;
}

/** bookingDaysOf's source (advice). */
export function bookingSourceOf(key: string): string {
  return key === "oet_medicine" ? OET_BOOKING_SOURCE : EXAM_BOOKING_SOURCE;
}

/** Days for ECFMG to verify the diploma with the school after graduation. */
export const DIPLOMA_VERIFICATION_DAYS = 45;
export const DIPLOMA_VERIFICATION_SOURCE =
  "advice: ECFMG verifies the diploma with the school after graduation (http://www.ecfmg.org/certification/how-the-certification-process-works.html) but publishes no duration; 45 days is a cautious allowance";

/**
 * FSMB's scheduling permit for Step 3 comes about two weeks after the application (official:
 * "approximately 2 weeks (7-10 business days)"), and the application needs the ECFMG certificate.
 */
export const STEP3_PROCESSING_DAYS = 14;
export const STEP3_PROCESSING_SOURCE =
  "https://www.fsmb.org/step-3/step-3-information/ (processing from the application to the scheduling permit is approximately 2 weeks; an IMG applies with the ECFMG certificate)";

/**
 * FSMB: "It can take up to 12 weeks after you graduate for FSMB to verify your graduation with your
 * medical school" (official, same page). The 12 weeks run from the graduation date, not from the
 * application or the certificate: no scheduling permit before graduation plus 12 weeks, whatever
 * the certificate's status. When unsure, plan for the whole 12 weeks.
 */
export const STEP3_GRADUATION_VERIFICATION_DAYS = 84;
export const STEP3_GRADUATION_VERIFICATION_SOURCE =
  "https://www.fsmb.org/step-3/step-3-information/ (it can take up to 12 weeks after you graduate for FSMB to verify your graduation with your medical school)";

/**
 * The one sentence (leading space) said beside every Step 3 day to apply to FSMB by and every "there
 * is still time" (step3FsmbTimeWords): those days count FSMB's usual two weeks, but FSMB may need up
 * to 12 weeks to verify graduation (both official, STEP3_FSMB_TIME_SOURCES), so a day to apply by
 * is a last day, never a promise that the time left is enough. Its opening, the same for every text.
 */
export const STEP3_FSMB_TIME_WORDS = ` FSMB's processing takes about ${STEP3_PROCESSING_DAYS / 7} weeks, but FSMB says it may need up to ${STEP3_GRADUATION_VERIFICATION_DAYS / 7} weeks to verify your graduation, so apply`;

/** Step 3's lead in plain words, for a risk's sentence (its sources: STEP3_PROCESSING_SOURCE, EXAM_BOOKING_SOURCE). */
export function step3LeadWords(): string {
  return `about ${STEP3_PROCESSING_DAYS} days of FSMB processing and about ${EXAM_BOOKING_DAYS} days to a US test date`;
}

/**
 * STEP3_FSMB_TIME_WORDS whole: "so apply now", or while the ECFMG certificate is pending (`certified`
 * false; FSMB takes no Step 3 application without it) the day it is issued, never before.
 */
export function step3FsmbTimeWords(certified: boolean): string {
  return `${STEP3_FSMB_TIME_WORDS} ${certified ? "now" : "the day your ECFMG certificate is issued"}.`;
}

/** `text` without its step3FsmbTimeWords sentence when `before`, said first on the same card, has it. */
export function fsmbTimeSaidOnce(before: string, text: string): string {
  if (!before.includes(STEP3_FSMB_TIME_WORDS)) return text;
  return text.replace(step3FsmbTimeWords(true), "").replace(step3FsmbTimeWords(false), "");
}
/** The figures STEP3_FSMB_TIME_WORDS names, for a risk's sources. */
export const STEP3_FSMB_TIME_SOURCES: readonly string[] = [
  STEP3_PROCESSING_SOURCE,
  STEP3_GRADUATION_VERIFICATION_SOURCE,
];

/**
 * Days allowed for a consular interview abroad (advice): the US visitor visa (B-1/B-2) before the
 * trip to sit Step 3, which is offered only in the US (FSMB, official), and the H-1B stamping, whose
 * approved petition is due this many days before it (the catalog's visa_h1b due rule and the
 * stamping's lead time; a test holds them equal). The fact sheet has no figure: the wait differs by
 * consulate, visa class and month, and in some posts it is far longer. 60 days is a planning
 * allowance, not a rule: the applicant checks their own post. The J-1 chain keeps a month
 * (J1_CONSULAR_ALLOWANCE_DAYS): between Match Day and the start date it cannot hold ECFMG's review
 * and this allowance both.
 */
export const CONSULAR_WAIT_DAYS = 60;

/**
 * What follows the H-1B petition's filing (the visa_h1b date, which Step 3 counts back from): USCIS
 * decides an I-129 with premium processing, which the employer asks and pays for, within 15
 * business days (official), so the approval, and the consular interview booked with it, comes about
 * three weeks after the filing; regular processing takes months. Before filing, the program needs
 * DOL's certified Labor Condition Application, which DOL certifies within 7 working days (official).
 */
export const PETITION_PREMIUM_BUSINESS_DAYS = 15;
/** PETITION_PREMIUM_BUSINESS_DAYS in calendar days: three weeks of five business days. */
export const PETITION_PREMIUM_DAYS = 21;
export const LCA_CERTIFICATION_WORKING_DAYS = 7;
export const PETITION_PREMIUM_SOURCE =
  "https://www.uscis.gov/forms/all-forms/how-do-i-request-premium-processing (USCIS: premium processing of Form I-129 within 15 business days; secondary, 2024: https://cilawgroup.com/news/2024/09/01/premium-processing-requests-on-form-i-907-eligible-petitions-fees-and-processing-times)";
export const LCA_CERTIFICATION_SOURCE =
  "https://www.ecfr.gov/current/title-20/chapter-V/part-655/subpart-H/section-655.740 (20 CFR 655.740(a): DOL certifies a complete Labor Condition Application within 7 working days of its filing) and 8 CFR 214.2(h)(4)(i)(B)(1) (the employer obtains the certified LCA before filing an H-1B petition; quoted at https://legalservicesincorporated.com/immigration/can-i-file-my-h-1b-petition-without-a-certified-labor-condition-application/)";
export const GLOBAL_VISA_WAIT_TIMES_URL =
  "https://travel.state.gov/content/travel/en/us-visas/visa-information-resources/global-visa-wait-times.html";
/** Why the allowance is advice: one caveat, told the same way for every trip that needs a visitor visa. */
const VISITOR_VISA_WAIT_CAVEAT = `no authority gives one wait for its interview, which differs by consulate (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}); ${CONSULAR_WAIT_DAYS} days is an allowance to check against your own post`;
export const VISITOR_VISA_WAIT_SOURCE = `advice: Step 3 is offered only in the US (https://www.fsmb.org/step-3/step-3-information/), so an applicant abroad travels on a visitor visa (B-1/B-2); ${VISITOR_VISA_WAIT_CAVEAT}`;
/**
 * The same allowance and caveat for the trip to an in-person interview in the US:
 * the applicant abroad needs a visitor visa to attend, or a virtual interview instead (advice).
 */
export const INTERVIEW_VISITOR_VISA_SOURCE = `advice: an applicant abroad travels to an in-person interview in the US on a visitor visa (B-1/B-2), or asks the program whether a virtual interview is possible; ${VISITOR_VISA_WAIT_CAVEAT}`;

/** A thank-you note is due by the end of this many days after the interview's day, in the applicant's zone. */
export const THANK_YOU_WITHIN_DAYS = 2;
export const THANK_YOU_SOURCE =
  "advice: a short thank-you note within two days keeps you in the program's mind";

/**
 * Days after programs begin reviewing ERAS applications by which most interview invitations have
 * gone out (advice): NRMP says interviews "take place throughout the fall and early winter", and the
 * invitations come before them; two months after review starts is the cautious reading.
 */
export const INTERVIEW_INVITATIONS_MOSTLY_OUT_DAYS = 60;
export const INTERVIEW_SEASON_SOURCES: readonly string[] = [
  "https://www.prnewswire.com/news-releases/nrmp-anticipates-exciting-2026-match-week-as-residency-applicants-and-programs-prepare-for-match-day-302708601.html (interviews take place throughout the fall and early winter)",
  "advice: most interview invitations are out about two months after programs start reviewing; an application after that reaches only programs with interview places left, so weigh applying early for the next Match",
];

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

/**
 * Days between reminders once a step's early deadline has passed and a later one still holds
 * (NRMP late registration, with its late fee, until the rank order list deadline, where ten weeks
 * could otherwise pass without a reminder). Every two weeks: the fee is already due, and programs
 * may certify their lists before the applicant appears in R3.
 */
export const AFTER_EARLY_DEADLINE_EVERY_DAYS = 14;
/**
 * The same, for an applicant interviewing for the Match who has not registered with NRMP:
 * weekly, then the `late-registration-interviewing` ladder takes over three weeks before
 * the late deadline. Without registration they cannot certify a rank order list, so cannot match.
 */
export const AFTER_EARLY_DEADLINE_INTERVIEWING_EVERY_DAYS = 7;
/** The ladder laid against the late deadline for such an applicant (reminder-ladders.json). */
export const AFTER_EARLY_DEADLINE_INTERVIEWING_LADDER = "late-registration-interviewing";
export const AFTER_EARLY_DEADLINE_SOURCE =
  "advice: once the early deadline has passed the step costs more and programs may rank without you, so a reminder at most two weeks apart until the late deadline's own reminders begin";

/**
 * Days between reminders about a step whose target has passed while its hard deadline is ahead
 * (without them an early starter would hear nothing about Step 1 for eight months after its
 * target). About monthly: the step stays in view without weekly mail for a deadline months away.
 */
export const AFTER_TARGET_EVERY_DAYS = 28;
/**
 * The same for an exam ranking needs (catalog `neededForRanking`) not yet booked, for an applicant
 * interviewing for the Match: weekly, with a notice a week before its last sitting
 * day between the hard deadline's two-week and three-day rungs, until it is booked or that day has
 * passed. The exam is what keeps them in the Match they are interviewing for.
 */
export const UNBOOKED_RANKING_EXAM_EVERY_DAYS = 7;
export const UNBOOKED_RANKING_EXAM_SOURCE =
  "advice: an interviewing applicant is withdrawn from the Match unless this exam's result reaches ECFMG by the rank order list deadline, so a reminder at least weekly until it is booked";
export const AFTER_TARGET_SOURCE =
  "advice: a step past its target is still the applicant's to do; a reminder at most four weeks apart until the hard deadline's own reminders begin keeps it in view without flooding the inbox";
