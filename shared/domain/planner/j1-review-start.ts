import { shiftIsoDay } from "../iso-texts.ts";
import { ET_ZONE, localDate } from "../time.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { earliestCertification, nothingOutstanding } from "./earliest-certification.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS, J1_FILE_TO_VISA_DAYS } from "./j1-allowances.ts";

// Where ECFMG's review of a matched J-1 applicant's sponsorship starts, at the earliest, for both
// verdicts on the J-1 chain (j1-start-out-of-reach.ts, j1-sponsorship-last-day.ts): the review starts
// once every document is in and the certificate is valid (ECFMG sponsors a J-1 physician only with
// one). Counted in whole days of the applicant's own calendar, as the words say them ("even with
// every document in today … around Thu 1 Jul"), so a verdict and the days it names never disagree:
// a day ends at the applicant's local midnight, whatever their zone, whatever the day's length.

/** What the review waits on: the file not complete, the certificate, or, the file complete, nothing (it runs). */
export type ReviewHolds = "incomplete" | "certificate" | "completed";

/** Where ECFMG's review starts at the earliest, and what it waits on. */
export interface J1ReviewStart {
  holds: ReviewHolds;
  /** The applicant's day (ISO) the review starts on, at the earliest. */
  day: string;
  /**
   * Read as planned only: the day the applicant planned the file complete (the later of the
   * Statement of Need's and the sponsorship's planned days), when after today; else "".
   */
  planned: string;
  /** The day the sponsorship application was completed (ISO), once done; else "". */
  sent: string;
  /** The sponsorship not started while the certificate it waits for is not reported: the step is blocked on it. */
  certificateUnreported: boolean;
}

/**
 * How the start is read: "fastest", the road left if everything is done today (a certificate with
 * nothing outstanding may be issued already: the advisor's question asks), for the start out of
 * reach; "as-planned", from the day the applicant planned the file when later, and with the file in,
 * from a certificate not reported issued today at the earliest, for the visa's date past reach.
 */
export type ReviewReading = "fastest" | "as-planned";

const SPONSORSHIP_AT = stepIndex("j1_ecfmg_sponsorship");
const STATEMENT_AT = stepIndex("j1_statement_of_need");
const CERTIFICATE_AT = stepIndex("ecfmg_certification");

/**
 * Where ECFMG's review starts at the earliest (J1ReviewStart), read as `reading` says; null when it
 * cannot be told: the sponsorship done with no day, or, read as planned, waived, or not complete with
 * the certificate still to come (its own rules speak). `certificateNeeded` (certificateNeededForDs2019,
 * passed in: j1-certificate.ts reads this file's neighbours) says, read as planned, whether the DS-2019
 * waits for the certificate.
 */
export function j1ReviewStart(
  context: PlanContext,
  dates: PlanDates,
  reading: ReviewReading,
  certificateNeeded?: (context: PlanContext, dates: PlanDates) => unknown,
): J1ReviewStart | null {
  const today = localDate(context.zone, context.now);
  const sponsorship = statusAt(context, SPONSORSHIP_AT);
  const certificateOpen = !isFinished(statusAt(context, CERTIFICATE_AT));
  // The certificate held back by something outstanding: issued on its earliest day (never before today).
  const certificateDay =
    certificateOpen && !nothingOutstanding(context)
      ? localDate(context.zone, earliestCertification(context))
      : null;
  const asPlanned = reading === "as-planned";
  if (sponsorship !== "done") {
    if (asPlanned && (isFinished(sponsorship) || certificateDay !== null)) return null;
    if (certificateDay !== null) return start("certificate", certificateDay, "", "", false);
    const planned = asPlanned ? plannedFileDay(context, today) : "";
    // Not started, the sponsorship is blocked on the certificate (waitingForOf): what unblocks it first.
    const blocked = sponsorship === "not_started" && !isSatisfiedAt(context, CERTIFICATE_AT);
    return start("incomplete", planned === "" ? today : planned, planned, "", blocked);
  }
  const sent = context.entries.at(SPONSORSHIP_AT)?.date;
  if (sent === undefined)
    return asPlanned || certificateDay === null ? null : start("certificate", certificateDay, "", "", false);
  if (!asPlanned)
    return certificateDay !== null && certificateDay >= sent
      ? start("certificate", certificateDay, "", sent, false)
      : start("completed", sent, "", sent, false);
  // The file in, the certificate unreported: the review waits for it, issued today at the earliest.
  if (certificateOpen && (certificateNeeded?.(context, dates) ?? null) !== null)
    return start("certificate", certificateDay ?? today, "", sent, false);
  return start("completed", sent, "", sent, false);
}

function start(
  holds: ReviewHolds,
  day: string,
  planned: string,
  sent: string,
  certificateUnreported: boolean,
): J1ReviewStart {
  return { holds, day, planned, sent, certificateUnreported };
}

/** The later of the Statement of Need's and the sponsorship's planned days (scheduled, dated), when after today; else "". */
function plannedFileDay(context: PlanContext, today: string): string {
  let planned = "";
  for (const at of [STATEMENT_AT, SPONSORSHIP_AT]) {
    const entry = context.entries.at(at);
    if (statusAt(context, at) !== "scheduled" || entry?.date === undefined) continue;
    if (entry.date > today && entry.date > planned) planned = entry.date;
  }
  return planned;
}

/** The program's start day (ISO; its day in ET, NRMP's), which a J-1 visa must come before. */
export function startDay(context: PlanContext): string {
  return localDate(ET_ZONE, context.calendar.dates.residency_start.at);
}

/** What unblocks a sponsorship waiting for a certificate not reported (advice), in both J-1 verdicts. */
export const CERTIFICATE_FIRST =
  "check in MyIntealth whether ECFMG has issued your certificate (if it has, mark it done today) and, if not, ask ECFMG today what is still missing";

/**
 * The last day (ISO, the applicant's) for what the chain waits on, for a start on the program's
 * date: the file complete or the certificate issued, else the DS-2019 in hand, a day before the
 * start's day less the time after it. Here, beside the start's day, so the DS-2019's own date
 * (ecfmgReviewDue) and the verdict that names this day (j1-sponsorship-last-day.ts) read one count.
 */
export function startLastDay(context: PlanContext, holds: ReviewHolds): string {
  const after = holds === "completed" ? J1_CONSULAR_ALLOWANCE_DAYS : J1_FILE_TO_VISA_DAYS;
  return shiftIsoDay(startDay(context), -after - 1);
}

/** A last day (ISO) as a whole day of the applicant's (advice, counted from the projected start): the notice's date. */
export function lastDayDue(context: PlanContext, lastDay: string): DueDate {
  return adviceDayDue(context, dayEnd(context.zone, lastDay), LAST_DAY_SOURCE, true);
}
/** The last day's source, which tells its due from any other (visa-verdict-notice.ts). */
export const LAST_DAY_SOURCE =
  "VISA_NOT_READY_FOR_START: the last day a J-1 start on the program's date is still in reach, counted back from residency's start by ECFMG's shorter review and the consular allowance (advice)";
