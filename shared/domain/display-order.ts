import { leadsTheList } from "./leading-step.ts";
import type { Deadline, NextStep, Reminder, Risk } from "./plan.ts";
import { DAY_MS, MINUTE_MS, toWall } from "./time.ts";

/**
 * The one order in which an applicant reads what is most urgent: the email's items and the
 * timeline's and the CLI's next steps (the phone timeline listed five
 * ERAS tasks past their deadline before a Match-blocking Pathway deadline four days away, while the
 * email of the same days led with the Pathway). Display only: the planner's own step order, which
 * decides which reminders exist and where a notice attaches, is left as it is.
 */

/** What an item counts down to, as the applicant reads it. */
export interface Countdown {
  /** The applicant's day (YYYY-MM-DD) of the date counted down to. */
  day: string;
  /** A hard deadline, the applicant's own date, or a target (advice). */
  kind: "deadline" | "own-date" | "target";
  /** The instant counted down to, UTC milliseconds. */
  at: number;
}

/**
 * "Within a week": the planner's URGENT_WITHIN_DAYS (planner/advice.ts), restated here because the
 * domain's root may not import the planner (test/unit/layers.test.ts); display-order.test.ts
 * checks the two agree.
 */
export const WITHIN_A_WEEK_DAYS = 7;

const KIND_RANK: Readonly<Record<Countdown["kind"], number>> = { deadline: 0, "own-date": 1, target: 2 };

/**
 * The email's rule for its lead item: the earliest day counted down to;
 * on one day a hard deadline, then the applicant's own date, then a target (a deadline missed
 * closes a door; the own date is theirs; a target is advice); then the earliest instant.
 */
export function compareCountdowns(left: Countdown, right: Countdown): number {
  if (left.day !== right.day) return left.day < right.day ? -1 : 1;
  if (left.kind !== right.kind) return KIND_RANK[left.kind] - KIND_RANK[right.kind];
  return left.at - right.at;
}

/**
 * What a reminder counts down to: a day-precision date's own day, else the instant's day at the
 * UTC offset of the reminder's send time (`sendAtLocal`; the reminders of one email share it).
 */
export function reminderCountdown(reminder: Reminder): Countdown {
  const at = Date.parse(reminder.deadline);
  const kind = reminder.countsDownTo ?? "deadline";
  if (reminder.deadlineDetail.day !== undefined) return { day: reminder.deadlineDetail.day, kind, at };
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(reminder.sendAtLocal);
  const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { day: new Date(at + minutes * MINUTE_MS).toISOString().slice(0, 10), kind, at };
}

/**
 * What a step counts down to at `now`: the first of its dates still ahead (its target, the
 * applicant's own date, which lasts its whole day, its deadline), by the email's rule; the step's reminders count down to that
 * one (to the target while it is ahead, then to the sooner of the own date and the deadline).
 * Undefined when every date has passed or none is set. A time's day is read at the zone's offset
 * at `now`, as an email sent now reads it.
 */
export function stepCountdown(step: NextStep, now: number, zone: string): Countdown | undefined {
  const offsetMs = toWall(zone, now) - now;
  const today = new Date(now + offsetMs).toISOString().slice(0, 10);
  const of = (deadline: Deadline | undefined, kind: Countdown["kind"]): Countdown | undefined => {
    if (deadline === undefined) return undefined;
    const at = Date.parse(deadline.at);
    const day = deadline.day ?? new Date(at + offsetMs).toISOString().slice(0, 10);
    // The applicant's own date lasts its whole day: on an exam's day the exam leads (else it sinks
    // below steps due months later once its start has passed).
    if (at > now || (kind === "own-date" && day === today)) return { day, kind, at };
    return undefined;
  };
  // An own date after a deadline already passed is the date to move, not one to count down to:
  // the step is past its deadline (an OET booked too late, which blocks the
  // Pathway, was listed after it).
  const deadlineAt = step.deadline === undefined ? undefined : Date.parse(step.deadline.at);
  const ownAfterPassedDeadline =
    deadlineAt !== undefined &&
    deadlineAt < now &&
    step.ownDate !== undefined &&
    Date.parse(step.ownDate.at) > deadlineAt;
  let first: Countdown | undefined;
  for (const candidate of [
    of(step.target, "target"),
    ownAfterPassedDeadline ? undefined : of(step.ownDate, "own-date"),
    of(step.deadline, "deadline"),
  ])
    if (candidate && (first === undefined || compareCountdowns(candidate, first) < 0)) first = candidate;
  return first;
}

/**
 * The rest (band 2 of displayOrder) by the planner's urgency first: a step that must be acted on
 * within a week (its latest safe start or a passed target, stepUrgency) is read above one with a
 * sooner date that can wait (an OET sitting eight days out, "soon", above a Pathway
 * whose latest safe start had passed, "urgent", while the JSON plan said otherwise), and above one
 * with a date at all: an urgent step with no date ahead (the WDOMS check) is read before a later
 * one with a date ("later interview" above "urgent wdoms_listing").
 */
const PRESSING: Readonly<Record<NextStep["urgency"], number>> = { overdue: 0, urgent: 0, soon: 1, later: 2 };

/**
 * Next steps in reading order, most urgent first: (0) Match Day's question once results are out
 * (leadsTheList); (1) what comes within a week, by the email's rule
 * (so the first card is the step the email of these days leads with); (2) steps past their deadline
 * that are still to do (nothing left to count down to: no email comes about them); (3) the rest,
 * urgent before soon before later (PRESSING, README), and at one urgency the steps with a date
 * ahead by the email's rule, then those with none in the plan's order. Within (3)'s urgency, the
 * steps in `deciding` (those a MATCH_YEAR_LAST_DAY risk names, decidingSteps) come first, and a step with a hard deadline ahead (or the applicant's own date)
 * before one with only a target (US clinical experience, "target, no deadline", read
 * above the Step 1 the Match depends on). Steps equal under the rule keep the plan's order. Pure;
 * returns a new array.
 */
export function displayOrder<T extends NextStep>(
  steps: readonly T[],
  now: number,
  zone: string,
  deciding: ReadonlySet<string> = NONE,
): T[] {
  const keyed = steps.map((step, index) => {
    const countdown = stepCountdown(step, now, zone);
    const band =
      countdown === undefined
        ? step.urgency === "overdue"
          ? 1
          : 2
        : countdown.at - now <= WITHIN_A_WEEK_DAYS * DAY_MS
          ? 0
          : 2;
    // Match Day's question, once results are out, leads whatever its dates (leadsTheList).
    const leading = leadsTheList(step) ? -1 : band;
    const pressing = leading === 2 ? PRESSING[step.urgency] : 0;
    const decides = leading === 2 && deciding.has(step.milestone) ? 0 : 1;
    // 0: a hard deadline or own date ahead; 1: only a target ahead; 2: no date ahead.
    const undated = countdown === undefined ? 2 : leading === 2 && !firmDateAhead(step, now) ? 1 : 0;
    return { step, index, countdown, band: leading, pressing, decides, undated };
  });
  keyed.sort(
    (left, right) =>
      left.band - right.band ||
      left.pressing - right.pressing ||
      left.decides - right.decides ||
      left.undated - right.undated ||
      (left.countdown && right.countdown ? compareCountdowns(left.countdown, right.countdown) : 0) ||
      left.index - right.index,
  );
  return keyed.map((entry) => entry.step);
}

const NONE: ReadonlySet<string> = new Set();

/** Whether the step's hard deadline or the applicant's own date is still ahead at `now` (not only a target). */
function firmDateAhead(step: NextStep, now: number): boolean {
  return (
    (step.deadline !== undefined && Date.parse(step.deadline.at) > now) ||
    (step.ownDate !== undefined && Date.parse(step.ownDate.at) > now)
  );
}

/**
 * The steps that decide whether the plan's Match holds: the steps a
 * MATCH_YEAR_LAST_DAY risk counts. Milestone keys; empty without one. A MATCH_YEAR_NOT_FEASIBLE
 * risk names none: it is about the Match out of reach (its `decidedBy`, the step that missed it),
 * while the plan is dated for the later Match as if the applicant had entered it, so its steps read
 * as they would then, that Match's own MATCH_YEAR_LAST_DAY included
 * (Step 2 CK, its `decidedBy`, was listed above Step 1 and the OET).
 */
export function decidingSteps(risks: readonly Risk[] | undefined): ReadonlySet<string> {
  if (risks === undefined) return NONE;
  let named: Set<string> | undefined;
  for (const risk of risks) {
    if (risk.code !== "MATCH_YEAR_LAST_DAY") continue;
    named ??= new Set();
    for (const milestone of risk.decidedBy !== undefined ? [risk.decidedBy] : risk.milestones)
      named.add(milestone);
  }
  return named ?? NONE;
}

/** The reading order's words, for the page and the CLI that show it. */
export const DISPLAY_ORDER_NOTE =
  "Most urgent first: what is due within a week, then steps past their deadline that you can still do, then the rest: what must be started now before what can wait, and at each urgency the steps your Match depends on first, then by the first date each counts down to (a deadline, your own date, or a target to aim for), steps with only a target after those with a deadline, steps with no date last. Once Match Day's results are out, telling us where you matched comes first.";

/**
 * One email's reminders in reading order: in the order of their steps in `steps` (the listed next
 * steps in reading order, displayOrder), so the email reads its steps in the timeline's order, an
 * urgent step above a sooner date that can wait; reminders of one step, and those of
 * no listed step (after the listed ones), by the email's rule (compareCountdowns); then the earliest
 * send, then id. Pure; returns a new array.
 */
export function remindersInReadingOrder(
  reminders: readonly Reminder[],
  steps: readonly NextStep[],
): Reminder[] {
  const rank = new Map<string, number>();
  steps.forEach((step, index) => {
    const subject = `${step.milestone} ${step.interviewId ?? ""}`;
    if (!rank.has(subject)) rank.set(subject, index);
  });
  const rankOf = (reminder: Reminder) =>
    rank.get(`${reminder.milestone} ${reminder.interviewId ?? ""}`) ?? Number.MAX_SAFE_INTEGER;
  return reminders
    .map((reminder) => ({ reminder, countdown: reminderCountdown(reminder), rank: rankOf(reminder) }))
    .sort(
      (left, right) =>
        left.rank - right.rank ||
        compareCountdowns(left.countdown, right.countdown) ||
        Date.parse(left.reminder.sendAt) - Date.parse(right.reminder.sendAt) ||
        (left.reminder.id < right.reminder.id ? -1 : left.reminder.id > right.reminder.id ? 1 : 0),
    )
    .map((entry) => entry.reminder);
}
