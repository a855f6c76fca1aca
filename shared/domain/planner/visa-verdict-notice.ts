import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { h1bPetitionLastDay, PETITION_LAST_DAY_SOURCE, petitionLastDayDue } from "./h1b-petition-last-day.ts";
import { LAST_DAY_SOURCE, lastDayDue } from "./j1-review-start.ts";
import { j1SponsorshipLastDay } from "./j1-sponsorship-last-day.ts";
import { J1_START_OUT_OF_REACH_TITLE } from "./j1-start-out-of-reach.ts";

// The visa chain's two verdicts told as VISA_NOT_READY_FOR_START carry their own day on every
// channel, on either route. The J-1's (j1-start-out-of-reach.ts, j1-sponsorship-last-day.ts) and
// the unfiled H-1B petition's (h1b-petition-last-day.ts) are the same two: the visa's date past
// reach with the start still in reach has its last day (the J-1 file's, the petition's filing
// day), which the notice is due by and its title names, never the missed date of the step it
// rides on ("Overdue since Fri 16 Apr" above "must file by about Fri 30 Apr"); the start out of
// reach (the J-1's, or the petition's last filing day passed) has no day left to act by but today,
// so its notice has no date (a step's date above a body saying the start cannot be met read as
// time left). In the US with the route untold, the petition's verdict is counted on consular
// processing and its last day titled as abroad: the earlier one, a change of status's later; once
// that day has passed, a change of status may still keep the start, so the in-US title speaks.
// Which verdict a risk tells is its field (Risk.visaVerdict), never found in its words.

type Route = "j1" | "h1b";

/** The H-1B petition's last filing day for the start, on either route (visa-last-day-today.ts). */
export const H1B_LAST_DAY_TITLE =
  "Your program must file your H-1B petition by its last day for you to start on your program's date";
type Verdict = "out-of-reach" | "last-day";

/** Each route's verdict titles: the last day's (its date: the last day) and the start out of reach's. */
const TITLES: Readonly<Record<Route, Readonly<Record<Verdict, string>>>> = {
  j1: {
    // No "act by" here: the notice's day label says it before the day ("…: act by Mon 3 May 2027").
    "last-day": "Your J-1 visa's date can no longer be met: the last day to keep your program's start date",
    "out-of-reach": J1_START_OUT_OF_REACH_TITLE,
  },
  h1b: {
    "last-day": H1B_LAST_DAY_TITLE,
    "out-of-reach":
      "The last day for your program to file your H-1B petition for your start has passed: talk to its GME office today",
  },
};

/** The route and verdict a risk tells (Risk.visaVerdict), or undefined for any other risk. */
function verdictOf(risk: Risk): { route: Route; verdict: Verdict } | undefined {
  switch (risk.visaVerdict) {
    case "j1-last-day":
      return { route: "j1", verdict: "last-day" };
    case "j1-out-of-reach":
      return { route: "j1", verdict: "out-of-reach" };
    case "h1b-last-day":
      return { route: "h1b", verdict: "last-day" };
    case "h1b-out-of-reach":
      return { route: "h1b", verdict: "out-of-reach" };
    default:
      return undefined;
  }
}

/**
 * The phase that makes the J-1 start out of reach a notice of its own (criticalNoticeId): it names
 * the same steps as the last day's notice before it (the sponsorship, the visa) yet says something
 * new and more urgent, so it is emailed the day it comes, never swallowed as already sent. (The
 * H-1B's names the stamping besides, which gives it an id of its own: withH1bPetitionLastDay.)
 */
export const J1_OUT_OF_REACH_PHASE = "j1-out-of-reach";

/** J1_OUT_OF_REACH_PHASE for a J-1 start out of reach, else undefined. */
export function j1VerdictPhase(risk: Risk): string | undefined {
  return risk.visaVerdict === "j1-out-of-reach" ? J1_OUT_OF_REACH_PHASE : undefined;
}

/** The notice's title for a visa chain verdict, undefined for any other risk. */
export function visaVerdictTitle(risk: Risk): string | undefined {
  const told = verdictOf(risk);
  return told === undefined ? undefined : TITLES[told.route][told.verdict];
}

/**
 * The title for a verdict in the US with the route not told (the petition's counted on consular
 * processing): the last day's, the earlier of the two routes' days to plan for; never "has passed"
 * for the start, which a change of status approved before it may still keep (the risk's words say
 * "if your program files for consular processing"), so the start out of reach is undefined: the
 * in-US title, status or visa, speaks.
 */
export function inUsVerdictTitle(risk: Risk): string | undefined {
  return verdictOf(risk)?.verdict === "last-day" ? visaVerdictTitle(risk) : undefined;
}

/** The last day a last-day verdict's notice is due by while ahead of `sendAt` (notice-act-by.ts), else undefined. */
export function verdictLastDayActBy(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
): DueDate | undefined {
  const told = verdictOf(risk);
  if (told?.verdict !== "last-day") return undefined;
  let due: DueDate | undefined;
  if (told.route === "h1b") {
    const last = h1bPetitionLastDay(context, dates);
    due = last === null || last.past ? undefined : petitionLastDayDue(context, last);
  } else {
    const last = j1SponsorshipLastDay(context, dates);
    due = last === null ? undefined : lastDayDue(context, last.lastDay);
  }
  return due !== undefined && due.at >= sendAt ? due : undefined;
}

/**
 * How a verdict's notice is dated: its last day (`due`, when the notice is due by it:
 * verdictLastDayActBy) with no "overdue since" for the visa's date past reach; "undated" for the
 * start out of reach, and for a last day sent after it (quiet hours past its end): never the date of
 * the step it rides on. Undefined for any other risk (the carrier's date rules).
 */
export function visaVerdictNoticeDate(risk: Risk, due: DueDate): "undated" | "last-day" | undefined {
  const told = verdictOf(risk);
  if (told === undefined) return undefined;
  const lastDay = due.source === LAST_DAY_SOURCE || due.source === PETITION_LAST_DAY_SOURCE;
  return told.verdict === "last-day" && lastDay ? "last-day" : "undated";
}
