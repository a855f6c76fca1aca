import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";

/** A retake's competitive target in words: the day to sit it by, and the day programs start review. */
export interface RetakeTargetWords {
  /** "Wed 25 Aug 2027 (our advice)": the step's target as its row shows it. */
  target: string;
  /** "Wed 22 Sep 2027, projected": the season date the target is counted back from. */
  review: string;
}

/**
 * A retake's target while it is ahead (both
 * dates shown and the target drives): a failed attempt is on the transcript, so the pass should reach
 * programs before they start review, not only by the last sitting day. Null when the step has no
 * season-dated target (the catalog's `target`), or it has passed: the last sitting day then drives.
 */
export function retakeTargetWords(
  context: PlanContext,
  entry: CatalogEntry,
  target: DueDate | null,
  dates: PlanDates,
): RetakeTargetWords | null {
  const rule = entry.target;
  if (target === null || target.at <= context.now || rule?.from !== "season") return null;
  const review = dates.calendar.dates[rule.dateKey];
  return {
    target: `${dates.renderedDay(target).local} (our advice)`,
    review: `${dayBy(context, review.at)}${review.status === "projected" ? ", projected" : ""}`,
  };
}
