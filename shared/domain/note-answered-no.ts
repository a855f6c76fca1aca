import type { Plan } from "./plan.ts";

/**
 * Whether the plan holds a sponsor note answered "no": SCHOOL_NOT_ECFMG_ELIGIBLE (the gate closed)
 * or ANSWERS_CONTRADICT_RECORD (asked about; beside a certificate the gate is open). Only the answer
 * itself (the intake form sent again, or the advisor) changes that: Done on the WDOMS check would
 * record a look-up and change nothing the plan reads, so it is not offered (applicant-choices.ts),
 * where its page promised to "plan the steps that were waiting for it".
 */
export function noteAnsweredNo(plan: Pick<Plan, "risks">): boolean {
  for (const risk of plan.risks)
    if (risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE" || risk.code === "ANSWERS_CONTRADICT_RECORD") return true;
  return false;
}
