import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { lastDayDue, startLastDay } from "./j1-review-start.ts";
import { visaDatePastReach } from "./j1-sponsorship-last-day.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";

/**
 * The certificate's deadline while a J-1 start hangs on it by a last day (the visa's own date past
 * reach, ECFMG's review waiting for the certificate, or for a sponsorship file that waits for it:
 * certificateStartLastDay): that last day, when earlier than `due`, as the critical risk riding on
 * the certificate names it. Its reminders counted down to "Due Wed 16 Jun" (the certificate's own
 * date, two weeks before the start) beside "act by Mon 3 May": the item's Due line, its countdown
 * and its card name the day that decides. Once that day has passed with the file waiting for the
 * certificate (the start then out of reach), the certificate stays due by it, overdue since then:
 * it read "Due Wed 16 Jun" again with a fresh countdown, relief beside a risk saying the start was
 * out of reach (an advisor presses the certificate now; the contract's due day does not move either).
 */
export function certificateLastDayDue(
  context: PlanContext,
  dates: PlanDates,
  due: DueDate | null,
): DueDate | null {
  if (due === null || context.applicant.visa !== "J-1") return due;
  const lastDay = certificateStartLastDay(context, dates);
  if (lastDay === null) return due;
  const day = lastDayDue(context, lastDay);
  return day.at < due.at ? day : due;
}

/**
 * The last day (ISO) a J-1 start on the program's date hangs on the certificate: the visa's date past
 * reach with the review waiting for the certificate (the file in) while that day is ahead, or for a
 * file that waits for it, that day passed too (the start then out of reach on the fastest road: the
 * file cannot be complete without the certificate); null otherwise. With the file in, once the day
 * has passed the certificate may be issued unreported and the start still kept: its own words ask
 * (certificateHolds) and the DS-2019's date, which waits for it, is its deadline (j1CertificateDueNow).
 */
function certificateStartLastDay(context: PlanContext, dates: PlanDates): string | null {
  const past = visaDatePastReach(context, dates);
  if (past !== null) {
    const ahead = past.lastDay >= localDate(context.zone, context.now);
    return past.certificateUnreported || (past.holds === "certificate" && ahead) ? past.lastDay : null;
  }
  const out = j1StartOutOfReach(context, dates);
  return out?.certificateUnreported === true ? startLastDay(context, out.holds) : null;
}
