import { type CatalogEntry, followUpRung } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { UNBOOKED_RANKING_EXAM_EVERY_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { followUps } from "./follow-ups.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";
import { weekBeforeNotice } from "./week-before-notice.ts";

/** A day that decides a step (the day after which it no longer counts), and what its reminders say. */
export interface DecidingDay {
  /** The instant the reminders start from (a date that passed, never `now`: the ids must not move). */
  passed: number;
  /** The deciding instant and its rendering. */
  dueAt: number;
  detail: Deadline;
  title: string;
  why: string;
  /** The follow-ups' rung name (each id: `<rung>-<cut>-of-<parts>` and the day). */
  rung: string;
  /**
   * The ladder counting down to the day. `lay` false: the step's own reminders already lay it
   * against this very day (the follow-ups only stop where its first rung begins).
   */
  ladder: string;
  lay: boolean;
}

/**
 * Reminders at least weekly up to a deciding day (UNBOOKED_RANKING_EXAM_EVERY_DAYS, advice: the rule
 * an unbooked exam that keeps the applicant in the Match has, a ladder with a follow-up rung,
 * `visa-behind`, gives its own cadence in the ladder data): follow-ups from `passed` to
 * the ladder's first rung (followUps), the ladder itself (its 3-day and 1-day rungs), and the notice
 * a week before (weekBeforeNotice: the ladder's 14-day and 3-day rungs are 11 days apart). One
 * definition for every such day. Appended to `into`; only for the
 * rare steps that need it (the caller checks), so no plan pays for it otherwise.
 */
export function weeklyToDay(
  context: PlanContext,
  entry: CatalogEntry,
  day: DecidingDay,
  into: TimedReminder[],
): void {
  if (day.dueAt < context.now) return;
  const { title, why } = day;
  followUps(
    context,
    {
      milestone: entry.key,
      title,
      why,
      passed: day.passed,
      deadline: day.dueAt,
      deadlineDetail: day.detail,
      ladder: day.ladder,
      everyDays: followUpRung(day.ladder)?.everyDays ?? UNBOOKED_RANKING_EXAM_EVERY_DAYS,
      rung: day.rung,
    },
    into,
  );
  if (day.lay)
    remindersFor(
      context,
      {
        milestone: entry.key,
        interviewId: undefined,
        title,
        why,
        ladder: day.ladder,
        deadline: day.dueAt,
        deadlineDetail: day.detail,
        countsDownTo: undefined,
        startBy: null,
        notStarted: false,
      },
      into,
    );
  weekBeforeNotice(context, entry, day.dueAt, day.detail, { title, why }, into);
}
