import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { j1SponsorshipLastDay, lastDayDue } from "./j1-sponsorship-last-day.ts";

/**
 * The certificate's deadline while a J-1 start hangs on it by a last day (j1SponsorshipLastDay: the
 * visa's own date past reach, the start not, ECFMG's review waiting for the certificate, or for a
 * sponsorship file that waits for it): that last day, when earlier than `due`, as the critical risk
 * riding on the certificate names it. Its reminders counted down to "Due Wed 16 Jun" (the
 * certificate's own date, two weeks before the start) beside "act by Mon 3 May": the item's Due line,
 * its countdown and its card now name the day that decides. Once that day has passed `due` holds
 * again (the start out of reach, or the certificate perhaps issued unreported, is said by the risks).
 */
export function certificateLastDayDue(
  context: PlanContext,
  dates: PlanDates,
  due: DueDate | null,
): DueDate | null {
  if (due === null || context.applicant.visa !== "J-1") return due;
  const last = j1SponsorshipLastDay(context, dates);
  if (last === null || (last.holds !== "certificate" && !last.certificateUnreported)) return due;
  if (last.lastDay < localDate(context.zone, context.now)) return due;
  const day = lastDayDue(context, last);
  return day.at < due.at ? day : due;
}
