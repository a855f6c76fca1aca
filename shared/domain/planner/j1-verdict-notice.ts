import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { j1SponsorshipLastDay, LAST_DAY_SOURCE, lastDayDue } from "./j1-sponsorship-last-day.ts";
import { J1_START_OUT_OF_REACH_TITLE } from "./j1-start-out-of-reach.ts";

// The J-1 chain's two verdicts told as VISA_NOT_READY_FOR_START (j1-start-out-of-reach.ts,
// j1-sponsorship-last-day.ts) carry their own day on every channel: the start out of reach has no
// day left to act by but today, so its notice has no date (the visa's or the DS-2019's date above a
// body saying the start cannot be met read as time left); the visa's date past reach with the start
// still in reach has its last day, which the notice is due by, never the missed date of the step it
// rides on ("Overdue since Mon 5 Apr" above "complete by about Mon 3 May").

/** The visa's date past reach, the start in reach: its notice's title (its date: the last day). */
const LAST_DAY_TITLE =
  "Your J-1 visa's date can no longer be met: act by your last day to start on your program's date";

/** Which verdict a risk tells (Risk.visaVerdict): "out-of-reach", "last-day", or undefined for any other. */
function verdictOf(risk: Risk): "out-of-reach" | "last-day" | undefined {
  if (risk.visaVerdict === "j1-out-of-reach") return "out-of-reach";
  return risk.visaVerdict === "j1-last-day" ? "last-day" : undefined;
}

/**
 * The phase that makes the start out of reach a notice of its own (criticalNoticeId): it names the
 * same steps as the last day's notice before it (the sponsorship, the visa) yet says something new
 * and more urgent, so it is emailed the day it comes, never swallowed as already sent.
 */
export const J1_OUT_OF_REACH_PHASE = "j1-out-of-reach";

/** J1_OUT_OF_REACH_PHASE for a J-1 start out of reach, else undefined. */
export function j1VerdictPhase(risk: Risk): string | undefined {
  return risk.visaVerdict === "j1-out-of-reach" ? J1_OUT_OF_REACH_PHASE : undefined;
}

/** The notice's title for a J-1 chain verdict, undefined for any other risk. */
export function j1VerdictTitle(risk: Risk): string | undefined {
  const verdict = verdictOf(risk);
  if (verdict === undefined) return undefined;
  return verdict === "out-of-reach" ? J1_START_OUT_OF_REACH_TITLE : LAST_DAY_TITLE;
}

/** The last day a last-day verdict's notice is due by while ahead of `sendAt` (notice-act-by.ts), else undefined. */
export function j1LastDayActBy(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
): DueDate | undefined {
  if (verdictOf(risk) !== "last-day") return undefined;
  const last = j1SponsorshipLastDay(context, dates);
  const due = last === null ? undefined : lastDayDue(context, last);
  return due !== undefined && due.at >= sendAt ? due : undefined;
}

/**
 * How a verdict's notice is dated: its last day (`due`, when the notice is due by it:
 * j1LastDayActBy) with no "overdue since" for the visa's date past reach; "undated" for the start
 * out of reach, and for a last day sent after it (quiet hours past its end): never the date of the
 * step it rides on. Undefined for any other risk (the carrier's date rules).
 */
export function j1VerdictNoticeDate(risk: Risk, due: DueDate): "undated" | "last-day" | undefined {
  const verdict = verdictOf(risk);
  if (verdict === undefined) return undefined;
  return verdict === "last-day" && due.source === LAST_DAY_SOURCE ? "last-day" : "undated";
}
