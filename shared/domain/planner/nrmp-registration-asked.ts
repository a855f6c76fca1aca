import { FEES } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { interviewingForMatch } from "./interviewing.ts";

/** The NRMP late registration fee as the fee table has it (official, NRMP's 2023 figure). */
const LATE_FEE_USD = (() => {
  const fee = FEES.find((candidate) => candidate.key === "nrmp_late_fee");
  if (fee === undefined || !("amountUsd" in fee)) throw new Error("fees.json has no flat nrmp_late_fee");
  return fee.amountUsd;
})();

/**
 * Whether NRMP registration is to be asked about rather than said to be missing (tester t9q F2,
 * lead's ruling): the applicant's interview counts for the Match (interviewsAreEvidence) and they
 * never reported the step at all. Most interviewing applicants registered before the early
 * deadline; a reported not_started is believed and keeps the words that say so.
 */
export function nrmpRegistrationAsked(context: PlanContext): boolean {
  return context.entries.get("nrmp_registration") === undefined && interviewingForMatch(context);
}

/**
 * The question, for the card and the NRMP_LATE_FEE risk: "If you have not registered with NRMP yet,
 * register in R3 now (after Mon 30 Nov 2026 the $50 late fee applies); …". `at` is the early
 * registration deadline (epoch ms); while it is projected the fee "may apply" (tester s4 finding 7:
 * a fee that hangs on a projected date is never said as fact).
 */
export function nrmpAskedWords(context: PlanContext, at: number, projected: boolean): string {
  const fee = usd(LATE_FEE_USD);
  const after = projected
    ? `after ${dayBy(context, at)} (projected) the ${fee} late fee may apply`
    : `after ${dayBy(context, at)} the ${fee} late fee applies`;
  return `If you have not registered with NRMP yet, register in R3 now (${after}); you cannot certify a rank order list until you are. If you already registered, mark it done.`;
}
