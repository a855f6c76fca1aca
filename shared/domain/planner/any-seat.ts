import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import {
  bookingDaysOf,
  EXAM_BOOKING_DAYS,
  EXAM_BOOKING_SOURCE,
  OET_BOOKING_DAYS,
  OET_BOOKING_SOURCE,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { interviewingForMatch } from "./interviewing.ts";
import {
  cutOffMark,
  dayText,
  lastSittingDay,
  lastSittingEnd,
  lastSittingInstant,
  lastSittingWords,
  sittingCutOffOf,
} from "./last-sitting-day.ts";
import { oetBookingClosed, oetClosedSentence } from "./oet-booking-day.ts";
import { PATHWAY_DEADLINE_MARK, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { stepRenderings } from "./step-renderings.ts";

/**
 * An exam under way but not booked, whose result must reach NRMP by the rank order list deadline
 * (the USMLE exams) or ECFMG by the Pathway's documents deadline (OET Medicine), once the usual
 * week for a seat (EXAM_BOOKING_DAYS, advice) runs past its last sitting day: the booking allowance
 * alone never writes the season off, as neither OET's preparation nor its booking does
 * (feasibility counts any seat by that day, examAt), so
 * until that day EXAMS_LATE_FOR_RANKING warns critically: find any seat by it. `latestSitting` is
 * the last instant of that day for the applicant (lastSittingInstant: the day, not the cut-off's
 * instant).
 */
export function onlyOnAnySeat(
  context: PlanContext,
  key: MilestoneKey,
  day: number | null,
  latestSitting: number,
): boolean {
  if (day !== null || !underWayExam(context, key)) return false;
  // The OET's own booking allowance (sessions on fixed dates), else the seat week.
  const from = latestSitting - bookingDaysOf(key) * DAY_MS;
  noteRiskChange(context, from);
  return context.now > from && context.now <= latestSitting;
}

/**
 * Whether EXAMS_LATE_FOR_RANKING names `key` as in reach only on any seat (onlyOnAnySeat), for the
 * notice's title, phase and deadline: not booked, and the usual week from now passes its last
 * sitting day (the step's due date, a day: lastSittingInstant).
 */
export function namedOnAnySeat(context: PlanContext, key: MilestoneKey): boolean {
  if (plannedDay(context, key) !== null || !(underWayExam(context, key) || tightExam(context, key)))
    return false;
  return (
    context.now + bookingDaysOf(key) * DAY_MS >
    lastSittingInstant(context, sittingCutOffOf(context.calendar, key))
  );
}

/**
 * A USMLE exam not begun, for an applicant with an interview for the Match: named, it is the tight
 * one (tightStudyWords), critical in its last week as one under way, so its
 * notice asks to book it and is due its last sitting day.
 */
function tightExam(context: PlanContext, key: MilestoneKey): boolean {
  return (
    key !== "ecfmg_pathway" &&
    catalogEntry(key).fastestPreparationDays === undefined &&
    statusOf(context, key) === "not_started" &&
    interviewingForMatch(context)
  );
}

/**
 * An exam NRMP needs, or the OET the Pathway needs (never the Pathway itself), begun and not
 * booked: one reported booked with no date has its seat (bookedUndatedAt), so no seat to find.
 */
function underWayExam(context: PlanContext, key: MilestoneKey): boolean {
  return key !== "ecfmg_pathway" && statusOf(context, key) === "in_progress";
}

/** EXAMS_LATE_FOR_RANKING's words for it (`by`: latestBy's "take it by …"); the source goes to `preparation`. */
export function anySeatWords(
  context: PlanContext,
  subject: string,
  by: string,
  preparation: string[],
): string {
  addSource(preparation, EXAM_BOOKING_SOURCE);
  return `Your ${subject} is not booked, and a test-centre seat usually takes about ${EXAM_BOOKING_DAYS} days to find, our advice, past the last sitting that still counts: the ${context.calendar.matchYear} Match is in reach only if you find any seat you can and ${by}`;
}

/**
 * The OET's words for it: OET Medicine sits on fixed dates, which Matchpath does not have
 * (facts.md lists none), so book the earliest sitting whose result can reach ECFMG by the Pathway's
 * projected deadline for supporting documents, named; the last sitting day that still allows it
 * comes from the OET's result allowance (advice). Sources go to `preparation`.
 */
export function oetAnySeatWords(context: PlanContext, cutOff: number, preparation: string[]): string {
  addSource(preparation, OET_BOOKING_SOURCE);
  // Past OET's booking allowance for a sitting in time: what is left to try, not "book by".
  const end = lastSittingEnd(context.zone, cutOff);
  if (oetBookingClosed(context, end))
    return oetClosedSentence(context, end, cutOffMark(context.calendar, "oet_medicine"));
  const documents = pathwayDocumentsDeadline(context.calendar);
  const reporting = catalogEntry("oet_medicine").reportingDays;
  if (reporting !== undefined) addSource(preparation, citationSource(reporting));
  const deadline =
    documents === null
      ? "its deadline for a Pathway application's supporting documents"
      : `its deadline for a Pathway application's supporting documents, ${dayText(lastSittingDay(documents))}${PATHWAY_DEADLINE_MARK}`;
  return `Your OET Medicine is not booked, and booking a session usually takes about ${OET_BOOKING_DAYS} days, our advice (check OET's session calendar), past the last sitting that still counts: the ${context.calendar.matchYear} Match is in reach only if you book the earliest OET Medicine sitting whose result can reach ECFMG by ${deadline}; OET sits on fixed dates, and with our allowance of ${reporting?.days ?? 0} days for its result (advice) that means a sitting ${lastSittingWords(context, cutOff)}`;
}

/**
 * For EXAMS_LATE_FOR_RANKING naming an exam not booked and in reach only on any seat by its last
 * sitting day (namedOnAnySeat): that day as a day ("Wed 27 Jan 2027" in every
 * zone, no time), due until the applicant's next local day begins; undefined otherwise.
 */
export function lastSittingDue(context: PlanContext, risk: Risk, dates: PlanDates): DueDate | undefined {
  if (risk.code !== "EXAMS_LATE_FOR_RANKING") return undefined;
  for (const key of risk.milestones) {
    if (key === "interview" || !namedOnAnySeat(context, key)) continue;
    // The step's own due date, its last sitting day (sittingDayDue): one date, one rendering.
    const due = stepRenderings(dates, stepIndex(key)).due;
    if (due === null || due.at <= context.now) continue;
    return due;
  }
  return undefined;
}
