import type { Visa } from "../snapshot.ts";
import type { PlanDates } from "./deadlines.ts";

/**
 * What waits on the Match result: "contract and visa steps", or "contract steps" for an applicant
 * with visa "none" (a US citizen or permanent resident needs no visa to train).
 */
export function contractSteps(visa: Visa): string {
  return visa === "none" ? "contract steps" : "contract and visa steps";
}

/**
 * The date the plan gives the contract, in the words every risk naming it uses: "Fri 2 Apr 2027
 * (the date this plan gives the contract, two weeks after Match Day: our advice)" (the catalog's
 * contract entry: no authority sets a signing window), shown as the step shows it (asDay advice).
 * Null when the plan dates no contract.
 */
export function contractDayWords(dates: PlanDates): string | null {
  const due = dates.due("contract");
  if (due === null) return null;
  return `${dates.rendered(due).local} (the date this plan gives the contract, two weeks after Match Day: our advice)`;
}
