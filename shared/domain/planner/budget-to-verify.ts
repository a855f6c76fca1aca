import { catalogEntry, FEES_TO_VERIFY, type FeeToVerify } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { BudgetItem } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { zoneInUsOrCanada } from "../us-zones.ts";
import { feeWaitsForMatch, owedOnceMatched } from "./budget-after-match.ts";
import { heldItem, paidToVerifyItem, toVerifyItem } from "./budget-items.ts";
import { applies, type PlanContext, statusOf } from "./context.ts";
import { consularOnlyToVerify } from "./h1b-in-us.ts";
import { proclamationRowListed } from "./h1b-proclamation-risk.ts";
import { verifiedWhenDone, verifyItemOf } from "./presumed-fees.ts";

/**
 * A fee nobody should budget for: its step needs an ECFMG-eligible school the applicant's is not
 * (`ineligible`). Spent fees stay.
 */
export function gated(ineligible: boolean, key: MilestoneKey): boolean {
  return ineligible && catalogEntry(key).needsEcfmgEligibleSchool;
}

/**
 * Whether the applicant's zone is outside the US and Canada, where the USMLE surcharge may be owed
 * (the fee's `outsideUsAndCanada`): a budget memo flag, since two plans alike but for it differ.
 */
export function testsAbroad(context: PlanContext): boolean {
  return !zoneInUsOrCanada(context.zone);
}

/**
 * The fees to verify the budget lists (FEES_TO_VERIFY): each whose steps apply, are not gated and
 * not waived, and still have something to verify; the exam surcharge only outside the US and
 * Canada; the proclamation's row only where its risk is. `ranking`: what the budget does to a fee of
 * the rank order list (NRMP's fees held while asked or weighed, the next Match's once this one is over).
 * A visa fee's line before Match Day is done says it is owed only once matched (budget-after-match.ts).
 * While the sponsor note is unknown (`unchecked`), a fee whose steps need it is held back, as the
 * fee table's are (buildBudget): the Visa Integrity Fee read "Once the Match places you…" among J-1
 * fees each "held back … depends on your school's ECFMG sponsor note".
 */
export function feesToVerify(
  context: PlanContext,
  school: { ineligible: boolean; unchecked: boolean },
  ranking: (item: BudgetItem) => BudgetItem = (item) => item,
): BudgetItem[] {
  const { ineligible } = school;
  const listed: BudgetItem[] = [];
  for (const fee of FEES_TO_VERIFY) {
    const held = school.unchecked && heldForNote(context, fee);
    const relevant =
      (fee.outsideUsAndCanada === undefined || testsAbroad(context)) &&
      fee.milestones.some(
        (key) =>
          applies(context, catalogEntry(key)) &&
          !gated(ineligible, key) &&
          statusOf(context, key) !== "waived",
      );
    if (!relevant || verifiedWhenDone(context, fee) || !proclamationRowListed(context, fee)) continue;
    if (fee.rankedPast !== undefined) {
      const past = rankedPastItem(context, fee, fee.rankedPast);
      if (past !== null) listed.push(held ? heldItem(past) : ranking(past));
      continue;
    }
    const item = verifyItemOf(context, fee); // presumed paid for steps an interview presumes
    const issued = consularOnlyToVerify(context, fee, item) ?? item; // the visa's issuance
    // A visa step's fee before Match Day is done: owed only once matched (budget-after-match.ts).
    const step = fee.milestones.find((key) => applies(context, catalogEntry(key)));
    const waits = step !== undefined && feeWaitsForMatch(context, step);
    listed.push(held ? heldItem(issued) : waits ? owedOnceMatched(step, issued) : issued);
  }
  return listed;
}

/** Whether every step `fee` is for that applies needs the sponsor note, and none is done. */
function heldForNote(context: PlanContext, fee: FeeToVerify): boolean {
  const steps = fee.milestones.filter((key) => applies(context, catalogEntry(key)));
  return (
    steps.length > 0 &&
    steps.every((key) => catalogEntry(key).needsEcfmgEligibleSchool && statusOf(context, key) !== "done")
  );
}

/**
 * A fee per program ranked past those registration covers (`rankedPast`: NRMP's $30 past 20), for an
 * applicant planning more programs than that (null otherwise): its amount per program, and the most
 * it can come to if every program planned were ranked, with that assumption (advice). Never counted:
 * how many programs interview them is not known.
 */
function rankedPastItem(
  context: PlanContext,
  fee: FeeToVerify,
  rankedPast: NonNullable<FeeToVerify["rankedPast"]>,
): BudgetItem | null {
  const planned = context.applicant.programsPlanned;
  const past = planned - rankedPast.included;
  if (past <= 0 || fee.amountUsd === null) return null;
  const most = usd(past * fee.amountUsd);
  return {
    ...toVerifyItem(fee),
    label: `${fee.label} (at most ${most} if you rank all ${planned} programs you plan to apply to)`,
    verify: `${fee.verify}; at most ${most}, ${past} programs past ${rankedPast.included} (${rankedPast.assumption})`,
  };
}

/**
 * The fees to verify owed on issuing the B-1/B-2 visa for Step 3's trip too (their
 * `visitorVisaForStep3` label), as lines beside that visa's fee: each with a key of its own, since
 * the what-if diff matches lines by key. `paid`: the visa's fee is spent (Step 3 sat), so each line
 * is too, in its `paidVerify` words, as a fee that may have been paid, never one still to pay.
 * Static fee-table data, built once and frozen.
 */
export function visitorVisaToVerify(paid: boolean): readonly BudgetItem[] {
  return paid ? VISITOR_VISA_PAID : VISITOR_VISA_TO_VERIFY;
}

const VISITOR_VISA_TO_VERIFY = visitorVisaLines(toVerifyItem);
const VISITOR_VISA_PAID = visitorVisaLines(paidToVerifyItem);

function visitorVisaLines(line: (fee: FeeToVerify) => BudgetItem): readonly BudgetItem[] {
  return FEES_TO_VERIFY.flatMap((fee) =>
    fee.visitorVisaForStep3 === undefined
      ? []
      : [Object.freeze({ ...line(fee), key: `${fee.key}_visitor_visa`, label: fee.visitorVisaForStep3 })],
  );
}
