import { basisMark } from "../date-basis.ts";
import { STEP3_FSMB_TIME_WORDS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { byDay, dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { step3LeadDays, step3VisaDays } from "./h1b.ts";
import { J1_ALTERNATIVE_TOO, tripVisa } from "./h1b-words.ts";
import { latestDays } from "./step3-action.ts";
import { petitionChainFits, step3DueNow } from "./step3-after-ranking.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { fsmbApplied } from "./step3-sitting.ts";

/**
 * Out of reach of ranking: Step 3 stays dated for the H-1B petition after the Match (step3DueNow),
 * so STEP3_NEEDED_FOR_H1B says so, with the J-1 ranking advice beside it rather than instead; abroad
 * with the trip (its source added to `sources`) and the chain's days. Null when Step 3 is not so
 * dated (abroad once that chain no longer fits, the visitor visa's wait keeps the J-1 route alone).
 * `fsmbSaid`: the words give FSMB's two figures (the visa-held road), so the risk cites them. The
 * visa-held road asks once: apply to FSMB now, by the last day that still meets the sit-by day ("then
 * apply to FSMB by …" beside FSMB's "so apply now" were two asks); "now", as that road is open only
 * with the certificate issued (petitionChainFits). `fsmbSaid` true: the risk's words before these
 * (the visa-held days for ranking, step3LaterWords) already gave FSMB's two figures, so this road
 * names only its last day to apply by, not the figures a second time.
 */
export function step3PetitionSitBy(
  context: PlanContext,
  dates: PlanDates,
  sources: string[],
  fsmbSaid = false,
): { words: string; fsmbSaid: boolean } | null {
  const sitBy = step3DueNow(context, dates, dates.due("usmle_step3"));
  if (sitBy === null || step3DueKind(sitBy) !== "petition") return null;
  const needs =
    " Many programs will not rank you on H-1B without the result, yet the H-1B petition after the Match still needs your Step 3 pass";
  // Abroad, the chain to that day (FSMB, the visitor visa, a seat) keeps the petition possible for a
  // program that ranks you anyway; the visa-held days for ranking come before it, with FSMB's check.
  if (step3VisaDays(context) > 0 && petitionChainFits(context, sitBy) === "held") {
    const sit = `${needs}: only with a B-1/B-2 visa you already hold can you still sit Step 3 in the US by ${dueDay(context, sitBy)}${basisMark(sitBy)}`;
    const applyBy = `${byDay(context, shiftDays(sitBy.at, sitBy.zone, -step3LeadDays()) - 1)} at the latest`;
    return {
      words: `${tripVisa(context, sources)}${sit}${fsmbSaid ? `, applying to FSMB ${applyBy}.` : `.${STEP3_FSMB_TIME_WORDS} now, ${applyBy}.`} ${J1_ALTERNATIVE_TOO}`,
      fsmbSaid: true,
    };
  }
  if (step3VisaDays(context) > 0)
    return {
      words: `${tripVisa(context, sources)}${needs}: to keep it possible with a program that ranks you anyway, ${fsmbApplied(context, isFinished(statusOf(context, "ecfmg_certification"))) ? "" : "start now and "}sit Step 3 by ${dueDay(context, sitBy)}${basisMark(sitBy)}.${latestDays(context, sitBy, false)} ${J1_ALTERNATIVE_TOO}`,
      fsmbSaid: false,
    };
  return {
    words: `${needs}: sit it as soon as you can, at the latest by ${dueDay(context, sitBy)}${basisMark(sitBy)}. ${J1_ALTERNATIVE_TOO}`,
    fsmbSaid: false,
  };
}
