import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import type { StepOwnDate } from "./own-date.ts";
import { visaResultAwaited } from "./visa-result-awaited.ts";

/** The due date of a visa step whose interview's result is awaited (visaResultAwaited): residency's start; null otherwise. */
export function visaResultDue(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  own: StepOwnDate | null,
): DueDate | null {
  return visaResultAwaited(context, entry, own) ? residencyStartDue(dates.calendar) : null;
}
