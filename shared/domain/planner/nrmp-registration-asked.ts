import { FEES } from "../catalog/index.ts";
import { usd } from "../money.ts";
import type { BudgetItem, Risk } from "../plan.ts";
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
  return `${ASKED_OPENING}, register in R3 now (${after}); you cannot certify a rank order list until you are. If you already registered, mark it done.`;
}

/** The question's opening: only the asked NRMP_LATE_FEE risk's message starts with it. */
const ASKED_OPENING = "If you have not registered with NRMP yet";

/**
 * Whether a risk is NRMP_LATE_FEE asking (nrmpAskedWords) rather than telling: read from the risk's
 * own message, so the escalation and the advisor's digest, which hold only a risk's code and
 * message (stored escalations too), word it as the plan did (t9q F2 leftovers).
 */
export function asksNrmpRegistration(risk: Pick<Risk, "code" | "message">): boolean {
  return risk.code === "NRMP_LATE_FEE" && risk.message.startsWith(ASKED_OPENING);
}

/** The asked risk's critical notice title ({year}: the Match), keeping the move (lead, session 24). */
export const NRMP_ASKED_NOTICE_TITLE =
  "Registered with NRMP? You are interviewing for the {year} Match: if not, register in R3 now";

/** The asked risk's title in an escalation and the advisor's digest (RISK_TITLES has the told one). */
export const NRMP_ASKED_RISK_TITLE =
  "Interviewing applicant has not told us whether they registered with NRMP (late fee, and no ranking without it)";

/**
 * An NRMP fee (registration, late fee) still to pay for an applicant asked whether they registered:
 * owed only if they have not, so it is shown "if you have not registered yet" among the fees to
 * verify, in no total (lead's ruling, session 24: nothing budgeted as certain that they did not
 * report). Its own flag, if any (the registration fee's secondary figure), follows.
 */
export function nrmpAskedFee(item: BudgetItem): BudgetItem {
  const owed = `${ASKED_OPENING} (you have not told us): owed only then, so not counted in the totals`;
  return { ...item, verify: item.verify === undefined ? owed : `${owed}; ${item.verify}` };
}
