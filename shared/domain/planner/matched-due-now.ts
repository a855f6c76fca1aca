import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { j1CertificateDueNow } from "./j1-certificate.ts";
import { certificateLastDayDue } from "./j1-certificate-last-day.ts";
import { petitionApprovalDue } from "./petition-approval.ts";
import { contractDueNow } from "./visa-behind.ts";
import { visaDocumentReceivedLate } from "./visa-document-received-late.ts";

/** The steps matchedDueNow can move: planMilestone asks it of these only. */
export const MATCHED_DUE_KEYS: ReadonlySet<string> = new Set([
  "contract",
  "ecfmg_certification",
  "visa_h1b",
  "visa_j1",
  "visa_h1b_stamping",
]);

/**
 * A step's deadline once the visa chain after the Match needs it sooner or later than its own date
 * (`due`): the contract by the visa step waiting on it once its own date has passed (contractDueNow),
 * a J-1 applicant's certificate by the DS-2019's date once the sponsorship's day has passed
 * (j1CertificateDueNow), or by the J-1 start's last day while that hangs on it (certificateLastDayDue), the H-1B petition filed (in progress) by its approval (petitionApprovalDue);
 * the visa (the J-1 visa, the H-1B stamping) by residency's start once the document its interview
 * needs came too late for the visa's own date (visaDocumentReceivedLate): the stamping counted down
 * to "Due Wed 16 Jun" beside the risk's "your visa would come around Tue 20 Jul 2027"; the start is
 * the day it must be in hand, as for an interview gone by with its result awaited (visaResultDue);
 * `due` for every other step.
 */
export function matchedDueNow(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
  dates: PlanDates,
): DueDate | null {
  if (entry.key === "visa_h1b") return petitionApprovalDue(context, dates) ?? due;
  if (entry.key === "visa_j1" || entry.key === "visa_h1b_stamping")
    return due !== null && visaDocumentReceivedLate(context, dates)?.visaKey === entry.key
      ? residencyStartDue(dates.calendar)
      : due;
  return entry.key === "contract"
    ? contractDueNow(context, entry, due, dates)
    : certificateLastDayDue(context, dates, j1CertificateDueNow(context, entry, due, dates));
}
