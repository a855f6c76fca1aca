import { basisMark } from "../date-basis.ts";
import { localDate, renderDate } from "../time.ts";
import {
  EXAM_BOOKING_DAYS,
  SCORE_REPORTING_DAYS,
  STEP3_FSMB_TIME_WORDS,
  step3FsmbTimeWords,
  step3LeadWords,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import type { Step3ChainNow } from "./h1b.ts";
import { askTheProgram, IF_MATCHED_H1B, programUnnamed, whichItFiles } from "./h1b-outcome-words.ts";
import { type MatchOutcome, matchOutcomeNow } from "./match-day-unreported.ts";
import { capitalised } from "./presumption-evidence.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionFitsWithVisaHeld, petitionSittingFits, step3ApplicationUnderWay } from "./step3-sitting.ts";

/**
 * Step 3's card when the petition's sit-by day `sitBy` cannot be met: on H-1B with ranking over
 * (matched, Match Day past and untold, or still ahead: matchOutcomeNow), Step 3 not booked, and by
 * this plan's allowances (the earliest sitting of `now`, as step3ChainNow gives it: FSMB, abroad
 * the visitor visa, a seat) the sitting comes after that day, or the day has passed: the case where
 * VISA_NOT_READY_FOR_START names the J-1 fallback (h1bJ1Fallback, the same test). The card then
 * says what the risk says, for the same outcome, and points at the same question to the program (a
 * later start or a J-1); the visa-held route only when a visitor visa already held would still
 * fit; never a visitor-visa interview or an exam fee for a day the risk says cannot be met, and in
 * the US (no visitor visa to wait for: `now.visaDays` 0) no word of one.
 * Null otherwise: the card's own words stand.
 */
export function petitionOutOfReachAction(
  context: PlanContext,
  sitBy: DueDate | null,
  now: Step3ChainNow,
): string | null {
  const reach = petitionOutOfReach(context, sitBy, now);
  return reach === null ? null : reach.action;
}

/**
 * petitionOutOfReachAction's case, with the card's words (`action`), the title its sit-by
 * reminders take (`title`, step3-apply-by.ts; they said "sit it by Mon 19 Apr 2027"
 * beside a card asking about a J-1) and where the applicant stands with the Match (`outcome`):
 * the same instruction first, and the sit-by day as the card has it, the day to sit by only when a
 * visitor visa already held would fit (`held`, only while the day is ahead), else the day that
 * cannot be met. Null otherwise.
 */
export function petitionOutOfReach(
  context: PlanContext,
  sitBy: DueDate | null,
  now: Step3ChainNow,
): { held: boolean; outcome: MatchOutcome; action: string; title: string } | null {
  const { chain, visaDays } = now;
  if (sitBy === null || step3DueKind(sitBy) !== "petition") return null;
  // A booked or sat Step 3 is paid for and has its own day: nothing here is out of reach to ask about.
  if (context.entries.at(STEP3_INDEX)?.date !== undefined) return null;
  // Past the day no sitting can meet it, visitor visa held or not.
  const passed = sitBy.at <= context.now;
  if (!passed && petitionSittingFits(context, now, sitBy)) return null;
  const held = petitionFitsWithVisaHeld(context, now, sitBy);
  // While ranking is open the day is the step's only with a visitor visa held (step3DueNow): the
  // programs to rank are the ones to ask.
  const outcome = matchOutcomeNow(context) ?? (held && rankingOpen(context) ? "ranking" : null);
  if (outcome === null) return null;
  const day = dueDay(context, sitBy);
  const titled = `${day}${basisMark(sitBy)}`;
  const petition = IF_MATCHED_H1B[outcome].startsWith("If") ? "that" : "your program's";
  if (held) {
    // Worded by outcome as the risk is: before Match Day no program is known to ask yet.
    const allowances = `${IF_MATCHED_H1B[outcome] === "" ? "By" : "by"} this plan's allowances`;
    return {
      held,
      outcome,
      action: `${IF_MATCHED_H1B[outcome]}${allowances}, with a visitor visa still to get, you could not sit Step 3 by ${day}, the day ${petition} H-1B petition needs. ${askTheProgram(context, outcome)} whether it will take you on a J-1 instead, and whether its H-1B petition can wait for Step 3 (see the visa risk). Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by ${day}.${step3FsmbTimeWords(isFinished(statusOf(context, "ecfmg_certification")))}`,
      title: `${TITLE_ASK[outcome]}; only with a B-1/B-2 visa already held, sit it by ${titled}`,
    };
  }
  // What is true first: the day cannot be met, so the card opens with it (no "sit by" before it).
  // In the US no visitor visa is waited for: FSMB's processing and a seat alone put the day out of reach.
  const abroad = visaDays > 0;
  const visaHeld = abroad ? ", even with a visitor visa already held" : "";
  const reach = passed
    ? `the last day to sit Step 3 that leaves ${petition} H-1B petition time, ${titled}, has passed, so by this plan's allowances the H-1B for your start date is likely out of reach${visaHeld}`
    : `sitting Step 3 by ${titled}, the day ${petition} H-1B petition needs, is out of reach by this plan's allowances${abroad ? "" : ` (${step3LeadWords()})`}${visaHeld}`;
  return {
    held,
    outcome,
    action: `${IF_MATCHED_H1B[outcome]}${outcome === "matched" ? capitalised(reach) : reach}. ${askTheProgram(context, outcome)}${whichItFiles(context, abroad)} whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (see the visa risk).${programUnnamed(outcome) ? ` ${nothingToPay(context, abroad)}` : outcome === "matched" ? laterStartRoad(context, visaDays, chain.reportedBy) : ""}`,
    title: `${TITLE_ASK[outcome]}; by this plan's allowances you could not sit it by ${titled}`,
  };
}

const STEP3_INDEX = stepIndex("usmle_step3");

function rankingOpen(context: PlanContext): boolean {
  return context.now <= context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
}

/**
 * The out-of-reach titles' first words: the card's instruction, worded by outcome as
 * ASK_THE_PROGRAM is, since before Match Day no program is known to ask.
 */
const TITLE_ASK: Readonly<Record<MatchOutcome, string>> = {
  matched: "USMLE Step 3: ask your program today about a J-1",
  matchedUntold: "USMLE Step 3: ask your program today about a J-1",
  matchedAhead: "USMLE Step 3: on Match Day, ask the program you matched with about a J-1",
  unreported: "USMLE Step 3: if you matched, ask that program today about a J-1",
  ahead: "USMLE Step 3: if you match, ask that program on Match Day about a J-1",
  ranking: "USMLE Step 3: before you rank, ask each program about a later start or a J-1",
};

/**
 * Matched, what a later start keeping the H-1B would take (advice), from the day the program says so:
 * the allowances the chain counts (step3ChainNow: the visitor visa's interview wait abroad, a US seat,
 * the result's weeks, FSMB's processing) and the day the result would come if begun today, `reportedBy`.
 */
function laterStartRoad(context: PlanContext, visa: number, reportedBy: number): string {
  const trip =
    visa > 0
      ? `a US visitor visa (B-1/B-2; this plan allows ${visa} days for its interview, check your consulate's wait), `
      : "";
  return ` If your program will start you later and keep the H-1B, begin the day it says so (our advice): ${trip}a US test date (about ${EXAM_BOOKING_DAYS} days) and about ${Math.ceil(SCORE_REPORTING_DAYS / 7)} weeks for the result. Begun today, by these allowances your result would be reported around ${renderDate(localDate(context.zone, reportedBy))}, and the petition and your H-1B ${visa > 0 ? "visa" : "status"} come after it.${STEP3_FSMB_TIME_WORDS} the day your program says so.`;
}

/**
 * Before Match Day names the program, no fee or trip for a day that cannot be met (past Match Day
 * untold, step3AwaitsMatchAction says the same).
 */
function nothingToPay(context: PlanContext, abroad: boolean): string {
  if (step3ApplicationUnderWay(context))
    return abroad ? `${UNDER_WAY} and apply for no US visitor visa (B-1/B-2) for the trip.` : `${UNDER_WAY}.`;
  return abroad ? NOTHING_TO_PAY : NOTHING_TO_PAY_IN_US;
}

/** With the FSMB application under way its fee may be paid: the seat (and abroad the trip) waits. */
const UNDER_WAY =
  "Until then, with your FSMB application under way (its exam fee may already be paid), this plan asks you to book no test date";
const NOTHING_TO_PAY =
  "Until then, this plan asks you to pay for nothing for Step 3 (your budget lists its fee apart, not counted, until you know): not the FSMB application with its exam fee, nor a US visitor visa (B-1/B-2) for the trip.";

/** NOTHING_TO_PAY for an applicant in the US: no trip, so no visitor visa to name. */
const NOTHING_TO_PAY_IN_US =
  "Until then, this plan asks you to pay for nothing for Step 3 (your budget lists its fee apart, not counted, until you know): not the FSMB application with its exam fee.";
