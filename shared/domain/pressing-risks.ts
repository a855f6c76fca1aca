import type { Risk, RiskCode } from "./plan.ts";

/**
 * Critical risks about the applicant's Match year rather than a step's own state: the steps they
 * name are planned for a later Match and follow that Match's dates (see stepUrgency).
 */
const LATER_MATCH_RISKS: ReadonlySet<RiskCode> = new Set<RiskCode>([
  "MATCH_YEAR_NOT_FEASIBLE",
  "SEASON_OVER",
]);

/**
 * Whether a risk makes the steps it names urgent: critical, and not about a later Match. The
 * planner presses those steps (pressCriticalSteps) and the badge says so (stepBadge: "urgent:
 * result pending"), by this one rule.
 */
export function pressesSteps(risk: Pick<Risk, "severity" | "code">): boolean {
  return risk.severity === "critical" && !LATER_MATCH_RISKS.has(risk.code);
}
