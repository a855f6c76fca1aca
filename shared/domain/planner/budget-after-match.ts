import { catalogEntry } from "../catalog/index.ts";
import type { BudgetItem } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { MILESTONE_KEYS } from "../snapshot-keys.ts";
import { owedOnlyIf } from "./budget-items.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";

/**
 * The fees of the steps after Match Day (the contract and visa steps: the J-1 sponsorship, SEVIS,
 * the visas, the H-1B petition, and the fees to verify charged on them) are owed only once the
 * Match places the applicant with a program, and for an H-1B only if that program files a petition:
 * ECFMG's J-1 application opens from the program's contract (facts.md, "J-1 application steps",
 * https://ecfmg.org/evsp/application-process.html) and the H visa fee follows the petition. Until
 * Match Day is done they are listed apart, in no total, as Step 3's fee is while it waits for the
 * Match (step3-fee-waits.ts); once matched they are counted as usual. A fee paid stays spent.
 */

/** The steps that follow Match Day in the catalog's prerequisite chain (the contract and visa steps). */
export const AFTER_MATCH_DAY: ReadonlySet<MilestoneKey> = afterMatchDay();
function afterMatchDay(): Set<MilestoneKey> {
  const after = new Set<MilestoneKey>();
  const follows = (key: MilestoneKey): boolean =>
    catalogEntry(key).prerequisites.some((each) => each.key === "match_day" || follows(each.key));
  for (const key of MILESTONE_KEYS) if (follows(key)) after.add(key);
  return after;
}

/** The condition on a fee only an H-1B petition from the applicant's program makes owed. */
export const IF_PROGRAM_FILES_H1B =
  "If the program your Match places you with files an H-1B petition for you";

const ONCE_MATCHED_J1 =
  "Once the Match places you with a program (ECFMG's J-1 application opens only from that program's contract)";

/**
 * Whether a fee of `key`'s step still to pay waits for the Match: the step comes after Match Day
 * and Match Day is not done (where they matched is not known, or they did not match).
 */
export function feeWaitsForMatch(context: PlanContext, key: MilestoneKey): boolean {
  return AFTER_MATCH_DAY.has(key) && !isFinished(statusOf(context, "match_day"));
}

/** `item` (a fee of `key`'s step, feeWaitsForMatch) listed apart with the condition it is owed on. */
export function owedOnceMatched(key: MilestoneKey, item: BudgetItem): BudgetItem {
  return owedOnlyIf(H1B_STEPS.has(key) ? IF_PROGRAM_FILES_H1B : ONCE_MATCHED_J1, item);
}

/** The steps after Match Day that only an H-1B petition brings (the rest are the J-1's and the contract). */
export const H1B_STEPS: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>(["visa_h1b", "visa_h1b_stamping"]);
