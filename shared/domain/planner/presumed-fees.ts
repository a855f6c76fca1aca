import {
  catalogEntry,
  FEES,
  FEES_OTHER_CURRENCY,
  type Fee,
  type FeeToVerify,
  MILESTONE_CATALOG,
  type OtherCurrencyFee,
} from "../catalog/index.ts";
import type { BudgetItem } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { paidToVerifyItem, presumedToVerifyItem, toVerifyItem } from "./budget-items.ts";
import { stepIndex } from "./catalog-index.ts";
import { applies, type PlanContext, statusOf } from "./context.ts";
import { feeStatusOf } from "./fees-paid.ts";

/**
 * One rule for the fees of steps an interview presumes done (presumed-in-the-match.ts):
 * the applicant never reported those steps, so what was paid for them is
 * the interview's suggestion, not their word. Each fee the fee table prices for such a step is in
 * the budget once, as presumed paid ("presumed from your interview"), counted apart from what the
 * applicant reported spent, in USD and in another currency alike; the moved plan's
 * MATCH_YEAR_NOT_FEASIBLE names exactly the season's fees the budget shows so (presumedSeasonFees).
 */

/**
 * Whether `fee` (USD or another currency) is presumed paid: its step is among the context's
 * `presumedDone`, and the status presumed counts the fee as paid by the fee table's `spentWhen`
 * (a Pathway presumed sent, in progress, pays nothing the table prices). ERAS per-program fees
 * with no programs planned are no fee, as the budget has it. Cheap when nothing is presumed.
 */
export function presumedPaid(context: PlanContext, fee: Fee | OtherCurrencyFee): boolean {
  const presumed = context.presumedDone;
  if (presumed === undefined || !presumed.includes(stepIndex(fee.milestone))) return false;
  if (!fee.spentWhen.includes(feeStatusOf(context, fee.milestone))) return false;
  return !("kind" in fee && fee.kind === "eras_per_program" && context.applicant.programsPlanned === 0);
}

/**
 * `item` (a fee's line, shared and frozen) as presumed paid: a copy, for the few plans that presume.
 * `from` "steps": presumed from a later step the applicant marked done (impliedPaidSteps), not an interview.
 */
export function presumedItem(item: BudgetItem, from?: "steps"): BudgetItem {
  return from === undefined
    ? { ...item, status: "presumed" }
    : { ...item, status: "presumed", presumedFrom: from };
}

/** The catalog indices of the steps a fee is paid at (USD or another currency), each once. */
const FEE_STEPS_AT: readonly number[] = [
  ...new Set([...FEES, ...FEES_OTHER_CURRENCY].map((fee) => stepIndex(fee.milestone))),
];

/**
 * The steps with a fee that the plan reads as done or booked only because a later step the
 * applicant marked done needs them (buildContext marks a done step's prerequisites done: an ERAS
 * application implies this season's token, a certificate the exams and the OET), never reported so:
 * a bit per catalog index. Their fees are presumed paid, as an interview's are, never "spent" (the
 * applicant's "spent" read $165 + AU$587 more than they reported). A step the applicant
 * reported booked or done (or under way with its day given: booked, feeStatusOf) is theirs, not
 * presumed. About a dozen array reads per plan; 0 for most.
 */
export function impliedPaidSteps(context: PlanContext): number {
  let bits = 0;
  for (let at = 0; at < FEE_STEPS_AT.length; at++) {
    const index = FEE_STEPS_AT[at] as number;
    const status = context.statuses[index];
    if (status !== "done" && status !== "scheduled") continue;
    const reported = context.entries.at(index);
    if (reported?.status === "done" || reported?.status === "scheduled") continue;
    if (reported?.status === "in_progress" && reported.date !== undefined && APPLICANT_DATED[index] === true)
      continue;
    bits |= 1 << index;
  }
  return bits;
}

/** Whether the step is booked when under way with its day given (catalog `applicantDateIsDue`), by catalog index. */
const APPLICANT_DATED: readonly boolean[] = FEE_STEPS_AT.reduce<boolean[]>((dated, index) => {
  dated[index] = MILESTONE_CATALOG[index]?.applicantDateIsDue === true;
  return dated;
}, []);

/** Whether `key`'s step is among `implied` (impliedPaidSteps). */
export function impliedPaid(implied: number, key: MilestoneKey): boolean {
  return implied !== 0 && (implied & (1 << stepIndex(key))) !== 0;
}

/** How MATCH_YEAR_NOT_FEASIBLE names a season fee (fee table key), as the paid applicant knows it. */
const SEASON_FEE_WORDS: Readonly<Record<string, string>> = {
  eras_token: "ERAS token",
  eras_programs: "ERAS applications",
  eras_usmle_transcript: "USMLE transcript to ERAS",
  nrmp_registration: "NRMP registration",
};

/**
 * The fees of the entered Match's season (steps bound to one season, catalog `seasonBound`) that
 * the budget shows as presumed paid (presumedPaid), named in fee table order: "ERAS token", "ERAS
 * applications", "USMLE transcript to ERAS". Empty when nothing is presumed.
 */
export function presumedSeasonFees(context: PlanContext): string[] {
  if (context.presumedDone === undefined) return [];
  const names: string[] = [];
  for (const fee of FEES) {
    if (catalogEntry(fee.milestone).seasonBound !== true || !presumedPaid(context, fee)) continue;
    names.push(SEASON_FEE_WORDS[fee.key] ?? fee.label);
  }
  return names;
}

/**
 * A fee to verify's line (toVerifyItem), presumed paid (presumedToVerifyItem) when it has words for
 * that (`presumedVerify`) and an interview presumes every one of its steps done
 * (the Pathway's fee read "upcoming … before applying" beside a Pathway presumed sent).
 */
export function verifyItemOf(context: PlanContext, fee: FeeToVerify): BudgetItem {
  const presumed = context.presumedDone;
  if (
    fee.presumedVerify !== undefined &&
    presumed !== undefined &&
    fee.milestones.every((key) => presumed.includes(stepIndex(key)))
  )
    return presumedToVerifyItem(fee);
  // Reported done: paid, whatever the amount ("upcoming … before applying" beside a Pathway done).
  // A fee charged on either track's visa (the Visa Integrity Fee) was paid with the one issued: a
  // stamped H visa left it "upcoming" while the J-1 visa, not this applicant's, was not done.
  return fee.paidVerify !== undefined && fee.milestones.some((key) => statusOf(context, key) === "done")
    ? paidToVerifyItem(fee)
    : toVerifyItem(fee);
}

/**
 * Whether a fee to verify has nothing left to verify: listed only until its steps are done
 * (`untilDone`: the USMLE surcharge), every one of them that applies is done; or
 * every step it is for is one the ECFMG certificate needed (the Pathway), and the certificate is
 * done: that fee was paid on the way, or never owed (a certificate issued before the Pathways), so
 * it cannot apply and is not "to verify".
 */
export function verifiedWhenDone(context: PlanContext, fee: FeeToVerify): boolean {
  if (
    statusOf(context, "ecfmg_certification") === "done" &&
    fee.milestones.every((key) => CERTIFIED.has(key))
  )
    return true;
  if (fee.untilDone === undefined) return false;
  for (const key of fee.milestones)
    if (applies(context, catalogEntry(key)) && statusOf(context, key) !== "done") return false;
  return true;
}

/** The steps the ECFMG certificate needs (the catalog's prerequisites: the exams and the Pathway). */
const CERTIFIED: ReadonlySet<string> = new Set(
  catalogEntry("ecfmg_certification").prerequisites.map((prerequisite) => prerequisite.key),
);
