import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { step3VisaDays } from "./h1b.ts";
import { h1bJ1Fallback } from "./h1b-j1-fallback.ts";
import { matchOutcomeNow } from "./match-day-unreported.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";

/**
 * VISA_NOT_READY_FOR_START before the applicant tells us where they matched: on H-1B, Match Day's
 * release past and unreported (a certified list, no "not matched" in Match Week), or ranking over
 * with the release still ahead (awaitingMatchDay), while h1bJ1Fallback finds the H-1B for the start
 * date out of reach: with the petition 60 days before the stamping, Step 3's day for it is about
 * Match Day, so the chain is known not to fit before the Match. The contract and the petition wait on the answer,
 * but Step 3 (FSMB, abroad a visitor visa, a seat, about 4 weeks to the result) does not, and the start date
 * comes in weeks: silence until Match Day is marked done would leave a July start promised that this
 * plan's own allowances cannot give. Zero or one Risk; Match Day's release is noted for re-planning.
 */
export function unreportedH1bRisks(context: PlanContext, dates: PlanDates): Risk[] {
  if (context.applicant.visa !== "H-1B") return [];
  const outcome = matchOutcomeNow(context) ?? rankingAbroad(context);
  if (outcome === null || outcome === "matched") return [];
  const sources: string[] = [];
  const fallback = h1bJ1Fallback(context, dates, sources, outcome);
  if (fallback === null) return [];
  return [
    {
      code: "VISA_NOT_READY_FOR_START",
      severity: "critical",
      message: fallback,
      milestones: ["usmle_step3", "visa_h1b"],
      sources,
      matchOutcome: outcome,
    },
  ];
}

/**
 * "ranking": abroad, before the rank order list deadline, in this Match (feasible): the day the
 * chain to the petition's Step 3 stops fitting (h1bJ1Fallback: the visitor visa's day to apply by,
 * FSMB beside it) comes weeks before ranking ends, and an applicant without a visitor visa then
 * needs to hear at once that the H-1B for the start date is likely lost, while the programs they
 * would rank can still be asked about a later start or a J-1 (advice). The snapshot records no
 * visitor visa held, so the words keep that route open. Null otherwise (in the US the petition's
 * risk after ranking speaks: step3PetitionAfterRankingRisk).
 */
function rankingAbroad(context: PlanContext): "ranking" | null {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol || step3VisaDays(context) === 0) return null;
  return feasibilityOf(context).infeasible ? null : "ranking";
}
