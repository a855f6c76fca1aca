import { basisMark } from "../date-basis.ts";
import { DAY_MS } from "../time.ts";
import { SCORE_REPORTING_DAYS, step3FsmbTimeWords } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { step3DueKind } from "./step3-petition-dates.ts";

/**
 * Step 3's card when the petition's sit-by day `sitBy` cannot be met abroad:
 * matched on H-1B, Step 3 not booked, and by this plan's allowances (the earliest sitting
 * of `chain`, as step3ChainNow gives it: FSMB, the visitor visa, a seat) the sitting comes after that
 * day, the case where VISA_NOT_READY_FOR_START names the J-1 fallback (h1bJ1Fallback, the same test).
 * The card then gives the risk's one instruction, to ask the program today about a J-1, and the
 * visa-held route only when a visitor visa already held would still fit; never a visitor-visa
 * interview to schedule that the risk says cannot fit. Null otherwise: the card's own words stand.
 */
export function petitionOutOfReachAction(
  context: PlanContext,
  sitBy: DueDate | null,
  chain: { reportedBy: number; reportedWithVisaHeld: number },
): string | null {
  const reach = petitionOutOfReach(context, sitBy, chain);
  return reach === null ? null : reach.action;
}

/**
 * petitionOutOfReachAction's case, with the card's words (`action`) and the title its sit-by
 * reminders take (`title`, step3-apply-by.ts; they said "sit it by Mon 19 Apr 2027"
 * beside a card asking about a J-1): the same instruction first, and the sit-by day as the card has
 * it, the day to sit by only when a visitor visa already held would fit (`held`), else the day that
 * cannot be met. Null otherwise.
 */
export function petitionOutOfReach(
  context: PlanContext,
  sitBy: DueDate | null,
  chain: { reportedBy: number; reportedWithVisaHeld: number },
): { held: boolean; action: string; title: string } | null {
  if (sitBy === null || step3DueKind(sitBy) !== "petition" || sitBy.at <= context.now) return null;
  if (!isFinished(statusOf(context, "match_day"))) return null;
  if (chain.reportedBy - SCORE_REPORTING_DAYS * DAY_MS <= sitBy.at) return null;
  const day = dueDay(context, sitBy);
  const held = chain.reportedWithVisaHeld - SCORE_REPORTING_DAYS * DAY_MS <= sitBy.at;
  const ask =
    "ask your program today whether it will take you on a J-1 instead, and whether its H-1B petition can wait for Step 3 (see the visa risk)";
  const titled = `${day}${basisMark(sitBy)}`;
  return held
    ? {
        held,
        action: `By this plan's allowances, with a visitor visa still to get, you could not sit Step 3 by ${day}, the day your program's H-1B petition needs: ${ask}. Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by ${day}.${step3FsmbTimeWords(isFinished(statusOf(context, "ecfmg_certification")))}`,
        title: `${TITLE_ASK}; only with a B-1/B-2 visa already held, sit it by ${titled}`,
      }
    : {
        held,
        // What is true first: the day cannot be met, so the card opens with it (no "sit by" before it).
        action: `Sitting Step 3 by ${titled}, the day your program's H-1B petition needs, is out of reach by this plan's allowances, even with a visitor visa already held. Ask your program today whether it will take you on a J-1 instead, or start you later so its H-1B petition can wait for your Step 3 pass (see the visa risk).`,
        title: `${TITLE_ASK}; by this plan's allowances you could not sit it by ${titled}`,
      };
}

/** The out-of-reach titles' first words: the card's instruction. */
const TITLE_ASK = "USMLE Step 3: ask your program today about a J-1";
