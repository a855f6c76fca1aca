import { BoundedMemo } from "../bounded-memo.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, ET_ZONE } from "../time.ts";
import { EXAM_BOOKING_DAYS, STEP3_PROCESSING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { oetBookingClosed, oetBookingClosedWords } from "./oet-booking-day.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { fill } from "./step-text.ts";
import { studyAsked, studyAskedCard } from "./study-time-left.ts";

/**
 * An exam's card once its target (advice: e.g. Step 2 CK's score on the application when programs
 * start reviewing) has passed, not started, with its deadline (its last sitting day, {due}) still
 * ahead: the catalog's `statusActions.targetPassed`, what to do now ("Book the earliest USMLE Step 2
 * CK seat you can and sit it by Wed 27 Jan 2027 (projected), …"), never the target's "early enough"
 * (a tight applicant in December), once less than its typical preparation time
 * (`leadTimeDays`, advice) is left before that day. Null otherwise: the usual words stand.
 * A USMLE Step not started has no scheduling permit:
 * its text says to apply to FSMB first ({fsmbDays}: STEP3_PROCESSING_DAYS, the allowance Step 3 uses,
 * advice) and, where FSMB and a test date no longer fit before the projected last day, names the
 * later candidate's (fsmbTooLate).
 */
export function pastTargetExamAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  target: DueDate | null,
  due: DueDate | null,
): string | null {
  const text = entry.statusActions?.targetPassed;
  if (text === undefined || status !== "not_started" || target === null || due === null) return null;
  if (target.at >= context.now || due.at < context.now) return null;
  // OET's booking allowance passed for a sitting in time: no "book the earliest … by".
  if (entry.key === "oet_medicine" && due.asDay === true && oetBookingClosed(context, due.at)) {
    const closed = oetBookingClosedWords(context, due.at, basisMark(due));
    return `${closed[0]?.toUpperCase()}${closed.slice(1)}, the last sitting whose result still reaches ECFMG by the Pathway's deadline for supporting documents; then prepare all four sub-tests.`;
  }
  // Only once less than the typical preparation time is left: earlier,
  // "book the earliest seat you can" would cut a study period that still fits.
  const preparation = entry.leadTimeDays?.days;
  if (preparation !== undefined && due.at - context.now >= preparation * DAY_MS) return null;
  const filled = fill(context, withFsmbDays(text), entry, context.entries.get(entry.key), due);
  if (entry.key !== "usmle_step1" && entry.key !== "usmle_step2ck") return filled;
  const card = `${filled}${fsmbTooLate(context, entry, due)}`;
  // Asked whether preparation has begun (EXAMS_LATE_FOR_RANKING): the card asks first too.
  return studyAsked(context, entry.key) ? studyAskedCard(context, entry.key, card) : card;
}

/**
 * The text with FSMB's days in it ({fsmbDays}), kept per catalog text: the replace made a new copy
 * on every plan past an exam's target, and fill then met a new string where its template cache
 * looks for the same one. The text is the whole key (STEP3_PROCESSING_DAYS is a constant); bounded.
 */
function withFsmbDays(text: string): string {
  return (
    fsmbTexts.get(text) ??
    fsmbTexts.keep(
      text,
      text.replace("{fsmbDays}", () => String(STEP3_PROCESSING_DAYS)),
    )
  );
}
const fsmbTexts = new BoundedMemo<string, string>(64);

/** FSMB's processing and a test date before a Step's sitting (advice, as Step 3's chain counts them). */
const FSMB_AND_SEAT_DAYS = STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS;

/**
 * " FSMB's processing and a test date (about 21 days, advice) leave a sitting by Wed 27 Jan 2027
 * unlikely; if NRMP's deadline turns out to be its later candidate, one by Wed 3 Feb 2027 may still
 * count." when they no longer fit before `due` (the later candidate's day, its rank order list
 * candidate less the Step's reporting days, named while it still fits), else "".
 */
function fsmbTooLate(context: PlanContext, entry: CatalogEntry, due: DueDate): string {
  const ready = context.now + FSMB_AND_SEAT_DAYS * DAY_MS;
  if (ready <= due.at) return "";
  const said = ` FSMB's processing and a test date (about ${FSMB_AND_SEAT_DAYS} days, advice) leave a sitting by ${dayBy(context, due.at)} unlikely`;
  const later = rolLaterCandidateAt(context.calendar);
  const report = entry.reportingDays?.days ?? 0;
  const laterDay = later === null ? null : shiftDays(later, ET_ZONE, -report);
  if (laterDay === null || ready > laterDay) return `${said}.`;
  return `${said}; if NRMP's deadline turns out to be its later candidate, one by ${dayBy(context, laterDay)} may still count.`;
}
