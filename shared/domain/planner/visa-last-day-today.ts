import type { NextStep, Risk, StepSubject } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { dropToldByNotice } from "./match-year-last-day-countdown.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";
import { filedForStatus, petitionForStatus, statusLastDayDue } from "./status-approval-line.ts";
import { H1B_LAST_DAY_TITLE, verdictLastDayActBy, visaVerdictTitle } from "./visa-verdict-notice.ts";

/**
 * The visa's last day for a start on the program's date (the J-1 sponsorship file's, the program's
 * last H-1B filing day: visaVerdict "j1-last-day", "h1b-last-day") gets rungs on its eve and its
 * own morning, as the last day that keeps the Match does (`last-day-in-1d`, `last-day-today`): the
 * verdict's notice goes once, when the verdict comes, and the step's weekly chase up to six days
 * before (in Auckland its day-before email went some 40 hours before the day ended), so the day that
 * decides the start passed with no email. Laid on the step
 * the notice rides on (`noticedOn`), with its title and words, against its day while that is the
 * applicant's whole day (a petition's day over for her but not yet in the US has its notice's hour
 * instead: no second "today"); none on the day the notice itself goes or went out (one email a day),
 * and no missed rung caught up. On a change of status the unfiled petition's last day
 * (statusLastDayDue) has no verdict before it, only the warning that names it (VISA_STEP_LATE: the
 * start still holds until then): that day gets the same rungs (statusLastDayToday). Appended to `into`.
 */
export function visaLastDayToday(
  context: PlanContext,
  risks: readonly Risk[],
  noticedOn: ReadonlyMap<Risk, StepSubject> | undefined,
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
): void {
  statusLastDayToday(context, risks, nextSteps, dates, into);
  if (noticedOn === undefined) return;
  for (const risk of risks) {
    if (risk.visaVerdict !== "j1-last-day" && risk.visaVerdict !== "h1b-last-day") continue;
    const milestone = noticedOn.get(risk);
    const title = visaVerdictTitle(risk);
    const due = verdictLastDayActBy(context, risk, dates, context.now);
    if (milestone === undefined || title === undefined || due === undefined || due.asDay !== true) continue;
    const laid = into.length;
    layLastDay(context, milestone, title, risk.message, due, dates, into);
    dropToldByNotice(context, into, laid, milestone, risk.code);
  }
}

/** The H-1B petition, as petitionForStatus reads a step. */
const PETITION = { key: "visa_h1b" } as const;

/**
 * The unfiled petition on a change of status, behind our plan with its last day ahead (the day a
 * filing with premium processing still brings USCIS's approval before the start: statusLastDayDue):
 * the visa-last-day rungs on that day's eve and morning, on the first next step the risk names (the
 * petition, or the contract it waits on), titled as the consular route's last filing day and with the
 * words of the risk that names the day. Its last email was the weekly chase,
 * up to six days before, and the next the critical the morning after the day was over.
 */
function statusLastDayToday(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
): void {
  if (context.applicant.visa !== "H-1B" || !petitionForStatus(context, PETITION)) return;
  if (filedForStatus(context, PETITION)) return;
  const risk = risks.find(
    (each) =>
      (each.code === "VISA_STEP_LATE" || each.code === "VISA_NOT_READY_FOR_START") &&
      each.visaVerdict === undefined &&
      each.milestones.includes("visa_h1b"),
  );
  if (risk === undefined) return;
  const due = statusLastDayDue(context);
  if (due.at < context.now) return;
  // On the first step the risk names that is a next step: never on a blocked one (the petition
  // waiting on the contract: the contract's card, as the risk's notice).
  const milestone = risk.milestones.find((key) => nextSteps.some((step) => step.milestone === key));
  if (milestone === undefined) return;
  layLastDay(context, milestone, H1B_LAST_DAY_TITLE, risk.message, due, dates, into);
}

/** The visa-last-day rungs for a last day (`due`, a whole day) on `milestone`'s card, in the risk's words. */
function layLastDay(
  context: PlanContext,
  milestone: StepSubject,
  title: string,
  why: string,
  due: DueDate,
  dates: PlanDates,
  into: TimedReminder[],
): void {
  remindersFor(
    context,
    {
      milestone,
      interviewId: undefined,
      title,
      why,
      ladder: "visa-last-day",
      deadline: due.at,
      deadlineDetail: dates.rendered(due),
      countsDownTo: undefined,
      startBy: null,
      notStarted: false,
    },
    into,
  );
}
