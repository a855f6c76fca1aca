import type { Plan } from "./plan.ts";

/**
 * How a plan names its Match: "2027 Match", or, when MATCH_YEAR_NOT_FEASIBLE dates the early steps
 * for a later Match, "2027 Match (out of reach: planned for the 2028 Match)", so a heading never
 * names a season every date below it is not for. Pure.
 */
export function matchYearHeading(plan: Pick<Plan, "matchYear" | "risks">): string {
  const later = laterPlannedMatchYear(plan);
  if (later === undefined) return `${plan.matchYear} Match`;
  return `${plan.matchYear} Match (${laterMatchReason(plan.risks.map((risk) => risk.code))}: planned for the ${later} Match)`;
}

/**
 * The Match a plan's dates are for, as an email's footer names it: "Match 2027", or "Match 2028;
 * your 2027 Match: out of reach" when the plan is dated for a later Match (laterPlannedMatchYear),
 * where "(Match 2027)" stood under every email's 2028 dates. Pure.
 */
export function matchPlannedFor(plan: Pick<Plan, "matchYear" | "risks">): string {
  const later = laterPlannedMatchYear(plan);
  if (later === undefined) return `Match ${plan.matchYear}`;
  return `Match ${later}; your ${plan.matchYear} Match: ${laterMatchReason(plan.risks.map((risk) => risk.code))}`;
}

/**
 * Why a plan is dated for a later Match, from its risk codes, in the words the applicant's heading
 * and the console's Match column share: a Match gone through ("not matched, not in SOAP", "no SOAP
 * position reported") is never called out of reach, which it never was. Pure.
 */
export function laterMatchReason(codes: readonly string[]): string {
  return goneThroughReason(codes) ?? "out of reach";
}

/**
 * The Match a plan dated for a later one leaves, and why, as the console's Match column says it:
 * "2027 out of reach", or "2027: not matched, not in SOAP" for a Match gone through. Pure.
 */
export function leftMatchWords(matchYear: number, codes: readonly string[]): string {
  const goneThrough = goneThroughReason(codes);
  return goneThrough === undefined ? `${matchYear} out of reach` : `${matchYear}: ${goneThrough}`;
}

/** Why a plan left a Match that went through (first code found, in this order); undefined for one out of reach. */
function goneThroughReason(codes: readonly string[]): string | undefined {
  // Moved for a SOAP outcome never reported: that Match was in reach, it left no position.
  if (codes.includes("SOAP_OUTCOME_UNREPORTED")) return "no SOAP position reported";
  if (codes.includes("UNMATCHED_NOT_IN_SOAP")) return "not matched, not in SOAP";
  if (codes.includes("NRMP_REGISTRATION_CLOSED")) return "never registered with NRMP";
  return undefined;
}

/**
 * Whether the plan is dated for the next Match because the applicant told us in Match Week they did
 * not match and reported no SOAP position by the contract's date (SOAP_OUTCOME_UNREPORTED), rather
 * than because their Match was out of reach: pages and headings say which. Pure.
 */
export function movedForSoapOutcome(plan: Pick<Plan, "risks">): boolean {
  return plan.risks.some((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
}

/**
 * Whether the plan is dated for the next Match because the applicant told us in Match Week they did
 * not match and are not taking part in SOAP (SOAP "Not for me", Match Week not done:
 * UNMATCHED_NOT_IN_SOAP). Pure.
 */
export function movedForSoapDeclined(plan: Pick<Plan, "risks">): boolean {
  return plan.risks.some((risk) => risk.code === "UNMATCHED_NOT_IN_SOAP");
}

/**
 * The later Match a plan's early steps are dated for when its own is out of reach
 * (MATCH_YEAR_NOT_FEASIBLE's earliest feasible Match) or left no SOAP position reported
 * (SOAP_OUTCOME_UNREPORTED's next Match) or was told "not matched, not in SOAP" (UNMATCHED_NOT_IN_SOAP's); undefined while the plan is dated for its own Match. Pure.
 */
export function laterPlannedMatchYear(plan: Pick<Plan, "matchYear" | "risks">): number | undefined {
  const later = plan.risks.find(
    (risk) =>
      risk.code === "MATCH_YEAR_NOT_FEASIBLE" ||
      risk.code === "SOAP_OUTCOME_UNREPORTED" ||
      risk.code === "UNMATCHED_NOT_IN_SOAP" ||
      risk.code === "NRMP_REGISTRATION_CLOSED",
  )?.earliestFeasibleMatchYear;
  return later === undefined || later === plan.matchYear ? undefined : later;
}

/** The Match the plan's dates are for: the later one when its own is out of reach (laterPlannedMatchYear), else its own. Pure. */
export function matchYearDatedFor(plan: Pick<Plan, "matchYear" | "risks">): number {
  return laterPlannedMatchYear(plan) ?? plan.matchYear;
}

/**
 * The Match an entry's dates are for: "2027", or "2028; the 2027 Match is out of reach" when the
 * plan is dated for a later Match than the applicant targets (a bare "Match 2027" would tell an
 * advisor the wrong Match for a plan dated for 2028).
 */
export function matchNamed(entry: { matchYear: number; plannedMatchYear?: number | undefined }): string {
  return entry.plannedMatchYear === undefined
    ? String(entry.matchYear)
    : `${entry.plannedMatchYear}; the ${entry.matchYear} Match is out of reach`;
}
