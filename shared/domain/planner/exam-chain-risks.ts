import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { examsLateForRankingRisk } from "./exams-late-for-ranking-risk.ts";
import { lastWorkingInstant } from "./last-working-instant.ts";
import { lastDayRisk } from "./match-year-last-day.ts";
import { foldedExamRisk } from "./one-exam-risk.ts";
import { foldedPathwayRisk } from "./one-pathway-risk.ts";
import type { TargetedMatch } from "./targeted-match.ts";

// The exam-chain risks beside assessRisks (risks.ts): one per exam, and the later Match's own.

/**
 * MATCH_YEAR_LAST_DAY and EXAMS_LATE_FOR_RANKING for the later Match a plan moved to, on that
 * Match's context and dates, while its rank order list deadline is ahead: the same rules as for the
 * entered Match (a 2028 Pathway deadline five days away drew only TARGET_PASSED).
 */
export function targetedMatchRisks(targeted: TargetedMatch): Risk[] {
  const { context, dates } = targeted;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const feasibility = targeted.feasibility();
  if (context.now > rol || feasibility.infeasible) return [];
  const risks: Risk[] = [];
  const last = lastWorkingInstant(context, feasibility);
  const lastDay = last === null ? null : lastDayRisk(context, last);
  if (lastDay !== null) risks.push(lastDay);
  const examsLate = examsLateForRankingRisk(context, dates);
  if (examsLate !== null) risks.push(...oneRiskPerExam(context, risks, lastDay, examsLate));
  return risks;
}

/**
 * EXAMS_LATE_FOR_RANKING to push, alone or folded with the MATCH_YEAR_LAST_DAY already in `risks`
 * about the same exam (foldedExamRisk) or the same Pathway deadline
 * (foldedPathwayRisk), which then leaves `risks`.
 */
export function oneRiskPerExam(
  context: PlanContext,
  risks: Risk[],
  lastDay: Risk | null,
  examsLate: Risk,
): Risk[] {
  const folded =
    lastDay === null
      ? null
      : (foldedExamRisk(context, lastDay, examsLate) ?? foldedPathwayRisk(context, lastDay, examsLate));
  if (folded === null) return [examsLate];
  risks.splice(risks.indexOf(lastDay as Risk), 1);
  return [folded];
}
