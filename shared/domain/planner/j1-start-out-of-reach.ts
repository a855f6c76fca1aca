import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { renderDate, startOfLocalDate } from "../time.ts";
import {
  DIPLOMA_VERIFICATION_DAYS,
  DIPLOMA_VERIFICATION_SOURCE,
  GLOBAL_VISA_WAIT_TIMES_URL,
  SCORE_REPORTING_DAYS,
  SCORE_REPORTING_SOURCE,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { applicantDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import {
  CERTIFIED_TO_START_URL,
  diplomaVerifiedAt,
  earliestCertification,
} from "./earliest-certification.ts";
import {
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_CONSULAR_ALLOWANCE_SOURCE,
  J1_ECFMG_REVIEW_SHORTEST_DAYS,
  J1_FILE_TO_VISA_DAYS,
  visaDayFrom,
} from "./j1-allowances.ts";
import { CERTIFICATE_FIRST, j1ReviewStart, startDay } from "./j1-review-start.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { residencyAhead } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource } from "./risk-sources.ts";
import { lateVisaAtWords } from "./visa-moved-past-start.ts";

// A matched J-1 applicant whose J-1 visa, by the plan's own allowances, comes after residency
// starts: the J-1 visa can come no sooner than the DS-2019, which ECFMG issues at the end of its
// review of the sponsorship, which starts only once every document is in (the application complete)
// and the certificate is valid (ECFMG sponsors a J-1 physician only with one); the consular interview
// follows the DS-2019. When the certificate (a graduation in May, say), the sponsorship completed late
// or not complete yet puts that visa after residency starts, a start on the program's date on a J-1 is
// out of reach, not "at risk", and the visa chain's dates cannot hold.

const REVIEW_SOURCE =
  "https://ecfmg.org/evsp/application-process.html (ECFMG allows 4–6 weeks for its review of a J-1 sponsorship application once every document is in; Matchpath counts the shorter, 4 weeks, when judging whether a start is out of reach)";

/** How the risk says it (after the start's day), as the weekly chase says it too (visa-date-lost.ts). */
export const OUT_OF_REACH_WORDS = " on a J-1 is out of reach on this plan's allowances";
/** The critical notice's title for it: the verdict and the one thing to do today. */
export const J1_START_OUT_OF_REACH_TITLE =
  "A J-1 start on your program's date is out of reach: tell your program's GME office now";

/** The J-1 start out of reach: what holds the chain back, and its earliest instants by the plan's allowances. */
export interface J1StartOutOfReach {
  /**
   * What ECFMG's review waits for: the certificate (its earliest issue, certificateAt), the
   * sponsorship application completed late (its day, sent), or the application not complete yet.
   */
  holds: "certificate" | "completed" | "incomplete";
  /** The earliest the certificate can be issued (earliestCertification); the holds "certificate" only. */
  certificateAt: number;
  /** The day the applicant completed the sponsorship application (ISO date); the holds "completed" only. */
  sent: string;
  /** The file not complete while the certificate it waits for is not reported (J1ReviewStart's). */
  certificateUnreported: boolean;
  /** The earliest the shortest review can end: its start + J1_ECFMG_REVIEW_SHORTEST_DAYS. */
  reviewEndAt: number;
  /** The earliest the DS-2019 can come: the review's earliest end. */
  ds2019At: number;
  /** The earliest the J-1 visa can come: the DS-2019 + the consular allowance. */
  visaAt: number;
}

const DS2019_AT = stepIndex("j1_ds2019");
const SPONSORSHIP_AT = stepIndex("j1_ecfmg_sponsorship");
const MATCH_DAY_AT = stepIndex("match_day");
/** Where the shortest review's words come from, for a rule that counts with it. */
export const J1_SHORTEST_REVIEW_SOURCE = REVIEW_SOURCE;

/**
 * The ground both J-1 chain verdicts stand on (j1StartOutOfReach, j1SponsorshipLastDay): a matched
 * J-1 applicant (Match Day done, or "matched" told in Match Week: matchWeekMatched, where is all
 * Match Day adds) planned on this season's calendar, the sponsorship applicable, the DS-2019 still
 * to come and not given a day (a day means ECFMG's review is over), before residency starts. One
 * guard, so the two rules never disagree on whom they judge.
 */
export function awaitingDs2019(context: PlanContext, dates: PlanDates): boolean {
  if (context.applicant.visa !== "J-1" || dates.calendar !== context.calendar) return false;
  if (context.applicable[SPONSORSHIP_AT] !== true) return false;
  if (!isFinished(statusAt(context, MATCH_DAY_AT)) && !matchWeekMatched(context)) return false;
  const ds2019 = statusAt(context, DS2019_AT);
  if (isFinished(ds2019) || ds2019 === "scheduled") return false;
  return residencyAhead(context);
}

/**
 * Whether the J-1 visa, at the earliest, comes after residency starts: a matched J-1 applicant
 * (awaitingDs2019) with the DS-2019 still to come and not given a day (a day means ECFMG's review
 * is over), before residency starts. ECFMG's review starts at the latest of: the day the applicant
 * completed the sponsorship application (today while it is not complete: even done today), and the
 * certificate's earliest issue while something still holds it back (with nothing outstanding the
 * certificate may already be issued: the advisor's question asks): j1ReviewStart, read "fastest".
 * Counted in the applicant's days: the visa on the start's own day is not in time, and the verdict
 * turns at their midnight. Null at once for every other applicant. The instant the verdict would
 * change is noted for re-planning.
 */
export function j1StartOutOfReach(context: PlanContext, dates: PlanDates): J1StartOutOfReach | null {
  if (!awaitingDs2019(context, dates)) return null;
  const from = j1ReviewStart(context, dates, "fastest");
  if (from === null) return null;
  const at = (day: string): number => startOfLocalDate(context.zone, day);
  const reviewEndAt = at(shiftIsoDay(from.day, J1_ECFMG_REVIEW_SHORTEST_DAYS));
  const visaDay = visaDayFrom(from.day);
  const start = startDay(context);
  // Today's day, or the certificate's earliest, slides with the days: its last day in time ends at
  // the applicant's midnight, when the verdict turns.
  if (from.holds !== "completed" && visaDay < start)
    noteRiskChange(context, at(shiftIsoDay(start, -J1_FILE_TO_VISA_DAYS)));
  // Past the review's earliest end its words change: it could have ended, the DS-2019 may be in hand.
  if (reviewEndAt > context.now) noteRiskChange(context, reviewEndAt);
  // A visa on the start's own day is not in time for it.
  if (visaDay < start) return null;
  const certificate = from.holds === "certificate";
  return {
    holds: from.holds,
    certificateAt: certificate ? earliestCertification(context) : at(from.day),
    sent: from.sent,
    certificateUnreported: from.certificateUnreported,
    reviewEndAt,
    ds2019At: reviewEndAt,
    visaAt: at(visaDay),
  };
}

/** Why the certificate comes no sooner: the diploma's verification after graduation, or a result awaited. */
function certificateWhy(context: PlanContext): string {
  const graduation = context.applicant.graduation;
  return diplomaVerifiedAt(context) > context.now
    ? `it can be issued only after your graduation on ${renderDate(graduation)}, once ECFMG has verified your diploma with your school, which we allow ${DIPLOMA_VERIFICATION_DAYS} days for`
    : `it waits for your outstanding results, which we allow ${SCORE_REPORTING_DAYS} days each to be reported`;
}

/** What the applicant does now: the GME office, the school, the program's J-1 liaison (advice). */
const WHAT_TO_DO =
  "Tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly); ask your school how fast it can confirm your diploma to ECFMG; and ask your program's J-1 liaison to have every other document of your sponsorship in, so ECFMG's review can start the day your certificate is issued (our advice).";

/**
 * The certificate card's words for a J-1 start out of reach (j1StartOutOfReach): when the
 * certificate can come, that the sponsorship waits for it, and that the start cannot hold, in
 * place of "needed by" a day it cannot make or "get it issued now" before it can be.
 */
export function outOfReachCardNote(
  context: PlanContext,
  out: J1StartOutOfReach,
  sponsorship: string,
): string {
  return ` ECFMG sponsors a J-1 physician only with a valid certificate, and ${certificateWhy(context)}: around ${applicantDay(context, out.certificateAt)} at the earliest. Your J-1 sponsorship, planned for ${sponsorship}, waits for it, so with ECFMG's review and your visa interview after it, a J-1 start on your program's date is out of reach: tell your program's GME office now and ask about a delayed start.`;
}

/** The risk's sentence: the chain's arithmetic, the verdict and what to do, with its sources added. */
function outOfReachSentence(context: PlanContext, out: J1StartOutOfReach, sources: string[]): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  const certificate = out.holds === "certificate";
  const cited = certificate
    ? [DIPLOMA_VERIFICATION_SOURCE, SCORE_REPORTING_SOURCE, CERTIFIED_TO_START_URL]
    : [];
  for (const source of [...cited, REVIEW_SOURCE, J1_CONSULAR_ALLOWANCE_SOURCE]) addSource(sources, source);
  const review = "allows 4–6 weeks for its review once every document is in (we count the shorter, 4 weeks)";
  const visa = `this plan allows ${J1_CONSULAR_ALLOWANCE_DAYS} days after your DS-2019 for the consular interview, so your J-1 visa would come around ${applicantDay(context, out.visaAt)} at the earliest, ${lateVisaAtWords(context, out.visaAt)}`;
  const verdict = `A start on ${start}${OUT_OF_REACH_WORDS}`;
  if (certificate)
    return `${verdict}: your ECFMG certificate can come around ${applicantDay(context, out.certificateAt)} at the earliest (${certificateWhy(context)}); ECFMG sponsors a J-1 physician only with a valid certificate and ${review}, and ${visa}. ${WHAT_TO_DO}`;
  const ds2019 = applicantDay(context, out.ds2019At);
  const chain =
    out.holds === "completed"
      ? out.reviewEndAt < context.now
        ? `you completed your J-1 sponsorship application on ${renderDate(out.sent)}, and ECFMG ${review}, so it could have ended by ${ds2019} (if your DS-2019 has come, mark it done today); even had your DS-2019 come that day`
        : `you completed your J-1 sponsorship application on ${renderDate(out.sent)}, and ECFMG ${review}, so your DS-2019 can come around ${ds2019} at the earliest`
      : out.certificateUnreported
        ? `your J-1 sponsorship application is not complete yet and waits for your ECFMG certificate, which is not reported (ECFMG sponsors a J-1 physician only with a valid certificate), and ECFMG ${review}: even with your certificate issued and every document in today, your DS-2019 would come around ${ds2019} at the earliest`
        : `your J-1 sponsorship application is not complete yet, and ECFMG ${review}: even with every document in today, your DS-2019 would come around ${ds2019} at the earliest`;
  const joiner = out.holds === "completed" && out.reviewEndAt < context.now ? "," : ";";
  const todo =
    out.holds === "completed"
      ? WHAT_TO_DO_IN_REVIEW
      : out.certificateUnreported
        ? WHAT_TO_DO_CERTIFICATE_FIRST
        : WHAT_TO_DO_INCOMPLETE;
  return `${verdict}: ${chain}${joiner} ${visa}. ${todo}`;
}

/** What to do with the sponsorship completed late, in ECFMG's queue (advice; each post's wait: its tool). */
const WHAT_TO_DO_IN_REVIEW = `Tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly); ask your program's J-1 liaison to follow your review up with ECFMG; and the day your DS-2019 arrives, book the earliest consular appointment and ask the consulate for an expedited one, with your program's start date (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}, shows your post's wait) (our advice).`;

/** What to do with the sponsorship application not complete yet (advice). */
const WHAT_TO_DO_INCOMPLETE = `Tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly); complete your sponsorship application in EVNet today, every document in, your Statement of Need included; and the day your DS-2019 arrives, ask your consulate for an expedited appointment, with your program's start date (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}, shows your post's wait) (our advice).`;

/** What to do with the sponsorship blocked on a certificate not reported (advice): what unblocks it first. */
const WHAT_TO_DO_CERTIFICATE_FIRST = `Tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly); ${CERTIFICATE_FIRST}; complete your sponsorship application in EVNet the day it is issued, every document in, your Statement of Need included; and the day your DS-2019 arrives, ask your consulate for an expedited appointment, with your program's start date (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}, shows your post's wait) (our advice).`;

/** The step that holds the chain back, which the risk names first. */
const HOLDER: Record<J1StartOutOfReach["holds"], StepSubject> = {
  certificate: "ecfmg_certification",
  completed: "j1_ds2019",
  incomplete: "j1_ecfmg_sponsorship",
};

/**
 * `risks` (the visa chain's, visaStartRisks') for a J-1 start out of reach: one critical
 * VISA_NOT_READY_FOR_START saying so, merged into the one already there (a step late as well), in
 * place of VISA_STEP_LATE, whose "your visa's own date still holds" the chain makes untrue. It names
 * first the step that holds the chain back (HOLDER). CERTIFICATION_AFTER_START (the certificate
 * holding it) and ECFMG_REVIEW_PAST_DS2019 (a sponsorship completed late) stand aside for it, so one
 * risk says it.
 */
export function withJ1StartOutOfReach(context: PlanContext, out: J1StartOutOfReach, risks: Risk[]): Risk[] {
  // The sponsorship blocked on a certificate not reported: the certificate first, what unblocks it.
  const first: StepSubject[] = out.certificateUnreported
    ? ["ecfmg_certification", HOLDER[out.holds]]
    : [HOLDER[out.holds]];
  return criticalInPlaceOfStepLate(
    risks,
    first,
    (sources) => outOfReachSentence(context, out, sources),
    "visa_j1",
    "j1-out-of-reach",
  );
}

/**
 * `risks` with one critical VISA_NOT_READY_FOR_START saying `sentence` (given the sources to add
 * to), merged into the one already there, in place of VISA_STEP_LATE, whose "your visa's own date
 * still holds" the chain makes untrue; its steps: `first`, then the ones already named, the visa
 * (`visa`: the J-1's, the H-1B stamping, or none) last; `verdict`, the verdict it tells (Risk.visaVerdict).
 */
export function criticalInPlaceOfStepLate(
  risks: Risk[],
  first: StepSubject[],
  sentenceOf: (sources: string[]) => string,
  visa: StepSubject | null = "visa_j1",
  verdict?: Risk["visaVerdict"],
): Risk[] {
  const kept = risks.filter((risk) => risk.code !== "VISA_STEP_LATE");
  const behind = kept.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
  const sources = [...(behind?.sources ?? [])];
  const sentence = sentenceOf(sources);
  const milestones: StepSubject[] = [...first];
  for (const key of [...(behind?.milestones ?? []), ...(visa === null ? [] : [visa])])
    if (!milestones.includes(key)) milestones.push(key);
  const risk: Risk = {
    code: "VISA_NOT_READY_FOR_START",
    severity: "critical",
    message: behind === undefined ? sentence : `${sentence} ${behind.message}`,
    milestones,
    sources,
  };
  if (verdict !== undefined) risk.visaVerdict = verdict;
  return behind === undefined ? [...kept, risk] : kept.map((each) => (each === behind ? risk : each));
}
