import { catalogEntry, FEES, FEES_OTHER_CURRENCY } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { applies, type PlanContext, statusOf } from "./context.ts";

/**
 * Whether the applicant has paid a fee of `key`'s step, by the budget's rule (fees.json
 * `spentWhen`: exams once scheduled, the rest once done), so a risk's fee words say what the budget
 * shows: never "pay no …" or "before you pay …" for a fee already paid, and never silence about one
 * that is. False for a step with no fee.
 */
export function feePaid(context: PlanContext, key: MilestoneKey): boolean {
  const status = statusOf(context, key);
  return FEES.some((fee) => fee.milestone === key && fee.spentWhen.includes(status));
}

/**
 * The fees paid (feePaid's rule) for the steps that need an ECFMG-eligible school, as one phrase for
 * the ineligible school's words: "2 fees (Application for ECFMG Certification; USMLE Step 1 exam
 * fee)", or null when none is paid. Fees in another currency are named too.
 */
export function paidGatedFees(context: PlanContext): string | null {
  const labels: string[] = [];
  for (const fee of [...FEES, ...FEES_OTHER_CURRENCY]) {
    const entry = catalogEntry(fee.milestone);
    if (!entry.needsEcfmgEligibleSchool || !applies(context, entry)) continue;
    if (fee.spentWhen.includes(statusOf(context, fee.milestone))) labels.push(fee.label);
  }
  if (labels.length === 0) return null;
  return labels.length === 1 ? `the fee for ${labels[0]}` : `${labels.length} fees (${labels.join("; ")})`;
}
