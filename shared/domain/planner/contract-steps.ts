import type { Visa } from "../snapshot.ts";

/**
 * What waits on the Match result: "contract and visa steps", or "contract steps" for an applicant
 * with visa "none" (a US citizen or permanent resident needs no visa to train).
 */
export function contractSteps(visa: Visa): string {
  return visa === "none" ? "contract steps" : "contract and visa steps";
}
