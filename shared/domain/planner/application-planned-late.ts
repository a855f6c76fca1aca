import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { renderDate, startOfLocalDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { byDay, byDayNear, when } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import type { DueDate } from "./due-date.ts";
import { isApplicationChainedDue } from "./exam-chain.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import type { LastWorking } from "./last-working-instant.ts";
import { lastDayRisk } from "./match-year-last-day.ts";
import { markedLastWeek, markedPlannedLate } from "./match-year-last-week.ts";

/**
 * The ECFMG application planned for a day (scheduled) after its latest day while that day is the
 * exam chain's (isApplicationChainedDue: Step 1's latest start, the last day for the Match, our
 * advice counted from the projected rank order list deadline). An early starter who planned it for
 * 25 Jun 2027 with that day 1 Jun heard only a warning for six months, and one who planned it for
 * the last day itself read, once the day passed, a later candidate's day ("submit it by Mon 7 Jun")
 * with no word that it was one. Both now read what an advisor says: the day planned is too late for
 * the Match on our projection; submit it and start preparing for Step 1 by the last day, said with
 * its hour (4:00 PM HST on the last day hides behind the day alone); once it has passed, today, the
 * Match then resting on NRMP's deadline turning out later, as MATCH_YEAR_LAST_DAY says.
 */
const APPLICATION = indexedStep("ecfmg_application");

/** The planned day (local midnight, epoch ms) and the chain's last day, when the day is after it; else null. */
function plannedLate(
  context: PlanContext,
  due: DueDate | null,
): { day: number; date: string; due: DueDate } | null {
  if (due === null || !isApplicationChainedDue(APPLICATION.key, due)) return null;
  if (statusAt(context, APPLICATION.index) !== "scheduled") return null;
  const date = context.entries.at(APPLICATION.index)?.date;
  if (date === undefined) return null;
  const day = startOfLocalDate(context.zone, date);
  return sittingAfterLastDay(context, APPLICATION.key, day, due) ? { day, date, due } : null;
}

/** The last day in both zones with who sets it: "Mon 31 May 2027, 4:00 PM HST (Mon 31 May 2027, 10:00 PM ET) (our advice)". */
const lastDayWords = (context: PlanContext, due: DueDate): string =>
  `${when(context, due.at)}${basisMark(due)}`;

/** "by then" after the day named in full, or byDay's "today, by …" on the day itself. */
const byThen = (context: PlanContext, at: number): string =>
  byDayNear(context, at) ? byDay(context, at) : "by then";

/**
 * The card of an application planned after the chain's last day (null for any other step or plan):
 * the day planned, that it is after the last day for the Match, what to do by it, and once it has
 * passed, what that means.
 */
export function applicationPlannedLateCard(context: PlanContext, due: DueDate | null): string | null {
  const late = plannedLate(context, due);
  if (late === null) return null;
  const year = context.calendar.matchYear;
  const planned = `You plan to submit the Application for ECFMG Certification on ${renderDate(late.date)}, after your last day for the ${year} Match, ${lastDayWords(context, late.due)}`;
  if (late.due.at < context.now)
    return `${planned}, which has passed. Submit it in MyIntealth today, start preparing for USMLE Step 1, and tell us once it is submitted: on our projected deadline the ${year} Match is now out of reach, and it stays within reach only if NRMP's ${year} deadline turns out later (see the critical notice for the day that leaves).`;
  return `${planned}: ECFMG's approval and Step 1's preparation (our advice) take until Step 1's last sitting that still counts. Submit it in MyIntealth and start preparing for USMLE Step 1 ${byThen(context, late.due.at)}, and send your intake form again with the new date (or give it to your advisor); after that day your plan moves to the ${year + 1} Match unless NRMP's ${year} deadline turns out later.`;
}

/**
 * The critical risk beside it while the last day is ahead (MATCH_YEAR_LAST_DAY: the day the Match
 * is last in reach), from the day the plan is given, in place of the chain's own MATCH_YEAR_LAST_DAY
 * (a warning six weeks ahead, naming the same day but not the day planned). Null otherwise.
 */
export function applicationPlannedLateRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const late = plannedLate(context, dates.due(APPLICATION.key));
  if (late === null || late.due.at < context.now) return null;
  const year = context.calendar.matchYear;
  // Critical with its notice when it appears, as a last week's, titled for the day planned (lastWeekTitle).
  return markedLastWeek(
    markedPlannedLate({
      code: "MATCH_YEAR_LAST_DAY",
      severity: "critical",
      message: `You plan to submit your Application for ECFMG Certification on ${renderDate(late.date)}, after your last day for the ${year} Match, ${lastDayWords(context, late.due)}: ECFMG's approval and USMLE Step 1's preparation (our advice) take until Step 1's last sitting whose result still reaches NRMP by the rank order list deadline. Submit it and start preparing for Step 1 ${byThen(context, late.due.at)}, and send your intake form again with the new date (or give it to your advisor); after that day your plan moves to the ${year + 1} Match unless NRMP's ${year} deadline turns out later.`,
      milestones: [APPLICATION.key, "usmle_step1"],
      lastWorkingAt: new Date(late.due.at).toISOString(),
      sources: [late.due.source],
    }),
  );
}

/**
 * MATCH_YEAR_LAST_DAY for risks.ts: an application planned after the chain's last day
 * (applicationPlannedLateRisk, unless `excluded`: a gate held, the season over or out of reach, a
 * Match kept on the later candidate), else the chain's own last day when `last` is found.
 */
export function lastDayOrPlannedLate(
  context: PlanContext,
  dates: PlanDates,
  last: LastWorking | null,
  excluded: boolean,
): Risk | null {
  const planned = excluded ? null : applicationPlannedLateRisk(context, dates);
  return planned ?? (last === null ? null : lastDayRisk(context, last));
}
