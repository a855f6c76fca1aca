import { FEES } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { type PlanContext, statusOf } from "./context.ts";

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
