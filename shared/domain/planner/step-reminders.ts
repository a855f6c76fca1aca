import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { resultFollowUp, type StepOwnDate } from "./own-date.ts";
import { firstReminderFor, type ReminderTarget, remindersFor, type TimedReminder } from "./reminders.ts";
import { targetPassedReminders } from "./target-passed.ts";

/** The dates one next step's reminders are laid against, as planMilestone resolved them. */
export interface StepReminderDates {
  /** The hard deadline (the authority's, or advice derived from it) and its rendering. */
  due: DueDate | null;
  detail: Deadline | undefined;
  /** The competitive target, and whether it is still ahead. */
  target: DueDate | null;
  targetDetail: Deadline | undefined;
  targetAhead: boolean;
  /** The applicant's own date, and whether the reminders count down to it (ahead, not after the deadline). */
  own: StepOwnDate | null;
  ownAhead: boolean;
  startBy: number | null;
  notStarted: boolean;
}

/**
 * A next step's reminders, appended to `into`. The step's ladder counts down to what the
 * applicant aims at: their own date while it is ahead and not after the deadline (the exam day
 * they booked: that is the day to prepare for), else the competitive target while it is ahead;
 * the hard deadline then gets its first rung, which guarantees a wake-up before it (the plan made
 * then carries the rest of that ladder, same ids). With nothing to aim at, the hard deadline gets
 * the whole ladder: so does a deadline the applicant's own date falls after (the risk says move
 * it), and a target passed with the step not booked adds one notice at the next slot
 * (targetPassedNotice), then follow-ups at most four weeks apart until the deadline's ladder
 * begins (targetFollowUps). A passed own date with no result adds one follow-up (see resultFollowUp), unless a rung of
 * the deadline goes out at that very instant.
 */
export function stepReminders(
  context: PlanContext,
  entry: CatalogEntry,
  dates: StepReminderDates,
  into: TimedReminder[],
): void {
  const { due, detail, own, notStarted, startBy } = dates;
  const aim =
    dates.ownAhead && own !== null
      ? {
          at: own.due.at,
          detail: own.detail,
          title: titled(entry, ownTitles, ownDateTitle),
          countsDownTo: "own-date" as const,
        }
      : dates.targetAhead && dates.target !== null && dates.targetDetail !== undefined
        ? {
            at: dates.target.at,
            detail: dates.targetDetail,
            title: titled(entry, targetTitles, (title) => `${title} (target date)`),
            countsDownTo: "target" as const,
          }
        : null;
  if (aim !== null) {
    remindersFor(
      context,
      {
        milestone: entry.key,
        interviewId: undefined,
        title: aim.title,
        why: entry.why.text,
        ladder: entry.ladder,
        deadline: aim.at,
        deadlineDetail: aim.detail,
        countsDownTo: aim.countsDownTo,
        startBy,
        notStarted,
      },
      into,
    );
  }
  if (due !== null && detail !== undefined) {
    const ruled = dates.target !== null || aim !== null;
    const hard: ReminderTarget = {
      milestone: entry.key,
      interviewId: undefined,
      title: entry.title,
      why: entry.why.text,
      ladder: ruled ? "hard-deadline" : entry.ladder,
      deadline: due.at,
      deadlineDetail: detail,
      countsDownTo: undefined,
      startBy: ruled ? null : startBy,
      notStarted,
    };
    if (aim !== null) firstReminderFor(context, hard, into);
    else remindersFor(context, hard, into);
    if (dates.target !== null && !dates.targetAhead && !dates.ownAhead) {
      targetPassedReminders(context, entry, dates, into);
    }
  }
  if (own?.passed === true) {
    const followUp = resultFollowUp(
      context,
      entry,
      own,
      due !== null && detail !== undefined ? { at: due.at, detail } : null,
    );
    // A rung of the same deadline at the same instant already carries the step, whose text asks
    // for the result: one notice, not two.
    if (
      followUp !== null &&
      !into.some(
        (other) =>
          other.reminder.milestone === entry.key &&
          other.sendAt === followUp.sendAt &&
          other.deadline === followUp.deadline,
      )
    )
      into.push(followUp);
  }
}

const targetTitles = new Map<string, string>();
const ownTitles = new Map<string, string>();
/**
 * A reminder counting down to the applicant's own date: an exam ("Pass USMLE Step 2 CK") is "Your
 * USMLE Step 2 CK exam", the day they booked; another step keeps its title with "(your date)"
 * (tester s11 issue 14e C1: "Pass USMLE Step 2 CK (your date): on Tue 30 Mar 2027" as a subject).
 */
function ownDateTitle(title: string): string {
  return title.startsWith("Pass ") ? `Your ${title.slice("Pass ".length)} exam` : `${title} (your date)`;
}

/** A reminder's title from its catalog entry's, made once per catalog entry rather than once per plan. */
function titled(entry: CatalogEntry, titles: Map<string, string>, make: (title: string) => string): string {
  let title = titles.get(entry.key);
  if (title === undefined) {
    title = make(entry.title);
    titles.set(entry.key, title);
  }
  return title;
}
