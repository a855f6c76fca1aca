import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import type { StepOwnDate } from "./own-date.ts";

/**
 * The day an exam begun but not booked (in progress, no date of its own) should be booked by: its
 * catalog `bookingLeadDays` (advice, with its reason) before the date driving it (its target while
 * ahead, else its deadline), so FSMB's registration, the scheduling permit and a test-centre seat
 * come before that date (Step 2 CK studied for, first told 14 days before its
 * target); null for any other step or status. The step's "book-by" rung is sent on that day and its
 * standing follows it (urgency.ts), as a step not started follows its latest safe start. None while
 * a prerequisite it may start before is pending (`gated`: waitingForOf's prerequisitePending): FSMB
 * registers no one before ECFMG approves the application.
 */
export function bookByOf(
  entry: CatalogEntry,
  status: MilestoneStatus,
  own: StepOwnDate | null,
  driver: DueDate | null,
  gated: boolean,
): number | null {
  const lead = entry.bookingLeadDays;
  if (lead === undefined || status !== "in_progress" || own !== null || driver === null || gated) return null;
  return shiftDays(driver.at, driver.zone, -lead.days);
}
