import type { PlanContext } from "./context.ts";
import type { ContractNeededBy } from "./contract-needed-by.ts";
import type { PlanDates } from "./deadlines.ts";
import { h1bInUs } from "./h1b-in-us.ts";
import { visaMovedPastStart } from "./visa-moved-past-start.ts";
import { type ExpectedPastStart, visaDateOf } from "./visa-step-late.ts";

// The visa paperwork starts from the signed contract (ECFMG's J-1 application, the program's H-1B
// petition: the catalog's prerequisites). A contract the applicant plans to sign (scheduled) so late
// that the step waiting on it, and the steps after it at the chain's own allowances, carry the visa
// past residency's start is said the day that date is given, as a Statement of Need expected late
// is (expectedPastStart), not once the plan's own day for the contract has passed.

/**
 * The contract planned (scheduled) for a day later than the date the step waiting on it needs it by
 * (contractNeededBy: the J-1 sponsorship, the H-1B petition) by more than the room between that
 * step's visa date and residency's start: each day later moves that step and the ones after it a day
 * later, so the visa would come after the start (`visaAt`). Null otherwise, and for an H-1B
 * applicant in the US, whose petition may bring the status itself (change of status).
 */
export function contractExpectedPastStart(
  context: PlanContext,
  needed: ContractNeededBy | null,
  dates: PlanDates,
): ExpectedPastStart | null {
  if (needed === null || needed.step === null) return null;
  const given = context.entries.get("contract");
  if (given?.status !== "scheduled" || given.date === undefined || h1bInUs(context)) return null;
  const visa = visaDateOf(needed.step, dates);
  if (visa === null) return null;
  const moved = visaMovedPastStart(context, given.date, needed.due.at, visa.at);
  return moved === null ? null : { key: "contract", expected: given.date, visaAt: moved, filed: false };
}

/** The words of a contract planned too late (contractExpectedPastStart), with a leading space: `visaDay`, the visa's day it leads to. */
export function contractExpectedWords(needed: ContractNeededBy, expected: string, visaDay: string): string {
  const waiting = needed.step === null ? "your visa steps start" : `your ${needed.step.advisorName} starts`;
  return ` You plan to sign your program's contract on ${expected}: ${waiting} only from the signed contract, and with the time this plan allows for each step after it, your visa would come around ${visaDay}, after residency starts. Ask your program's GME office today to let you sign it now, and tell it that your start may be delayed.`;
}
