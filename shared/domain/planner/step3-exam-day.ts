import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import type { StepOwnDate } from "./own-date.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3BookedAfterRanking, step3DueNow } from "./step3-after-ranking.ts";
import { petitionDateDue, rankingOver, sittingDueNow } from "./step3-petition.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { visaResultDue } from "./visa-result-due.ts";

/**
 * What a step is due by from its sitting day `own` on (milestone-step's resultDue): sittingDueNow,
 * except for Step 3 booked and held to the H-1B petition's sit-by day (step3DueNow's "petition"
 * date, before ranking too). That day is met by the sitting, but it stays the step's one date
 * through the exam day itself (it moved to the rank order list deadline on the exam day's morning,
 * a day programs could no longer see the result by). Once the day has ended the step asks for the
 * result: one booked too late for ranking (step3BookedAfterRanking), by the petition's own date
 * (petitionDateDue) while ranking is open, as sittingDueNow has it once ranking is over: one date
 * for a sitting held to the petition, never a ranking deadline its result was already judged too
 * late for (it jumped to the rank order list deadline with "Due in 11 hours" on its eve, then to the
 * later candidate, against STEP3_NEEDED_FOR_H1B's "keep it for the petition", which gives the later
 * candidate's hope itself). Null on the exam day: the sit-by day stands.
 * A consular visa interview (the J-1 visa, the H-1B stamping) is its visa's date through the interview
 * day; once that day has gone by, its result is awaited and the step is due by residency's start
 * (visaResultDue).
 */
export function sittingDueFrom(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  index: number,
  own: StepOwnDate,
): DueDate | null {
  if (entry.stage === "visa" && entry.key !== "usmle_step3") return visaResultDue(context, entry, dates, own);
  if (entry.key !== "usmle_step3" || context.applicant.visa !== "H-1B")
    return sittingDueNow(context, entry, dates, index);
  if (step3DueKind(step3DueNow(context, dates, stepRenderings(dates, index).due)) !== "petition")
    return sittingDueNow(context, entry, dates, index);
  if (!own.passed) return null;
  // Held so because it was booked too late for ranking, not only because ranking's deadline has passed.
  const ruled = stepRenderings(dates, index).due;
  if (rankingOver(context) || ruled === null || !step3BookedAfterRanking(context, ruled))
    return sittingDueNow(context, entry, dates, index);
  return petitionDateDue(dates) ?? sittingDueNow(context, entry, dates, index);
}
