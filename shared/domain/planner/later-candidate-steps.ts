import type { MilestoneKey } from "../snapshot.ts";
import { type PlanContext, statusOf } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Feasibility } from "./feasibility.ts";
import { laterCandidateOnly } from "./later-candidate-feasibility.ts";
import { pathwayPassedKeepsMatch } from "./pathway-unconfirmed-risk.ts";
import { planDates } from "./plan-dates.ts";
import { projectedCalendarOf } from "./projected-calendar.ts";

/** The steps a plan lays on the later candidate's dates, with that context and its dates. */
export interface LaterCandidateSteps {
  keys: ReadonlySet<MilestoneKey>;
  context: PlanContext;
  dates: PlanDates;
}

/**
 * For a Match in reach on the later candidate of the projected rank order list deadline only
 * (withLaterCandidate): the steps that candidate's chain still waits on and the applicant has begun
 * (its takes under way or booked: Step 2 CK under way…), planned on its calendar, so each carries
 * that candidate's last day (Wed 3 Feb 2027 for a 2027 exam) with its reminders to it, as a last
 * sitting day does today; every other step keeps the projected (earlier) date. A step not begun
 * (an early starter who let the earlier act-by day pass with nothing started) keeps the earlier
 * date too: when a date is uncertain the plan is dated by the earlier one, and the later day is named
 * only in MATCH_YEAR_LAST_DAY, "if NRMP's deadline turns out later" (its rows read 2 Feb 2028
 * beside a risk saying the deadline stays 26 Jan 2028). Null for every other plan (one WeakMap
 * look-up), or when no begun step is left.
 */
export function laterCandidateSteps(feasibility: Feasibility): LaterCandidateSteps | null {
  const only = laterCandidateOnly(feasibility);
  if (only === undefined) return null;
  const keys = new Set<MilestoneKey>();
  // The OET too: its last sitting day follows NRMP's. The Pathway's
  // card keeps the projected dates it shares with the rank order list (its acceptance is due by the
  // plan's deadline); the critical risk names its later day.
  // The ECFMG application planned for a day (scheduled) is not begun either (exam-chain.ts notYetIn):
  // laid on the later candidate, its row and card switched silently to that candidate's day once the
  // projected one passed ("submit it by Mon 7 Jun"), while the same step not started read overdue.
  // The OET not started beside a Pathway past its projected deadline is dated by the day the
  // Pathway's risk names for it (pathwayPassedKeepsMatch): the whole Match hangs on the later
  // candidate then, and its row read Tue 5 Jan, "overdue" from the 6th, beside "sit it by Tue 12 Jan".
  let oet: boolean | undefined;
  for (const take of only.feasibility.takes) {
    if (take.key === "ecfmg_pathway") continue;
    if (begun(only.context, take.key)) keys.add(take.key);
    else if (take.key === "oet_medicine") {
      oet ??= pathwayPassedKeepsMatch(only.context, projectedCalendarOf(only.context.calendar), only);
      if (oet) keys.add(take.key);
    }
  }
  if (keys.size === 0) return null;
  return { keys, context: only.context, dates: planDates(only.context) };
}

/** Whether the applicant has begun a step of the chain: anything but not started, and for the ECFMG application only more than a planned day. */
function begun(context: PlanContext, key: MilestoneKey): boolean {
  const status = statusOf(context, key);
  return status !== "not_started" && !(key === "ecfmg_application" && status === "scheduled");
}
