import type { CatalogEntry } from "../catalog/index.ts";
import type { BlockedStep, Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { afterMatchDay, datedFromMatchDay, fromMatchDayWhy } from "./from-match-day.ts";
import { gatedSittingOf } from "./gated-sittings.ts";
import { h1bCertificateTarget } from "./h1b.ts";
import { inUsTitle } from "./h1b-in-us.ts";
import { h1bRowTarget } from "./h1b-row-target.ts";
import { instantOf } from "./instant-of.ts";
import { withJ1CertificateTarget } from "./j1-certificate.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { type SlippedSteps, shownTarget } from "./slipped-step-targets.ts";
import { type StepRenderings, targetDetailOf } from "./step-renderings.ts";
import { whyBlocked } from "./step-text.ts";
import type { StepGates } from "./waiting-for.ts";

/** A blocked step's date as planMilestone found it: `detail` its due date rendered, `passed` whether it has passed. */
export interface BlockedDates {
  detail: Deadline | undefined;
  passed: boolean;
  index: number;
  stepDates: PlanDates;
  shown: StepRenderings;
}

/**
 * The one BlockedDates record planMilestone fills for every blocked step of every plan: blockedStep
 * and datedBlocked read it while the step is made and keep none of it (the step they return holds
 * its renderings, never the record), and a record per blocked step showed in heap sampling.
 */
export function blockedDates(
  detail: Deadline | undefined,
  passed: boolean,
  index: number,
  stepDates: PlanDates,
  shown: StepRenderings,
): BlockedDates {
  if (record === undefined) {
    record = { detail, passed, index, stepDates, shown };
    return record;
  }
  record.detail = detail;
  record.passed = passed;
  record.index = index;
  record.stepDates = stepDates;
  record.shown = shown;
  return record;
}
let record: BlockedDates | undefined;

/**
 * A step waiting for `waitingFor` (planMilestone): its title and why, what lifts a gate
 * (`resolvedBy`), or, waiting only for other steps, its dates (datedBlocked).
 */
export function blockedStep(
  context: PlanContext,
  entry: CatalogEntry,
  catalogTitle: string,
  waitingFor: string[],
  resolvedBy: string | undefined,
  due: DueDate | null,
  dated: BlockedDates,
  gates: StepGates & { slipped: SlippedSteps | null },
): BlockedStep {
  const step: BlockedStep = {
    milestone: entry.key,
    title: inUsTitle(entry) ?? catalogTitle,
    waitingFor,
    why: fromMatchDayWhy(context, dated.index, whyBlocked(context, entry, due)),
  };
  if (resolvedBy !== undefined) {
    step.resolvedBy = resolvedBy;
    // A sitting booked and paid behind the school gate keeps its day on the row (gated-sittings.ts).
    const sitting = gatedSittingOf(context, entry.key);
    if (sitting !== undefined) step.ownDate = sitting.day;
  } else datedBlocked(step, dated, context, gates.slipped);
  return step;
}

/**
 * The dates a blocked step waiting only for other steps (never behind a gate) shows: its deadline
 * while ahead, and, by the rule a next step's row reads (planMilestone: the H-1B row's target,
 * else the J-1 certificate's or the catalog's, less a target a slip hid), its target while that is
 * ahead and earlier than the deadline. A date that matters earlier than the deadline (the
 * certificate, needed by the J-1 sponsorship's date or by Step 3 for an H-1B) is then not hidden
 * behind the later deadline; `targetFor` names the step that needs it, when one does. A step
 * after Match Day whose date has passed keeps it as `overdueSince` once Match Day is done or Match
 * Week's answer said matched, and as its planned date ("planned for", never due) while whether
 * the applicant matched is not told.
 */
export function datedBlocked(
  step: BlockedStep,
  dated: BlockedDates,
  context: PlanContext,
  slipped: SlippedSteps | null,
): BlockedStep {
  const { detail, passed, index, stepDates, shown } = dated;
  if (detail === undefined) return step;
  if (passed) {
    // While Match Day's result is not told (datedFromMatchDay), the applicant may not have matched:
    // the step keeps its planned date, bare, and its why says it starts once they match; "overdue
    // since" would read as matched and late. Once Match Day is done, a step after it past its planned
    // date (the DS-2019 behind the sponsorship) says since when: the date is lost time, never a date
    // still due. Any other blocked step's passed date is not shown.
    // One who told us in Match Week she matched is late all the same: overdue since it, as Match Day's own card is.
    if (datedFromMatchDay(context, index) && !matchWeekMatched(context)) step.deadline = detail;
    else if (afterMatchDay(index)) step.overdueSince = detail;
    return step;
  }
  step.deadline = detail;
  const h1b =
    step.milestone === "ecfmg_certification"
      ? h1bRowTarget(context, h1bCertificateTarget(context, stepDates), stepDates)
      : null;
  const j1 = withJ1CertificateTarget(context, index, stepDates, shown.target);
  const target = h1b ?? shownTarget(slipped, index, stepDates, j1);
  // The memoised parse (instantOf): Date.parse of the rendered deadline on every blocked step of every
  // plan was about 0.9 % of the planner bench.
  if (target === null || target.at < context.now || target.at >= instantOf(detail.at)) return step;
  const rendered = targetDetailOf(stepDates, shown, target, h1b, null);
  if (rendered === undefined) return step;
  step.target = rendered;
  if (target === h1b) step.targetFor = "usmle_step3";
  else if (target !== shown.target) step.targetFor = "j1_ecfmg_sponsorship";
  return step;
}
