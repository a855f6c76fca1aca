import type { CatalogEntry } from "../catalog/index.ts";
import { DAY_MS } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import type { StepOwnDate } from "./own-date.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { petitionDateDue, rankingOver, sittingDueNow } from "./step3-petition.ts";
import { step3DueKind } from "./step3-petition-dates.ts";

/**
 * What a step is due by from its sitting day `own` on (milestone-step's resultDue): sittingDueNow,
 * except for Step 3 booked and held to the H-1B petition's sit-by day (step3DueNow's "petition"
 * date, before ranking too). That day is met by the sitting, but it stays the step's one date
 * through the exam day itself (it moved to the rank order list deadline on the exam day's morning,
 * a day programs could no longer see the result by). Once the day has ended the step asks for the
 * result: while ranking is open, a result that misses the rank order list deadline and its later
 * candidate (no laterCandidateHedge) is due by the petition's own date (petitionDateDue), as it is
 * once ranking is over, never by a ranking deadline it cannot meet (the step jumped to that deadline
 * with "Due in 11 hours" emails on its eve, against STEP3_NEEDED_FOR_H1B's "keep it for the
 * petition"); one that may still meet it, as any sitting's (sittingDueNow). Null on the exam day:
 * the sit-by day stands.
 */
export function sittingDueFrom(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  index: number,
  own: StepOwnDate,
): DueDate | null {
  if (entry.key !== "usmle_step3" || context.applicant.visa !== "H-1B")
    return sittingDueNow(context, entry, dates, index);
  if (step3DueKind(step3DueNow(context, dates, stepRenderings(dates, index).due)) !== "petition")
    return sittingDueNow(context, entry, dates, index);
  if (!own.passed) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const reportedBy = own.due.at + SCORE_REPORTING_DAYS * DAY_MS;
  if (rankingOver(context) || reportedBy <= rol.at || laterCandidateHedge(context, rol, reportedBy) !== "")
    return sittingDueNow(context, entry, dates, index);
  return petitionDateDue(dates) ?? sittingDueNow(context, entry, dates, index);
}
