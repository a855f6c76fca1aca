import { stableHash } from "../hash.ts";
import type { NextStep, Reminder, Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { isoInZone, isoUtc } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { deadlineDetail } from "./date-math.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";

/** The rung of the out-of-reach notice: it belongs to no ladder, it is sent once. */
export const OUT_OF_REACH_RUNG = "match-year-out-of-reach";

const noticeIds = new Map<string, string>();
/**
 * The notice's id: one per (target Match year → earliest feasible Match year), never per step,
 * deadline or `now`, so every re-plan gives the same id and the ledger's claim sends it once
 * (as a late-arrival notice keeps its rung's id). Ids are unique within one applicant's plan.
 */
export function outOfReachNoticeId(targetYear: number, feasibleYear: number): string {
  const key = `${targetYear}|${feasibleYear}`;
  let id = noticeIds.get(key);
  if (id === undefined) {
    id = `r-${stableHash(`${OUT_OF_REACH_RUNG}|${key}`)}`;
    noticeIds.set(key, id);
  }
  return id;
}

/**
 * The notice an advisor would give at once when time alone (or the input) puts the target Match
 * out of reach (MATCH_YEAR_NOT_FEASIBLE, in `risks`): sent at the next delivery slot at or after
 * now, about the first next milestone step of `nextSteps` (most urgent first), so the email shows
 * that step's action (an interview keeps its own ladder); its text is the risk's message, its
 * deadline the earliest feasible Match's rank order list deadline (the new goal, always ahead).
 * Null when the season is feasible or no milestone is actionable. The planner keeps no memory of
 * earlier plans, so every plan of an out-of-reach season carries it; the stable id makes it one email.
 */
export function outOfReachNotice(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
): TimedReminder | null {
  const risk = risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
  const feasibleYear = risk?.earliestFeasibleMatchYear;
  if (risk === undefined || feasibleYear === undefined) return null;
  const firstStep = nextSteps.find((step) => step.milestone !== "interview");
  if (firstStep === undefined) return null;
  const targetYear = context.calendar.matchYear;
  const rol = seasonCalendar(feasibleYear).dates.nrmp_rol_certification_and_late_registration_deadline;
  const { catchUp } = catchUpOf(context);
  if (rol.at < catchUp) return null;
  const detail = deadlineDetail(context.zone, rol.at, rol.status, rol.source);
  const reminder: Reminder = {
    id: outOfReachNoticeId(targetYear, feasibleYear),
    milestone: firstStep.milestone,
    rung: OUT_OF_REACH_RUNG,
    title: `The ${targetYear} Match is out of reach: plan for the ${feasibleYear} Match (its rank order list deadline)`,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(catchUp),
    sendAtLocal: isoInZone(context.zone, catchUp),
    why: risk.message,
  };
  return { sendAt: catchUp, deadline: rol.at, reminder: Object.freeze(reminder) };
}
