import type { MilestoneKey } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { h1bPetitionLastDay, petitionLastDayDue } from "./h1b-petition-last-day.ts";
import { h1bPetitionPastVisaDate } from "./h1b-petition-past-visa-date.ts";
import { dueDayOf } from "./j1-allowances.ts";
import { lastDayDue, startLastDay } from "./j1-review-start.ts";
import { visaDatePastReach } from "./j1-sponsorship-last-day.ts";
import { awaitingDs2019, j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { filedForStatus, petitionForStatus, statusLastDayDue } from "./status-approval-line.ts";
import { J1_FILE } from "./visa-step-late.ts";

// Past our cautious allowance for the J-1 sponsorship file (or the contract it waits on), or for the
// H-1B petition not yet filed, the day that counts is the last day that still keeps the program's
// start date: the day the critical notice names ("act by"). Until that day is over the step is behind
// our plan (since our allowance's day), never overdue since a day the applicant was told nothing of
// (the day the visa's own date was lost stays in the risk's why); once it is over, the start is out of
// reach and the step is overdue since that last day. One day on the row, the chase and the notice.

/** The last day to keep the start for a step past its allowance (the one "act by" day), and when it ends. */
export interface StartLastDay {
  /** The last day, a whole day of the applicant's (advice), as the critical notice names it. */
  due: DueDate;
  /** The instant the last day is over: up to it the step is behind our plan, from it overdue since that day. */
  endAt: number;
  /** The critical verdict names that day now (the visa's own date past reach): the step says "act by" it too. */
  named: boolean;
}

/**
 * The last day to keep the program's start date for the step `waiting` (the step itself, or for the
 * contract, the step waiting on it: visa-date-missed-day.ts visaDateAtRisk): the J-1 sponsorship file's
 * steps while the DS-2019 is awaited (startLastDay, the file not complete), unless the start is out of
 * reach before that day (a certificate still to come: the out-of-reach verdict speaks); the H-1B
 * petition not filed past its planned day (h1bPetitionLastDay, consular route; on a change of status,
 * statusLastDayDue). Null otherwise: the
 * step's other rules (visaDateMissedDay) read it.
 */
export function startLastDayOf(context: PlanContext, waiting: string, dates: PlanDates): StartLastDay | null {
  if (J1_FILE.has(waiting as MilestoneKey)) {
    if (!awaitingDs2019(context, dates)) return null;
    const lastDay = startLastDay(context, "incomplete");
    const passed = lastDay < localDate(context.zone, context.now);
    if (!passed && j1StartOutOfReach(context, dates) !== null) return null;
    // Before the verdict the visa's own date still holds, and an earlier day counts (VISA_STEP_LATE's).
    const named = visaDatePastReach(context, dates) !== null;
    return { due: lastDayDue(context, lastDay), endAt: dayEnd(context.zone, lastDay), named };
  }
  if (waiting === "j1_ds2019") return ds2019LastDay(context, dates);
  if (waiting !== "visa_h1b") return null;
  // Not filed on a change of status: the last day a filing with premium processing still brings the
  // approval before the start (a filed petition's own rule reads its approval day: visaDateMissedDay).
  if (petitionForStatus(context, { key: waiting }) && !filedForStatus(context, { key: waiting })) {
    const due = statusLastDayDue(context);
    return { due, endAt: due.at, named: true };
  }
  const last = h1bPetitionLastDay(context, dates);
  if (last === null) return null;
  // Ended as the filing day does (its due: the US's end of that day where the applicant's came first).
  const due = petitionLastDayDue(context, last);
  // Inside the warning band (H1B_PETITION_PAST_VISA_DATE) the warning names its own day to file by,
  // and no critical names this one yet: the step says "act by" it once the verdict does, as on a J-1.
  const named = h1bPetitionPastVisaDate(context, dates) === null;
  return { due, endAt: Math.max(due.at, dayEnd(context.zone, last.lastDay)), named };
}

/**
 * The DS-2019 awaited past our day for it, the sponsorship file complete on time and the certificate
 * in: the last day it can reach the applicant with the consular month after it still bringing the
 * visa by the end of her day before the start (startLastDay, "completed": visaLineOf's "last week",
 * not "after start"; Mon 31 May for a 1 Jul start), the day the critical names once even a DS-2019
 * arriving today brings the visa into the start's last week (visaDatePastReach). Null while the
 * DS-2019's own date is that day or later (a sponsorship done late: ecfmgReviewDue dates it so).
 */
function ds2019LastDay(context: PlanContext, dates: PlanDates): StartLastDay | null {
  if (!awaitingDs2019(context, dates)) return null;
  if (statusOf(context, "j1_ecfmg_sponsorship") !== "done") return null;
  if (!isFinished(statusOf(context, "ecfmg_certification"))) return null;
  const planned = dates.due("j1_ds2019");
  const lastDay = startLastDay(context, "completed");
  if (planned === null || dueDayOf(planned) >= lastDay) return null;
  const passed = lastDay < localDate(context.zone, context.now);
  if (!passed && j1StartOutOfReach(context, dates) !== null) return null;
  const named = visaDatePastReach(context, dates)?.holds === "completed";
  return { due: lastDayDue(context, lastDay), endAt: dayEnd(context.zone, lastDay), named };
}
