import { type CatalogEntry, followUpRung, NEEDED_FOR_RANKING } from "../catalog/index.ts";
import type { Deadline, NextStep } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, startOfLocalDate } from "../time.ts";
import { URGENT_WITHIN_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { CERTIFICATE_ASKED_RUNG } from "./certificate-question.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { diplomaVerifiedAt, nothingOutstanding } from "./earliest-certification.ts";
import { followUps } from "./follow-ups.ts";
import { sponsorshipDayNamed } from "./j1-certificate.ts";
import { certificationPresumed } from "./presumed-in-the-match.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * The certificate's step when nothing we know of still holds it back (nothingOutstanding, the state
 * whose card is CERTIFICATE_ISSUED_ACTION): a question, not work to start.
 * It stands `soon` (urgent only with its deadline within URGENT_WITHIN_DAYS), has no
 * start-by and no "Aim to finish by" rungs; it is asked once at the next delivery slot, then at
 * the ladder's follow-up cadence (reminder-ladders.json, advice: about monthly while the date is far,
 * fortnightly near it) until it is marked done or the deadline's own "Due" rungs take over. Past its target (the H-1B track's need before
 * ranking, or the visa chain's after the Match), it stays urgent with the after-target follow-ups,
 * as before: not this question's cadence.
 */

/** The ladder the question's follow-ups are cut against (its `passed` rung's cadence, then the "Due" rungs). */
export const CERTIFICATE_ASKED_LADDER = "certificate-issued-asked";

/**
 * Whether the certificate's step is that question: the ECFMG certificate, nothing outstanding, the
 * applicant's own statuses (not presumed from an interview: that card asks for the statuses), dated
 * (an undated card after a Match whose result is untold is undated-step.ts's) and not overdue.
 */
export function certificateIssuedAsked(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
  target: DueDate | null,
): boolean {
  return (
    entry.key === "ecfmg_certification" &&
    due !== null &&
    due.at >= context.now &&
    nothingOutstanding(context) &&
    !certificationPresumed(context) &&
    // Past its target (the H-1B ranking's need before the Match, the visa chain's after it): the
    // step stays urgent with the after-target follow-ups
    // (a passed target is a risk to the Match or the start, not a question to ask).
    !(target !== null && target.at < context.now)
  );
}

/**
 * The day the question counts down to: for a J-1 applicant who has matched, whose sponsorship is still ahead, the
 * certificate's J-1 target while it is ahead (withJ1CertificateTarget: the sponsorship application's
 * date, which the card names as the day the certificate is needed by), so the item's Due line and
 * its text name one date with one label (never "Due Wed 16 Jun 2027" under a text saying it is
 * needed by Fri 16 Apr 2027); the step's own deadline otherwise.
 */
export function certificateAskedDue(
  context: PlanContext,
  due: { at: number; detail: Deadline },
  target: { at: number; detail: Deadline | undefined; ahead: boolean } | null,
): { at: number; detail: Deadline; countsDownTo?: "target" } {
  if (target === null || !target.ahead || target.detail === undefined || !sponsorshipDayNamed(context))
    return due;
  // The target's day reads as the card's "aim to finish by … (target)", never a second "Due".
  return target.at < due.at ? { at: target.at, detail: target.detail, countsDownTo: "target" } : due;
}

/** The question's standing: urgent with the day it counts down to within the urgent window, else soon. */
export function certificateAskedUrgency(
  context: PlanContext,
  due: DueDate | null,
  targetAhead: DueDate | null,
): NextStep["urgency"] {
  // The J-1 target ahead is the day it counts down to (certificateAskedDue).
  const by =
    targetAhead !== null && sponsorshipDayNamed(context) && (due === null || targetAhead.at < due.at)
      ? targetAhead
      : due;
  return by !== null && by.at - context.now <= URGENT_WITHIN_DAYS * DAY_MS ? "urgent" : "soon";
}

/**
 * The question's reminders toward `due` (rendered `detail`), appended to `into`: the follow-ups cut
 * from the day nothing held the certificate back any more (heldUntil), or from its `passedTarget`
 * if later (never `now`, so their ids do not move), then one notice at the next delivery slot unless a reminder of the step already goes
 * out at or before it. The notice's id hangs on that day too: the ledger sends it once. Titled as
 * the question; their why is the step's own (the email's "Next" line is the card's question).
 */
export function certificateAskedReminders(
  context: PlanContext,
  entry: CatalogEntry,
  due: { at: number; detail: Deadline; countsDownTo?: "target" },
  passedTarget: number | null,
  into: TimedReminder[],
): void {
  // From the later of the day the last hold lifted and the step's passed target (the day it was
  // needed by), so the follow-ups fall as the after-target ones did where the target decides.
  const since = Math.max(heldUntil(context), passedTarget ?? Number.NEGATIVE_INFINITY);
  const title = `${entry.title}: has ECFMG issued it? Check MyIntealth`;
  followUps(
    context,
    {
      milestone: entry.key,
      title,
      why: entry.why.text,
      passed: since,
      deadline: due.at,
      deadlineDetail: due.detail,
      ladder: CERTIFICATE_ASKED_LADDER,
      everyDays: followUpRung(CERTIFICATE_ASKED_LADDER)?.everyDays ?? 14,
      rung: CERTIFICATE_ASKED_RUNG,
      ...(due.countsDownTo === undefined ? {} : { countsDownTo: due.countsDownTo }),
    },
    into,
  );
  const { catchUp } = catchUpOf(context);
  if (catchUp >= due.at) return;
  for (const other of into) if (other.sendAt <= catchUp && other.reminder.milestone === entry.key) return;
  const reminder = reminderRecord({
    id: reminderId(entry.key, undefined, CERTIFICATE_ASKED_RUNG, since),
    milestone: entry.key,
    rung: CERTIFICATE_ASKED_RUNG,
    title,
    deadline: due.detail.at,
    deadlineDetail: due.detail,
    countsDownTo: due.countsDownTo,
    sendAt: isoUtc(catchUp),
    sendAtLocal: isoInZone(context.zone, catchUp),
    why: entry.why.text,
  });
  into.push(timedReminder(catchUp, due.at, Object.freeze(reminder)));
}

/**
 * The instant the last thing we know of stopped holding the certificate back: the diploma's
 * verification allowance (advice) after graduation, or the latest day a needed exam or the Pathway
 * was reported done (its own date, in the applicant's zone), whichever is later. A step done with
 * no date adds nothing: the day cannot be known, and `now` would move the ids.
 */
function heldUntil(context: PlanContext): number {
  let since = diplomaVerifiedAt(context);
  for (const index of NEEDED_INDICES) {
    const date = context.entries.at(index)?.date;
    if (date !== undefined) since = Math.max(since, startOfLocalDate(context.zone, date));
  }
  return since;
}

const NEEDED_INDICES: readonly number[] = NEEDED_FOR_RANKING.map(stepIndex);
