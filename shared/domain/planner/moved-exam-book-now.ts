import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, isoInZone, isoUtc } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { slotAtOrAfter } from "./delivery-slot.ts";
import { isRetake } from "./failed-score.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import type { StepOwnDate } from "./own-date.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** The rung of the one "book your date now" reminder of an exam under way on a moved plan. */
export const BOOK_NOW_RUNG = "book-now";
/** The same reminder of a retake, which is reapplied for first (REAPPLY_RUNGS). */
export const REAPPLY_NOW_RUNG = "reapply-now";

/** What bookNowOnMovedPlan reads of a step, as planMilestone resolved it. */
export interface BookNowFacts {
  status: MilestoneStatus;
  own: StepOwnDate | null;
  /** The step's deadline for the Match the plan moved from, passed (missedMatchDeadline's due). */
  missed: DueDate | null;
  target: DueDate | null;
  targetDetail: Deadline | undefined;
  targetAhead: boolean;
  /** The book-by day of the step's ladder (bookByOf), or null. */
  startBy: number | null;
  /** A prerequisite the step may start before is pending: no booking yet (waitingForOf). */
  prerequisitePending: boolean;
}

/**
 * An exam under way (in progress, no date of its own, a catalog `bookingLeadDays`) on a plan the
 * planner moved to a later Match because its deadline for the entered Match passed (`missed`):
 * ONE reminder to book the test date now, at the delivery slot the
 * day after that deadline (the move), or at the next slot when the plan is made later, while that
 * is within the catalog's booking lead (advice) of the move and before the ladder's own book-by
 * day; never after. It counts down to the unchanged target (countsDownTo "target"), and its id
 * depends on the step, the rung and the target only: the ledger sends it once. The ladder's own
 * rungs follow. `matchYear`: the Match the step is dated for. Before, an applicant ready to sit in January heard next at the target's book-by
 * day, almost four months on. Appended to `into`.
 */
export function bookNowOnMovedPlan(
  context: PlanContext,
  entry: CatalogEntry,
  facts: BookNowFacts,
  matchYear: number,
  into: TimedReminder[],
): void {
  const lead = entry.bookingLeadDays;
  const { missed, target, targetDetail } = facts;
  if (lead === undefined || facts.status !== "in_progress" || facts.own !== null || missed === null) return;
  if (facts.prerequisitePending) return; // FSMB books no one before ECFMG approves the application
  if (target === null || targetDetail === undefined || !facts.targetAhead) return;
  let sendAt = slotAtOrAfter(context, missed.at);
  if (sendAt < context.now) sendAt = slotAtOrAfter(context, context.now);
  if (sendAt > missed.at + lead.days * DAY_MS || sendAt >= target.at) return;
  if (facts.startBy !== null && sendAt >= facts.startBy) return;
  const exam = entry.title.replace(/^(Pass|Complete an?) /, "");
  // A retake is reapplied for before it is booked (REAPPLY_RUNGS): its rung and words say so.
  const retake = isRetake(context, entry.key);
  const rung = retake ? REAPPLY_NOW_RUNG : BOOK_NOW_RUNG;
  const reminder = reminderRecord({
    id: reminderId(entry.key, undefined, rung, target.at),
    milestone: entry.key,
    rung,
    title: retake
      ? `Reapply to FSMB for your ${exam} retake now, then book a test date`
      : `Book your ${exam} test date now, while you are prepared`,
    deadline: targetDetail.at,
    deadlineDetail: targetDetail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: retake
      ? `Your plan now aims at the ${matchYear} Match. After a fail you must reapply to FSMB and pay the exam fee again before you can book (ECFMG Information Booklet): reapply now, book a test date once your scheduling permit comes, and sit it while your preparation is fresh, rather than waiting for the target, ${dayBy(context, target.at)}: a permit and a seat take about ${FSMB_PERMIT_AND_SEAT.days} days (advice), and an earlier pass is on your ERAS application in good time.`
      : `Your plan now aims at the ${matchYear} Match, and your ${exam} is under way. Book your test date now and sit it while your preparation is fresh, within your FSMB eligibility period, rather than waiting for the target, ${dayBy(context, target.at)}: a test date can take up to ${lead.days} days to get (advice: FSMB registration, the scheduling permit and a test-centre seat), and an earlier score is on your ERAS application in good time.`,
    countsDownTo: "target",
  });
  into.push(timedReminder(sendAt, target.at, Object.freeze(reminder)));
}
