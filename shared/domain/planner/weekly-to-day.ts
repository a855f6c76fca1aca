import { type CatalogEntry, followUpRung } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { UNBOOKED_RANKING_EXAM_EVERY_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { followUps } from "./follow-ups.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";
import { WEEK_BEFORE_RUNG, weekBeforeNotice } from "./week-before-notice.ts";

/**
 * The ladder of a day to apply to FSMB by, a day before the step's own deadline: its rungs, follow-ups
 * and week-before notice are named for it (date-words' APPLY_BY_RUNGS), so no display calls it "Due"
 * beside the step's deadline.
 */
export const APPLY_BY_LADDER = "apply-by-day";
/** The week-before notice of an APPLY_BY_LADDER day. */
const APPLY_BY_WEEK_BEFORE_RUNG = "apply-by-in-7d";
/** The ladder of the day to apply for the visitor visa by abroad, named for it as APPLY_BY_LADDER's is. */
export const VISA_BY_LADDER = "visitor-visa-day";
const VISA_BY_WEEK_BEFORE_RUNG = "visa-by-in-7d";
/** The visa-behind ladder's week-before notice, named as its other rungs are: for residency's start. */
const VISA_BEHIND_WEEK_BEFORE_RUNG = "start-in-7d";

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
  const weekBefore =
    day.ladder === APPLY_BY_LADDER
      ? APPLY_BY_WEEK_BEFORE_RUNG
      : day.ladder === VISA_BY_LADDER
        ? VISA_BY_WEEK_BEFORE_RUNG
        : day.ladder === "visa-behind"
          ? VISA_BEHIND_WEEK_BEFORE_RUNG
          : WEEK_BEFORE_RUNG;
  weekBeforeNotice(context, entry, day.dueAt, day.detail, { title, why }, into, weekBefore);
}
