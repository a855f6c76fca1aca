import { RISK_CODES, type Risk } from "../plan.ts";
import { bookedAfterTargetRisk } from "./booked-after-target.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Gates } from "./milestone-step.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { slippedTargetsRisk } from "./slipped-targets-risk.ts";

/**
 * The risks about the competitive targets themselves: an exam booked after its
 * target (BOOKED_AFTER_TARGET), targets moved later by an earlier step past its own (TARGETS_SLIPPED). Only for a school that may certify and a Match in reach: otherwise
 * the plan's targets are another Match's and other risks say why; behind the unchecked gate
 * they are held steps'. `risks` as assessRisks ordered
 * them, with these in their places (critical first, then RISK_CODES order), in place.
 */
export function withTargetRisks(
  risks: Risk[],
  context: PlanContext,
  dates: PlanDates,
  gates: Pick<Gates, "ineligible" | "unchecked" | "feasibility" | "slipped">,
): Risk[] {
  if (gates.ineligible || gates.unchecked || gates.feasibility.infeasible) return risks;
  const booked = bookedInReviewSeason(context, dates, risks);
  const slipped = slippedTargetsRisk(context, dates, risks, gates.slipped?.moved);
  if (booked === null && slipped === null) return risks;
  // `risks` is in order already (assessRisks): each one added goes after every risk ranked before
  // or with it, the place a stable sort of the list with it appended gives, with no copy or re-sort.
  if (slipped !== null) insertRisk(risks, slipped);
  if (booked !== null) insertRisk(risks, booked);
  return risks;
}

/**
 * BOOKED_AFTER_TARGET while it is the exam's one instruction: not once ranking opens
 * for the Match the plan targets (programs are no longer reviewing applications to invite), nor
 * beside an EXAMS_LATE_FOR_RANKING that names every exam it would, whose "keep that date" against
 * the rank order list deadline is the instruction that counts (not "book an earlier date" beside it).
 */
function bookedInReviewSeason(context: PlanContext, dates: PlanDates, risks: readonly Risk[]): Risk | null {
  const opens = dates.calendar.dates.nrmp_rank_order_list_entry_opens.at;
  if (context.now >= opens) return null;
  const booked = bookedAfterTargetRisk(context, dates);
  if (booked === null) return null;
  noteRiskChange(context, opens);
  const late = risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
  return late !== undefined && booked.milestones.every((key) => late.milestones.includes(key))
    ? null
    : booked;
}

/** Inserts `risk` into `risks` (in orderRisks' order) after every risk that ranks before or with it. */
export function insertRisk(risks: Risk[], risk: Risk): void {
  const rank = rankOf(risk);
  let at = risks.length;
  while (at > 0 && rankOf(risks[at - 1] as Risk) > rank) at--;
  risks.splice(at, 0, risk);
}

/** orderRisks' key as one number: critical before warning, then RISK_CODES order. */
function rankOf(risk: Risk): number {
  return (risk.severity === "critical" ? 0 : RISK_CODES.length + 1) + RISK_CODES.indexOf(risk.code);
}
