import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { rolDue as seasonDeadline } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { namedAtFastestPace } from "./late-for-ranking-words.ts";
import { lastDayDue } from "./match-year-last-day-countdown.ts";
import { stepRenderings } from "./step-renderings.ts";

// The day a critical notice asks the applicant to act by, where its words name one
// (critical-risk-notice.ts); otherwise the notice is due on the season date it is about (deadlineOf).

/**
 * The date an exam booked too late must move before: for
 * EXAMS_LATE_FOR_RANKING, the earliest deadline still ahead of the notice among the named steps
 * booked after it; the risk's text says "take it by" that day, so "Due" gives it too, not the rank
 * order list deadline weeks later. Undefined otherwise (an exam not booked whose deadline passed:
 * what is left is the rank order list deadline).
 */
export function actBy(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
): DueDate | undefined {
  // MATCH_YEAR_LAST_DAY: due the day it names, as its countdown is, while it is ahead.
  if (risk.code === "MATCH_YEAR_LAST_DAY") {
    const due = lastDayDue(context, risk);
    if (due === undefined || due.at < sendAt) return undefined;
    // A last day that is a named step's own deadline (the Pathway application's) or the rank order
    // list's is that authority's instant, shown with its hour and who sets it, never a whole day of advice.
    return earliestDue(risk, dates, sendAt, (_, own) => own.at === due.at) ?? rolAt(context, due) ?? due;
  }
  // A result below the passing score: the retake's last sitting day is what the notice asks for
  // ("sit it again by"), so "Due" gives it, not the rank order list deadline weeks later (lead's
  // look at the email, session 29: the item read "Due Thu 25 Feb", then "Due: Wed 27 Jan").
  if (risk.code === "SCORE_BELOW_PASSING") return earliestDue(risk, dates, sendAt, () => true);
  if (risk.code !== "EXAMS_LATE_FOR_RANKING") return undefined;
  // Not booked, in reach only at its fastest pace; booked, after its last sitting day.
  return earliestDue(risk, dates, sendAt, (key, due) => {
    const day = plannedDay(context, key);
    return day === null ? namedAtFastestPace(context, key) : sittingAfterLastDay(context, key, day, due);
  });
}

/** The rank order list deadline as its season date when the last day `due` is its instant, else undefined. */
function rolAt(context: PlanContext, due: DueDate): DueDate | undefined {
  const rol = seasonDeadline(context.calendar);
  return rol.at === due.at ? rol : undefined;
}

/** The earliest due date, still ahead of `sendAt`, of the steps `risk` names that `counts` keeps. */
function earliestDue(
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
  counts: (key: MilestoneKey, due: DueDate) => boolean,
): DueDate | undefined {
  let earliest: DueDate | undefined;
  for (const key of risk.milestones) {
    if (key === "interview") continue;
    const due = stepRenderings(dates, stepIndex(key)).due;
    if (due === null || due.at < sendAt || !counts(key, due)) continue;
    if (earliest === undefined || due.at < earliest.at) earliest = due;
  }
  return earliest;
}
