import { catalogEntry, FEES, FEES_OTHER_CURRENCY, type Fee } from "../catalog/index.ts";
import type { Budget, BudgetItem, OtherCurrencyItem } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { assumedInBudget } from "./assumed-requirement.ts";
import { feeWaitsForMatch, H1B_STEPS, owedOnceMatched } from "./budget-after-match.ts";
import { feeItem, heldItem, newFeeItem, otherCurrencyItem, owedOnlyIf, usdTotals } from "./budget-items.ts";
import { budgetFlags, keepBudget, knownBudget, type LateFee, lateFeeDue } from "./budget-key.ts";
import { feesAheadFor, nextMatchItem, nextMatchOf } from "./budget-next-match.ts";
import {
  earlierSeasonItem,
  retakeFeeItem,
  retakeOtherCurrencyItem,
  retakeSpent,
} from "./budget-second-items.ts";
import { feesToVerify, gated, testsAbroad, visitorVisaToVerify } from "./budget-to-verify.ts";
import { stepIndex } from "./catalog-index.ts";
import { applies, type PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { erasProgramFees } from "./eras-program-fees.ts";
import { isRetake } from "./failed-score.ts";
import type { Feasibility } from "./feasibility.ts";
import { amountNotKnown, paidItem, spansKey, undatedPaidItem } from "./fee-in-force.ts";
import { bookedUnderWay, feeStatusOf, step3TripOver } from "./fees-paid.ts";
import { consularOnlyFee, h1bInUs } from "./h1b-in-us.ts";
import { type NrmpHeld, nrmpHeldFee, nrmpHeldOf } from "./nrmp-registration-asked.ts";
import { otherFigureNotKnown } from "./other-currency-paid.ts";
import { impliedPaid, impliedPaidSteps, presumedItem, presumedPaid } from "./presumed-fees.ts";
import {
  heldByStep3,
  IF_PROGRAM_KEEPS_H1B,
  j1AlternativeFees,
  type Step3FeeWait,
  step3FeeHeld,
  step3FeeWait,
  visaOutOfStep3Wait,
  visitorVisaBudgeted,
} from "./step3-fee-waits.ts";

/**
 * Item by item from the fee table: spent once the milestone is done (exams once booked: feeStatusOf). A fee
 * whose milestone is gated (`ineligible`: the school has no ECFMG sponsor note and the milestone needs
 * one) is left out unless already spent, so nobody budgets for a step they cannot take; while the note
 * is unknown (`unchecked`) such a fee is shown in `toVerify` as held back, not counted. Unconfirmed fees
 * go to `toVerify`, never the totals, and so does a fee still to pay whose current amount the fact sheet
 * does not have (catalog `amountToVerify`); a flagged fee is counted at the latest figure found.
 * `season` is the Match the plan targets: the applicant's own, or the earliest feasible one when
 * theirs is out of reach (the early steps are then dated for it). A season-bound fee follows that
 * Match's dates, so NRMP's late fee is counted only once that Match's early registration deadline
 * has passed (else a 2027 applicant planned for 2028 would be budgeted 2027's $50).
 */
export function buildBudget(
  context: PlanContext,
  ineligible: boolean,
  unchecked: boolean,
  season: SeasonCalendar,
  dates: PlanDates,
  feasibility: Feasibility,
): Budget {
  const over = nextMatchOf(context, season);
  // NRMP's late fee follows the Match the plan targets: only once the applicant's Match is over is
  // none budgeted for a Match not yet begun.
  const lateFee = lateFeeDue(context, season, over);
  const next = feesAheadFor(over, context, season);
  // NRMP fees asked about (interviewing, never reported) or owed only if this Match is kept.
  const asked = nrmpHeldOf(context, season);
  // Step 3's card asks for no payment yet (blocked, until the Match, the program or the certificate): nor does its fee.
  const step3Waits = step3FeeWait(context, dates, feasibility, season === context.calendar);
  // Step 3's visitor visa: spent once the trip is over (step3TripOver: Step 3 done or its day gone by).
  const tripOver = step3TripOver(context);
  const visaAskedNow = visaOutOfStep3Wait(context, step3Waits);
  const visitorVisa = visitorVisaBudgeted(context, step3Waits, visaAskedNow, tripOver);
  const flags = budgetFlags(
    ineligible,
    unchecked,
    over !== null,
    lateFee,
    asked,
    h1bInUs(context),
    testsAbroad(context),
    step3Waits,
    bookedUnderWay(context),
    visitorVisa,
    tripOver,
    visaAskedNow,
  );
  const spans = spansKey(context);
  // Steps with a fee read as done only because a later step needs them: their fees are presumed paid.
  const implied = impliedPaidSteps(context);
  const built = (): Budget =>
    budgetOf(context, ineligible, unchecked, next, lateFee, over, asked, step3Waits, visitorVisa, tripOver);
  // The Pathway's and the OET's fees say they are an assumption for the Match planned.
  return (
    knownBudget(context, season, flags, spans, implied) ??
    keepBudget(context, season, flags, spans, implied, assumedInBudget(built(), season.matchYear))
  );
}

const RANK_ORDER_LIST_TITLE = catalogEntry("rank_order_list").title;

/** The steps whose fees are ERAS fees ("Before you pay ERAS fees for this Match, weigh …"). */
const ERAS_FEE_STEPS: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>(["eras_token", "eras_application"]);

/** buildBudget's work, for the inputs of budgetKey. */
function budgetOf(
  context: PlanContext,
  ineligible: boolean,
  unchecked: boolean,
  next: SeasonCalendar | null,
  lateFee: LateFee,
  over: SeasonCalendar | null,
  asked: NrmpHeld,
  step3Waits: Step3FeeWait,
  visitorVisa: boolean,
  tripOver: boolean,
): Budget {
  const implied = impliedPaidSteps(context); // as buildBudget's key has it: a dozen reads, on a miss only
  const items: BudgetItem[] = [];
  const held: BudgetItem[] = [];
  const { applicant } = context;
  const place = (item: BudgetItem, fee: Fee): void => {
    if (amountNotKnown(item)) {
      held.push(item);
      return;
    }
    if (unchecked && item.status === "upcoming" && catalogEntry(fee.milestone).needsEcfmgEligibleSchool) {
      held.push(heldItem(item));
      return;
    }
    // No current figure on the fact sheet (NRMP's registration fee): listed, not counted, until paid;
    // nor the H visa fee in the US, owed on the consular route only.
    const consular = consularOnlyFee(context, fee, item);
    // A visa step's fee before Match Day is done: owed only once matched (budget-after-match.ts).
    if (item.status === "upcoming" && feeWaitsForMatch(context, fee.milestone)) {
      held.push(owedOnceMatched(fee.milestone, consular ?? item));
      return;
    }
    // Matched, while Step 3 waits on the program's answer, so does the H-1B it would petition for.
    if (item.status === "upcoming" && step3Waits === "program" && H1B_STEPS.has(fee.milestone)) {
      held.push(owedOnlyIf(IF_PROGRAM_KEEPS_H1B, consular ?? item));
      return;
    }
    if (fee.amountToVerify === true && item.status === "upcoming") held.push(item);
    else (consular === null ? items : held).push(consular ?? item);
  };
  for (const fee of FEES) {
    const status = feeStatusOf(context, fee.milestone);
    // A fee paid stays paid when the visa track changes: an H-1B applicant who sat Step 3 and then
    // chose J-1 paid for Step 3 all the same: "paid" fell by $1,120 on the switch.
    if (!applies(context, catalogEntry(fee.milestone)) && !fee.spentWhen.includes(status)) continue;
    // Step 3's visitor visa only while the plan asks for it (abroad, Step 3 waiting on nothing but its certificate).
    if (fee.visitorVisaForStep3 === true && !visitorVisa) continue;
    if (status === "waived") continue;
    if (gated(ineligible, fee.milestone) && !fee.spentWhen.includes(status)) continue;
    let amountUsd: number;
    let label = fee.label;
    // The visitor visa for Step 3's trip is spent once the trip is over, whatever Step 3's status.
    let spent = retakeSpent(context, fee, status) || (fee.visitorVisaForStep3 === true && tripOver);
    if (fee.kind === "eras_per_program") {
      if (applicant.programsPlanned === 0) continue;
      amountUsd = erasProgramFees(fee, applicant.programsPlanned, applicant.specialties.length);
      // The tiers restart per specialty, so the even split is the cheapest spread: the line says
      // it is the minimum (80/10/10 programs cost $2,050, the even split $1,290).
      label = `${fee.label}: ${applicant.programsPlanned} programs across ${applicant.specialties.length} ${applicant.specialties.length === 1 ? "specialty" : "specialties (the minimum, split evenly; more programs in one specialty cost more)"}`;
    } else if (fee.kind === "nrmp_late") {
      if (lateFee === "-") continue;
      if (lateFee === "p") spent = true;
      amountUsd = fee.amountUsd;
    } else if (fee.kind === "nrmp_couples") {
      // Only a partner in the Couples Match owes it; paid once their paired list is certified.
      if (applicant.couplesMatch !== true) continue;
      spent = status === "done" && context.rankListAsked === undefined;
      amountUsd = fee.amountUsd;
    } else {
      amountUsd = fee.amountUsd;
    }
    // The fee's own figure, today's: what a fee still to pay, the next Match's or a retake's costs.
    const own =
      fee.kind === "eras_per_program" ? newFeeItem(fee, label, amountUsd, spent) : feeItem(fee, spent);
    // Paid, at the figure in force on its step's day, if the snapshot gives it: a booked exam's day
    // is ahead and its fee paid lately, at today's figure, and a retake's day is not its first attempt's.
    // Done with no day given, today's figure is counted and its flag names the earlier ones.
    const dated =
      spent &&
      status !== "scheduled" &&
      !(context.failedScores.length > 0 && isRetake(context, fee.milestone));
    const day = dated ? context.entries.get(fee.milestone)?.date : undefined;
    const paid =
      day !== undefined
        ? paidItem(fee, own, day)
        : dated && status === "done" && fee.kind === "flat"
          ? undatedPaidItem(fee, own)
          : own;
    // Read as done only because a later step marked done needs it (impliedPaidSteps): presumed paid.
    const item = spent && impliedPaid(implied, fee.milestone) ? presumedItem(paid, "steps") : paid;
    // No next Match's bill for a step the school's eligibility rules out (the fee paid stays).
    const ahead =
      fee.kind === "nrmp_late" || gated(ineligible, fee.milestone)
        ? null
        : // A fee not yet paid of a Match moved to a later year is that Match's already.
          nextMatchItem(fee, own, spent, spent || over !== null ? next : null);
    // NRMP registration read as done while the applicant is asked whether they ranked: no line.
    if (context.rankListAsked === true && fee.milestone === "nrmp_registration") continue;
    // A step presumed done by an interview (presumed-in-the-match.ts) was never reported: its fee is
    // presumed paid, never "spent" (presumed-fees.ts). A plan moved to a later Match keeps that
    // Match's bill beside it (`ahead`, the next Match's estimate), as for a fee paid.
    if (context.presumedDone?.includes(stepIndex(fee.milestone)) === true) {
      if (presumedPaid(context, fee)) items.push(presumedItem(paid));
      if (ahead !== null) place(ahead, fee);
      continue;
    }
    // A step of the Match that is over, not paid, is not this season's bill: the next Match's is.
    if (!spent && over !== null && catalogEntry(fee.milestone).seasonBound === true) {
      if (ahead !== null) place(ahead, fee);
      continue;
    }
    if (unchecked && !spent && catalogEntry(fee.milestone).needsEcfmgEligibleSchool) {
      held.push(heldItem(item));
      continue;
    }
    // The couples fee is owed whether or not they registered yet, so only weighing holds it back, as it does this Match's ERAS fees (ERAS_LATE_SUBMISSION).
    const nrmpHeld =
      fee.milestone === "nrmp_registration" ||
      (asked === "weighing" && (fee.kind === "nrmp_couples" || ERAS_FEE_STEPS.has(fee.milestone)));
    if (asked !== "-" && !spent && nrmpHeld) held.push(nrmpHeldFee(context, asked, item));
    else if (heldByStep3(context, fee, step3Waits, spent)) held.push(step3FeeHeld(step3Waits, item));
    else place(item, fee);
    // Issuing the visitor visa owes the fees due on any nonimmigrant visa: listed with it, held as it
    // is; once it is spent, as fees that may have been paid with it (the row vanished once Step 3 was done).
    if (fee.visitorVisaForStep3 === true)
      for (const owed of visitorVisaToVerify(spent))
        held.push(heldByStep3(context, fee, step3Waits, spent) ? step3FeeHeld(step3Waits, owed) : owed);
    const earlier = earlierSeasonItem(context, fee, own);
    if (earlier !== null) (amountNotKnown(earlier) ? held : items).push(earlier);
    // A retake's exam fee: a second line, still to pay, beside the first attempt's, spent.
    const retake = retakeFeeItem(context, fee, own, step3Waits);
    if (retake?.held === true) held.push(retake.item);
    else if (retake !== null) place(retake.item, fee);
    if (ahead !== null) place(ahead, fee);
  }
  // The program asked whether it takes the applicant on a J-1 instead: that track's fees beside the H-1B's.
  const toVerify: BudgetItem[] = [...held, ...j1AlternativeFees(step3Waits)];
  // NRMP's fee per program ranked past 20 goes with its registration: the next Match's once this one
  // is over, else held while the registration is.
  toVerify.push(
    ...feesToVerify(context, { ineligible, unchecked }, (item) =>
      over !== null
        ? { ...item, nextMatch: { matchYear: over.matchYear, step: RANK_ORDER_LIST_TITLE } }
        : asked !== "-"
          ? nrmpHeldFee(context, asked, item)
          : item,
    ),
  );
  const otherCurrency: OtherCurrencyItem[] = [];
  for (const fee of FEES_OTHER_CURRENCY) {
    if (!applies(context, catalogEntry(fee.milestone))) continue;
    const status = feeStatusOf(context, fee.milestone);
    const spent = retakeSpent(context, fee, status);
    // As for USD fees: none for a waived or gated step; one waiting on WDOMS is held back, in no total.
    if (status === "waived") continue;
    if (presumedPaid(context, fee) || (spent && impliedPaid(implied, fee.milestone))) {
      // Presumed by an interview, else by a later step marked done.
      otherCurrency.push(
        otherCurrencyItem(fee, presumedPaid(context, fee) ? "presumed" : "presumed from steps"),
      );
      continue;
    }
    if (!spent && gated(ineligible, fee.milestone)) continue;
    // Paid before its figure is known: what was paid then, not today's figure, so listed to verify.
    const notKnown = otherFigureNotKnown(context, fee, spent && status === "done");
    if (notKnown !== null) {
      toVerify.push(notKnown);
      continue;
    }
    const held = !spent && unchecked && catalogEntry(fee.milestone).needsEcfmgEligibleSchool;
    const item = otherCurrencyItem(fee, spent ? "spent" : held ? "held" : "upcoming");
    otherCurrency.push(item);
    const retake = retakeOtherCurrencyItem(context, fee, item); // the first sitting paid, the retake's to pay
    if (retake !== null) otherCurrency.push(retake);
  }
  const { spentUsd, upcomingUsd, presumedUsd } = usdTotals(items);
  const budget: Budget = {
    currency: "USD",
    items,
    spentUsd,
    upcomingUsd,
    totalUsd: spentUsd + presumedUsd + upcomingUsd,
    toVerify,
  };
  if (presumedUsd > 0) budget.presumedUsd = presumedUsd;
  if (otherCurrency.length > 0) budget.otherCurrency = otherCurrency;
  return budget;
}
