import { catalogEntry, FEES, type Fee } from "../catalog/index.ts";
import type { BudgetItem } from "../plan.ts";
import { IF_PROGRAM_FILES_H1B } from "./budget-after-match.ts";
import { feeItem, owedOnlyIf } from "./budget-items.ts";
import { PREREQUISITES_AT, stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import type { Feasibility } from "./feasibility.ts";
import { step3ChainNow, step3VisaDays, visitorVisaDays } from "./h1b.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3AwaitsProgram, step3DueNow, step3WaitsForMatch } from "./step3-after-ranking.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReach } from "./step3-petition-out-of-reach.ts";
import { visaBeforeCertificate } from "./step3-visa-before-certificate.ts";
import { step3OutOfReach } from "./step3-wait.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * Why Step 3's card asks the applicant to pay nothing for Step 3 yet, so the budget must not call its
 * fee "upcoming": "-" it does not; "blocked" its result cannot reach this Match's rank order list
 * (step3OutOfReach: the step waits); "match" it waits for where they match (step3WaitsForMatch);
 * "program" matched, its petition's day out of reach, it waits for the program's answer
 * (step3AwaitsProgram), and so does the program's H-1B; "certificate" not started, it waits on its
 * prerequisite, the ECFMG certificate, as its blocked card says: FSMB takes no application before,
 * so its fee (and the visitor visa for its trip) cannot be paid yet, in any Match the plan targets;
 * "visa" not booked, its day reachable only for an applicant who already holds a B-1/B-2 visa (the
 * visitor visa's day has passed: visaHeldOnly), so its fee is owed only by one who holds
 * it, and the visitor visa's own fee, too late to help, is not listed. The first four are read on the applicant's own Match (`ownSeason`), on Step 3's due date as its
 * step reads it (step3DueNow).
 */
export type Step3FeeWait = "-" | "blocked" | "match" | "program" | "visa" | "certificate";

export function step3FeeWait(
  context: PlanContext,
  dates: PlanDates,
  feasibility: Feasibility,
  ownSeason: boolean,
): Step3FeeWait {
  if (context.applicant.visa !== "H-1B") return "-";
  if (ownSeason) {
    if (step3OutOfReach(context, feasibility)) return "blocked";
    const due = step3DueNow(context, dates, stepRenderings(dates, STEP3_INDEX).due);
    if (step3WaitsForMatch(context, due)) return "match";
    if (due !== null && step3AwaitsProgram(context, due)) return "program";
    if (visaHeldOnly(context, due)) return "visa";
  }
  return step3AwaitsPrerequisite(context) ? "certificate" : "-";
}

/**
 * Step 3 not booked, its day reachable only with a B-1/B-2 visa the applicant already holds: dated
 * for it (step3DueKind), or the petition's day out of reach with a visa still to get
 * (petitionOutOfReach's `held`: "Only if you already hold a B-1/B-2 visa").
 */
function visaHeldOnly(context: PlanContext, due: DueDate | null): boolean {
  if (due === null || context.entries.at(STEP3_INDEX)?.date !== undefined) return false;
  const kind = step3DueKind(due);
  if (kind === "held" || kind === "heldLater") return true;
  const now = step3ChainNow(context, context.now);
  return now.visaDays > 0 && petitionOutOfReach(context, due, now)?.held === true;
}

/**
 * Whether Step 3's wait holds back `fee`, not `spent`: Step 3's own fees, but the visitor visa's
 * (and what its issuance owes) not while the plan asks for that visa before the certificate
 * (visaBeforeCertificate): the card asking for it now beside a fee "owed only once you hold your
 * ECFMG certificate" said two things.
 */
export function heldByStep3(
  context: PlanContext,
  fee: Fee,
  wait: Step3FeeWait,
  spent: boolean,
): wait is Exclude<Step3FeeWait, "-"> {
  if (spent || wait === "-" || fee.milestone !== "usmle_step3") return false;
  return !(fee.visitorVisaForStep3 === true && visaOutOfStep3Wait(context, wait));
}

/**
 * Whether the visitor visa's fees are out of Step 3's `wait` because the plan asks for that visa
 * before the certificate (heldByStep3's exception): an applicant told to apply now sees the fee
 * counted, whether Step 3 waits on the certificate or, its result out of reach of ranking, on a
 * later Match (the ask stands for the petition's Step 3 all the same). It moves with `now`, the
 * feasibility chain and Step 3's entry date, none of them in the budget's memo key otherwise, so it
 * is a flag of that key (budget-key.ts), never answered from a budget planned for another day.
 */
export function visaOutOfStep3Wait(context: PlanContext, wait: Step3FeeWait): boolean {
  return (wait === "certificate" || wait === "blocked") && visaBeforeCertificate(context);
}

/**
 * Whether Step 3's visitor visa is in the budget: while asked for, held with Step 3 until the
 * certificate unless asked for before it (`askedNow`, visaOutOfStep3Wait: then counted), or paid
 * from abroad by one since off the H-1B track (never visa "none") once the trip is over (`tripOver`).
 */
export function visitorVisaBudgeted(
  context: PlanContext,
  wait: Step3FeeWait,
  askedNow: boolean,
  tripOver: boolean,
): boolean {
  if ((wait === "-" || wait === "certificate") && step3VisaDays(context) > 0) return true;
  return askedNow || (context.applicant.visa !== "none" && tripOver && visitorVisaDays(context) > 0);
}

/** Step 3 not started while a prerequisite is not done: its step is blocked on it (waitingForOf). */
function step3AwaitsPrerequisite(context: PlanContext): boolean {
  if (statusAt(context, STEP3_INDEX) !== "not_started") return false;
  return (PREREQUISITES_AT[STEP3_INDEX] ?? []).some((each) => !isSatisfiedAt(context, each.index));
}

/** The condition a fee waiting on the program's answer (Step 3's and the H-1B's) is owed on. */
export const IF_PROGRAM_KEEPS_H1B =
  "If your program starts you later and keeps the H-1B (Step 3's card asks you to ask it before you pay for Step 3)";

const STEP3_FEE_CONDITION: Record<Exclude<Step3FeeWait, "-">, string> = {
  blocked:
    "If you keep the H-1B track for a later Match (Step 3's result cannot reach this Match's rank order list: see its card)",
  match: `${IF_PROGRAM_FILES_H1B} (Step 3's card asks you to pay nothing for it until you know)`,
  program: IF_PROGRAM_KEEPS_H1B,
  visa: "If you already hold a B-1/B-2 visitor visa (Step 3's date works only with a visa you hold: see its card)",
  certificate:
    "Once you hold your ECFMG certificate, if you keep the H-1B track (Step 3 needs the certificate first: see its card)",
};

/** Step 3's fee while step3FeeWait holds it: owed only on the card's condition. */
export function step3FeeHeld(wait: Exclude<Step3FeeWait, "-">, item: BudgetItem): BudgetItem {
  return owedOnlyIf(STEP3_FEE_CONDITION[wait], item);
}

/**
 * The J-1 track's fees (its own steps': ECFMG's sponsorship, SEVIS, the J-1 visa) while Step 3 waits
 * on the program's answer ("program"): Step 3's card asks the program whether it will take the
 * applicant on a J-1 instead, so that track's costs are listed apart on that condition, in no total,
 * beside the H-1B's; none otherwise.
 */
export function j1AlternativeFees(wait: Step3FeeWait): readonly BudgetItem[] {
  return wait === "program" ? J1_ALTERNATIVE : [];
}

const IF_PROGRAM_TAKES_J1 =
  "If your program takes you on a J-1 instead (Step 3's card asks you to ask it), a fee of the J-1 track";

const J1_ALTERNATIVE: readonly BudgetItem[] = FEES.flatMap((fee) => {
  const visas = catalogEntry(fee.milestone).applies.visas;
  if (fee.kind !== "flat" || visas === null || visas.length !== 1 || visas[0] !== "J-1") return [];
  return [Object.freeze(owedOnlyIf(IF_PROGRAM_TAKES_J1, feeItem(fee, false)))];
});
