import { catalogEntry, FEES } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { renderDate } from "../time.ts";
import {
  EXAM_BOOKING_DAYS,
  EXAM_BOOKING_SOURCE,
  LCA_CERTIFICATION_SOURCE,
  PETITION_PREMIUM_SOURCE,
  STEP3_FSMB_TIME_SOURCES,
  STEP3_GRADUATION_VERIFICATION_DAYS,
  STEP3_GRADUATION_VERIFICATION_SOURCE,
  STEP3_PROCESSING_DAYS,
  step3LeadWords,
  VISITOR_VISA_WAIT_SOURCE,
} from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { isRetake } from "./failed-score.ts";
import { livesOutsideUs, type Step3Chain } from "./h1b.ts";
import { addSource } from "./risk-sources.ts";

// The words and sources both H-1B risks use (STEP3_NEEDED_FOR_H1B in step3-risk.ts, VISA_UNDECIDED
// in h1b-risk.ts): a leaf, so neither risk module imports the other.

/**
 * The one source for "an H-1B for residency needs Steps 1, 2 and 3": HHS's 1992 determination that
 * USMLE Steps 1, 2 and 3 are the FLEX-equivalent exam INA 212(j)(2) requires, the catalog's own
 * usmle_step3 `why` source. Every risk that says so cites it.
 */
export const H1B_STEPS_SOURCE = `${catalogEntry("usmle_step3").why.source} (HHS: USMLE Steps 1, 2 and 3 are the exam an H-1B physician needs, INA 212(j)(2))`;

/**
 * Why ranking on H-1B needs Step 3 before the rank-list deadline; its sources are H1B_STEPS_SOURCE
 * (whyBeforeRanking adds it) and WHEN_PROGRAMS_DECIDE.
 */
export const WHY_BEFORE_RANKING =
  "an H-1B for residency needs Steps 1, 2 and 3 passed, and programs decide whether to rank an applicant who needs an H-1B before the rank order list deadline";

/** WHY_BEFORE_RANKING, citing HHS (H1B_STEPS_SOURCE) in `sources`. */
export function whyBeforeRanking(sources: string[]): string {
  addSource(sources, H1B_STEPS_SOURCE);
  return WHY_BEFORE_RANKING;
}
export const WHEN_PROGRAMS_DECIDE =
  "advice: programs decide on H-1B applicants before the rank order list deadline; one program's rule asks for all three Steps by Match Day: https://residency.dom.pitt.edu/visa-guidelines/";
/** Why the trip: its visa is already in the message's chain (the visitor-visa allowance), so it is not said again. */
const STEP3_ONLY_IN_US = " Step 3 is offered only in the US: plan the trip.";

/** The State Department's visa pages: which visa a trip to sit Step 3 (or to an interview) needs (the visitor visa is advice). */
export const US_VISAS_URL = "https://travel.state.gov/content/travel/en/us-visas.html";

/**
 * The trip's visa sentence (leading space) for an applicant abroad, citing the State Department's
 * visa pages; "" for one whose zone is in the US, who makes no trip.
 */
export function tripVisa(context: PlanContext, sources: string[]): string {
  if (!livesOutsideUs(context)) return "";
  addSource(sources, US_VISAS_URL);
  return STEP3_ONLY_IN_US;
}

/**
 * What ranking on a J-1 instead takes, from the fee table and the J-1 facts (facts.md). Made once:
 * it reads only static data, and searching the fee table per plan showed in the planner's profile.
 * Its sources are J1_SOURCES.
 */
export const J1_ALTERNATIVE = j1Alternative();
/** J1_ALTERNATIVE beside an H-1B still in reach on the later candidate: J-1 programs too. */
export const J1_ALTERNATIVE_TOO = J1_ALTERNATIVE.replace(
  "Rank programs that offer a J-1 instead:",
  "Rank programs that offer a J-1 too, either way:",
);
export const J1_SOURCES = [
  "http://www.ecfmg.org/evsp/index.html (ECFMG is the only sponsor of J-1 physicians in clinical training)",
  "https://ecfmg.org/evsp/application-process.html (the J-1 steps after the Match)",
  "INA 212(e): the two-year home-country physical presence requirement and its waivers",
];
/**
 * What governs an H-1B petition and its stamping, for a risk about an H-1B applicant's visa steps
 * (facts.md: H-1B I-129; the catalog's petition and stamping steps): USCIS's Form I-129 and its
 * premium processing, DOL's Labor Condition Application, the State Department's H visa. ECFMG,
 * the J-1's sponsor, has no part in it.
 */
export const H1B_SOURCES = [
  "http://www.uscis.gov/forms/h-and-l-filing-fees-form-i-129-petition-nonimmigrant-worker (the employer's H-1B petition, Form I-129)",
  PETITION_PREMIUM_SOURCE,
  LCA_CERTIFICATION_SOURCE,
  "https://travel.state.gov/content/travel/en/us-visas/employment/temporary-worker-visas.html (the H-1B visa at a US consulate)",
];
function j1Alternative(): string {
  const sponsorship = FEES.find((fee) => fee.key === "j1_sponsorship");
  const fee = sponsorship?.kind === "flat" ? ` ($${sponsorship.amountUsd}, paid each training year)` : "";
  return `Rank programs that offer a J-1 instead: ${j1Chain(fee)} Ask your advisor to switch your visa track to J-1 so this plan follows it.`;
}

/** What a J-1 is and takes after the Match (J1_SOURCES), with the sponsorship fee's words. */
function j1Chain(fee: string): string {
  return `ECFMG is the only sponsor of J-1 physicians in clinical training and a J-1 needs no Step 3. After the Match it takes your ECFMG certificate before orientation, a Statement of Need from your home country's Ministry of Health, ECFMG's J-1 sponsorship application${fee}, the DS-2019 and a J-1 visa interview; a J-1 physician owes two years in the home country before an H visa or a green card unless that is waived, for example through Conrad 30.`;
}

/** The J-1 route for an applicant who has not chosen one (visaUndecidedRisks); sources J1_SOURCES. */
export const J1_ROUTE = (() => {
  const sponsorship = FEES.find((fee) => fee.key === "j1_sponsorship");
  return j1Chain(sponsorship?.kind === "flat" ? ` ($${sponsorship.amountUsd}, paid each training year)` : "");
})();

/**
 * The lead to a Step 3 date (FSMB, official; a test date, advice), citing its source in `sources`
 * when a message uses it.
 */
export function leadCited(sources: string[]): string {
  addSource(sources, EXAM_BOOKING_SOURCE);
  return step3LeadWords();
}

/**
 * When FSMB's check of the graduation, not its two weeks of processing, sets the scheduling permit
 * (Step3Chain.byGraduation): the sentence that says so (leading space), citing FSMB's page; else "".
 */
export function graduationCited(context: PlanContext, sources: string[], chain: Step3Chain): string {
  if (!chain.byGraduation) return "";
  addSource(sources, STEP3_GRADUATION_VERIFICATION_SOURCE);
  return ` FSMB can take up to ${STEP3_GRADUATION_VERIFICATION_DAYS / 7} weeks after you graduate (${renderDate(context.applicant.graduation)}) to verify your graduation, so its scheduling permit can come around ${dayBy(context, chain.permitAt)} at the earliest.`;
}

/**
 * Step 3's chain in words, as step3ChainDaysWith counts it, citing its sources in `sources`: in the
 * US the lead (leadCited); abroad FSMB's processing with the visitor-visa allowance (`visaDays`)
 * beside it, then a US test date.
 */
export function chainCited(sources: string[], visaDays: number): string {
  if (visaDays === 0) return leadCited(sources);
  addSource(sources, EXAM_BOOKING_SOURCE);
  return `about ${STEP3_PROCESSING_DAYS} days of FSMB processing, with ${visaCited(sources, visaDays)} beside it, then about ${EXAM_BOOKING_DAYS} days to a US test date`;
}

/** The visitor-visa allowance in words (advice), citing its source in `sources`. */
export function visaCited(sources: string[], days: number): string {
  addSource(sources, VISITOR_VISA_WAIT_SOURCE);
  return `${visitorVisaAllowance(days)},`;
}

/** "60 days for a visitor visa (B-1/B-2) interview, an allowance to check against …": Step 3's and an interview's words. */
export function visitorVisaAllowance(days: number): string {
  return `${days} days for a visitor visa (B-1/B-2) interview, an allowance to check against your consulate's wait in the State Department's Global Visa Wait Times tool`;
}

/**
 * A risk's sources with FSMB's two figures (STEP3_FSMB_TIME_SOURCES) when its message says
 * STEP3_FSMB_TIME_WORDS (`said`: the caller put them there, so the message is not searched); a
 * copy, as the words' sources are shared between plans.
 */
export function fsmbTimeCited(said: boolean, sources: readonly string[]): string[] {
  if (!said) return sources as string[];
  const cited = [...sources];
  for (const source of STEP3_FSMB_TIME_SOURCES) addSource(cited, source);
  return cited;
}

/**
 * STEP3_NEEDED_FOR_H1B's warning after a failed Step 3 (SCORE_BELOW_PASSING beside it): the retake is
 * what is not booked, not a first sitting. `warning` unchanged when Step 3 is no retake (most plans:
 * no failed score at all, one length check).
 */
export function retakeWarning(context: PlanContext, warning: Risk): Risk {
  if (context.failedScores.length === 0 || !isRetake(context, "usmle_step3")) return warning;
  const message = warning.message.replace(
    /^Step 3 is not scheduled yet:/,
    "Your Step 3 retake is not booked yet:",
  );
  return { ...warning, message };
}
