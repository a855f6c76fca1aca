import type { DateBasis, Deadline } from "../plan.ts";

/**
 * The values PlanDates resolves and hands out (deadlines.ts): a due date or target, an applicant's
 * own date, a latest safe start. Plain data, kept apart from the class that memoises them.
 */

/** A resolved due date: the instant, the zone its day arithmetic runs in, and its provenance. */
export interface DueDate {
  at: number;
  zone: string;
  status: Deadline["status"];
  /** Who sets the date (plan.ts DateBasis): the catalog rule's basis, never read from `source`. */
  basis: DateBasis;
  source: string;
  /** Advice that means a day (the catalog's `due.asDay`): rendered as the day in the applicant's zone. */
  asDay?: true;
  /**
   * A season's day this due stands for, by name (namedDay: "by the first day of ERAS applications
   * for the 2028 Match"): rendered as "<dayName>, <its day in `zone`>", never an hour. A field, so a
   * copy of the due keeps it.
   */
  dayName?: string;
}

/**
 * The due date with its fields in one order and `asDay` and `dayName` always present (undefined
 * unless set).
 * Every DueDate the planner keeps goes through here (PlanDates' memos, the targets and own dates
 * made elsewhere): they were made by a dozen literals of four field orders, some frozen, and V8
 * gives each its own hidden class, so the reads of `due.at` all over a plan went through
 * megamorphic look-ups (node --log-ic on the planner bench). One shape keeps those reads inline.
 */
export function shapedDueDate(due: DueDate): DueDate {
  return {
    at: due.at,
    zone: due.zone,
    status: due.status,
    basis: due.basis,
    source: due.source,
    asDay: due.asDay,
    dayName: due.dayName,
  };
}

/** A latest safe start (epoch ms) and its ISO 8601 UTC text. */
export interface StartBy {
  at: number;
  iso: string;
}

/**
 * An applicant's own date for a milestone (scheduled ahead, or done). It never replaces the
 * catalog's deadline: it is shown beside it, drives the step's reminders while ahead, and anchors
 * the targets of the milestones that lead to it (the OET result before the Pathway date given).
 */
export interface OwnDate {
  date: string;
  at: number;
  done: boolean;
}
