import type { Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { rolDue as seasonDeadline } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { namedAtFastestPace } from "./late-for-ranking-words.ts";
import type { LaterCandidateSteps } from "./later-candidate-steps.ts";
import { lastDayDue } from "./match-year-last-day-countdown.ts";
import { step3PetitionDue } from "./score-below-passing-risk.ts";
import { stepRenderings } from "./step-renderings.ts";
import { verdictLastDayActBy } from "./visa-verdict-notice.ts";

// The day a critical notice asks the applicant to act by, where its words name one
// (critical-risk-notice.ts); otherwise the notice is due on the season date it is about (deadlineOf).

/**
 * The date an exam booked too late must move before: for
 * EXAMS_LATE_FOR_RANKING, the earliest deadline still ahead of the notice among the named steps
 * booked after it; the risk's text says "take it by" that day, so "Due" gives it too, not the rank
 * order list deadline weeks later. Undefined otherwise (an exam not booked whose deadline passed:
 * what is left is the rank order list deadline). `candidate`: the steps the plan lays on the rank
 * order list deadline's later candidate (laterCandidateSteps), whose own dates are that candidate's.
 */
export function actBy(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
  candidate: LaterCandidateSteps | null = null,
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
  // ("sit it again by"), so its date is that day, not the rank order list deadline weeks later. The
  // step's own day: on the later candidate when the step is laid there (the projected day is out of
  // reach, and the risk says the later one holds), never the projected day the risk calls out of reach.
  if (risk.code === "SCORE_BELOW_PASSING") {
    const laid = retakeOnLaterCandidate(risk, candidate) ? candidate.dates : dates;
    // A Step 3 retake out of reach of ranking: the petition's day, as the step and the risk say.
    const petition =
      risk.milestones[0] === "usmle_step3" ? step3PetitionDue(context, laid, laid.due("usmle_step3")) : null;
    return petition !== null && petition.at >= sendAt
      ? petition
      : earliestDue(risk, laid, sendAt, () => true);
  }
  // The visa's date past reach with the start in reach: due the last day it names, while ahead.
  if (risk.code === "VISA_NOT_READY_FOR_START") return verdictLastDayActBy(context, risk, dates, sendAt);
  if (risk.code !== "EXAMS_LATE_FOR_RANKING") return undefined;
  // Not booked, in reach only at its fastest pace; booked, after its last sitting day. A booking laid
  // on the later candidate (booked past both last days) is due by that candidate's day, as its row is:
  // on the projected day itself the notice read "Due today, Wed 27 Jan" beside "move it to Wed 3 Feb".
  return earliestDue(
    risk,
    dates,
    sendAt,
    (key, due) => {
      const day = plannedDay(context, key);
      return day === null ? namedAtFastestPace(context, key) : sittingAfterLastDay(context, key, day, due);
    },
    candidate,
  );
}

/**
 * Whether SCORE_BELOW_PASSING's retake is laid on the rank order list deadline's later candidate
 * (laterCandidateSteps): its last sitting day is then that candidate's, which holds only if NRMP's
 * deadline is that candidate, as the risk and the step say.
 */
export function retakeOnLaterCandidate(
  risk: Risk,
  candidate: LaterCandidateSteps | null,
): candidate is LaterCandidateSteps {
  if (risk.code !== "SCORE_BELOW_PASSING" || candidate === null) return false;
  return risk.milestones.every((key) => key !== "interview" && candidate.keys.has(key));
}

/** The rank order list deadline as its season date when the last day `due` is its instant, else undefined. */
function rolAt(context: PlanContext, due: DueDate): DueDate | undefined {
  const rol = seasonDeadline(context.calendar);
  return rol.at === due.at ? rol : undefined;
}

/**
 * The earliest due date, still ahead of `sendAt`, of the steps `risk` names that `counts` keeps; a
 * step `laid` on the later candidate by that candidate's dates.
 */
function earliestDue(
  risk: Risk,
  dates: PlanDates,
  sendAt: number,
  counts: (key: MilestoneKey, due: DueDate) => boolean,
  laid: LaterCandidateSteps | null = null,
): DueDate | undefined {
  let earliest: DueDate | undefined;
  for (const key of risk.milestones) {
    if (key === "interview") continue;
    const due = stepRenderings(laid?.keys.has(key) ? laid.dates : dates, stepIndex(key)).due;
    if (due === null || due.at < sendAt || !counts(key, due)) continue;
    if (earliest === undefined || due.at < earliest.at) earliest = due;
  }
  return earliest;
}

/**
 * The steps EXAMS_LATE_FOR_RANKING's notice may ride on, in order (stepFor takes the first next
 * step): an exam in reach only at its fastest pace first (the notice's title asks to book it), then
 * the exam whose own day the notice is due by (`due`, the earliest day to act by: actBy, or the last
 * sitting day of one to find any seat for), then the rest. So the notice rides on the step whose day
 * it names: with the OET booked after its last sitting day (Tue 5 Jan) and Step 2 CK after its own
 * (Wed 27 Jan), a notice due 5 Jan rode on Step 2 CK's card, whose row and rungs say 27 Jan.
 */
export function lateExamSteps(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  due: DueDate,
): readonly StepSubject[] {
  let fastest: StepSubject | undefined;
  let dueOn: StepSubject | undefined;
  for (const key of risk.milestones) {
    if (key === "interview") continue;
    if (fastest === undefined && namedAtFastestPace(context, key)) fastest = key;
    if (dueOn === undefined && stepRenderings(dates, stepIndex(key)).due?.at === due.at) dueOn = key;
  }
  if (fastest === undefined && dueOn === undefined) return risk.milestones;
  const first: StepSubject[] = [];
  if (fastest !== undefined) first.push(fastest);
  if (dueOn !== undefined) first.push(dueOn);
  return [...first, ...risk.milestones];
}
