import type { Deadline, RiskCode, StepSubject } from "./plan.ts";

/**
 * One reminder of a plan (Plan.reminders): an email item the reminder function sends at `sendAt`.
 * In its own file so that plan.ts stays readable in one sitting; plan.ts re-exports it.
 */
export interface Reminder {
  /** Stable: the same input gives the same id, so re-planning replaces rather than duplicates. */
  id: string;
  milestone: StepSubject;
  interviewId?: string;
  /** Which rung of the reminder ladder this is, e.g. "start", "due-in-7d", "interview-prep". */
  rung: string;
  title: string;
  /** ISO UTC instant of the date this reminder counts down to (see `countsDownTo`). */
  deadline: string;
  deadlineDetail: Deadline;
  /**
   * What `deadline` is when it is not the step's hard deadline: "target" (the competitive target,
   * NextStep.target: advice, text says "aim to finish by", never "due") or "own-date" (the
   * applicant's own date, NextStep.ownDate). Absent: the hard deadline (NextStep.dueBy).
   */
  countsDownTo?: "target" | "own-date";
  /**
   * On a chase of a step whose own date has passed while `deadline` is a later instant the chase
   * counts down to (a visa step behind, chased up to residency's start: visa-behind.ts): that missed
   * date, with its basis. Displays show it, "Overdue since Fri 2 Apr 2027 (our advice)", never
   * "Due <deadline>" (the subject and Due line said the start while the why said the
   * missed date); `deadline` stays what delivery needs (never sent after it).
   */
  overdueSince?: Deadline;
  /**
   * With `overdueSince`: that date is our allowance and, when this is sent, the visa's own date
   * still holds (planner/behind-our-plan.ts): "Behind our plan since", never "Overdue since".
   */
  behindPlan?: true;
  /** With `behindPlan`: the last day to keep the start, the day its critical notice names (NextStep.actBy). */
  actBy?: Deadline;
  /**
   * On a risk's notice laid against a season date that is not its step's (residency's start): the
   * deadline of the step it rides on, still ahead, as the step's card shows it. Displays show it in
   * place of `deadline` (reminderShownDate), which stays the instant the notice is laid against and
   * stops being sent at (a notice said "Due by residency's start, Thu 1 Jul 2027" on a certificate
   * whose card said Wed 16 Jun 2027).
   */
  stepDate?: Deadline;
  /**
   * What `deadline` is on a risk's notice when it is a season date rather than a date of its step:
   * "residency-start", the day the notice stops being sent (deadlineOf). The email's date line of
   * another item of that step leaves such a date out (one-item-per-step.ts).
   */
  laidAgainst?: "residency-start";
  /** ISO UTC instant to deliver at; never after the deadline, never in quiet hours. */
  sendAt: string;
  /** sendAt in the applicant's zone, e.g. "2026-02-18T09:00:00.000+05:30". */
  sendAtLocal: string;
  why: string;
  /** On a risk's notice (rungs "critical-risk", "match-year-out-of-reach", "warning-notice"): the risk it tells. */
  risk?: RiskCode;
  /**
   * Reminders whose words this one carries ("Also: …") and which left the plan's list for it: the NRMP
   * question folded into the rank list's reminder of the same slot, a second critical notice on the
   * same step at the same instant (placeNotice). The caller claims and marks each sent with this one,
   * as it does an email item's alsoFor, so the ledger knows it went out.
   */
  folded?: readonly Reminder[];
  /**
   * On a risk's notice riding a step that waits for another (Step 3 behind the ECFMG certificate):
   * its date is the risk's, none that step can be done by, so it is shown as a notice with no date
   * (isUndatedNotice). Absent otherwise.
   */
  onWaitingStep?: true;
}
