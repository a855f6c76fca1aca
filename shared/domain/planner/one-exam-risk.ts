import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import { EXAM_BOOKING_DAYS, EXAM_BOOKING_SOURCE } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { plannedDay } from "./earliest-certification.ts";
import { instantOf } from "./instant-of.ts";
import { listed } from "./last-day-words.ts";
import {
  cutOffMark,
  dayText,
  isRankingSitting,
  lastSittingDay,
  lastSittingEnd,
  lastSittingInstant,
  sittingCutOffOf,
} from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { presumedSent } from "./presumed-sent.ts";
import { addSource } from "./risk-sources.ts";

/** The booking week's words, as MATCH_YEAR_LAST_DAY's chain says it (describeTakes). */
const BOOKING_WEEK = `a test date usually takes about ${EXAM_BOOKING_DAYS} days`;

/**
 * The exams MATCH_YEAR_LAST_DAY is about when EXAMS_LATE_FOR_RANKING says the same thing:
 * every step it names is an exam whose result NRMP needs, named by
 * EXAMS_LATE_FOR_RANKING too, and its last day is each one's last sitting day. Null otherwise
 * (another step, or another day such as a Pathway deadline before it: different things).
 */
function sameExams(context: PlanContext, lastDay: Risk, examsLate: Risk): MilestoneKey[] | null {
  if (lastDay.lastWorkingAt === undefined || lastDay.milestones.length === 0) return null;
  // Its instant is a minute (the chain's search), a sitting's a day: the same local day is the same day.
  const day = localDate(context.zone, instantOf(lastDay.lastWorkingAt));
  // A booked OET's chain runs on to a Pathway already in (dated, or presumed sent): nothing to do on it, so
  // the day and the action are the OET's alone. An undated one may be an action.
  const pathway = stepIndex("ecfmg_pathway");
  const oet =
    lastDay.milestones.includes("oet_medicine") &&
    plannedDay(context, "oet_medicine") !== null &&
    (plannedDay(context, "ecfmg_pathway") !== null || presumedSent(context, pathway));
  for (const key of lastDay.milestones) {
    if (oet && key === "ecfmg_pathway") continue;
    if (!examsLate.milestones.includes(key) || !isRankingSitting(key as MilestoneKey)) return null;
    const last = lastSittingInstant(context, sittingCutOffOf(context.calendar, key as MilestoneKey));
    if (localDate(context.zone, last) !== day) return null;
  }
  return lastDay.milestones.filter((key) => key !== "ecfmg_pathway") as MilestoneKey[];
}

/**
 * EXAMS_LATE_FOR_RANKING and MATCH_YEAR_LAST_DAY about the same exams and the same Match (sameExams):
 * the applicant reads each consequence once. EXAMS_LATE_FOR_RANKING
 * stays: it names the exam, what stands in the way, its last sitting day and the action, and turns
 * critical (with a notice) in the exam's last week. It takes what MATCH_YEAR_LAST_DAY said that it
 * did not: the week a test date takes (advice), unless it says so already, and that after that day
 * the plan moves to a later Match; at the higher of the two levels, with both risks' sources.
 * Null when they are about different things (both then stay). Rare: only when both are raised.
 */
export function foldedExamRisk(context: PlanContext, lastDay: Risk, examsLate: Risk): Risk | null {
  const exams = sameExams(context, lastDay, examsLate);
  if (exams === null) return null;
  const exam = exams[0] as MilestoneKey;
  const names = listed(exams.map((key) => catalogEntry(key).advisorName));
  const cutOff = sittingCutOffOf(context.calendar, exam);
  const day = `${dayText(lastSittingDay(cutOff))}${cutOffMark(context.calendar, exam)}`;
  // No booking advice for a sitting already booked, nor twice (the any-seat words say the week).
  const booked = exams.some((key) => plannedDay(context, key) !== null);
  const booking =
    booked || examsLate.message.includes(`about ${EXAM_BOOKING_DAYS} days`)
      ? ""
      : `; ${BOOKING_WEEK}, our advice, so book ${exams.length === 1 ? "your seat" : "your seats"} at least a week before that day`;
  const sources = [...(examsLate.sources ?? [])];
  for (const source of lastDay.sources ?? []) addSource(sources, source);
  if (booking !== "") addSource(sources, EXAM_BOOKING_SOURCE);
  return {
    ...examsLate,
    severity: examsLate.severity === "critical" || lastDay.severity === "critical" ? "critical" : "warning",
    message: `${examsLate.message} After ${day}, on our projection, your ${names} ${exams.length === 1 ? "result" : "results"} would reach ${exam === "oet_medicine" ? "ECFMG after its deadline for a Pathway's supporting documents" : "NRMP after the rank order list deadline"}${laterMove(context, exam)}${booking}.`,
    milestones: examsLate.milestones.slice(),
    sources,
  };
}

/**
 * How the fold ends: ", and your plan moves to a later Match"; while the later candidate's last
 * sitting day for `exam` is ahead (laterCandidateCalendar), the plan keeps the Match until then, so
 * "; if NRMP's 2027 deadline turns out later (…, Wed 3 Mar 2027), a sitting by Tue 12 Jan 2027
 * (our advice) still counts, and only after that day does your plan move to a later Match".
 */
function laterMove(context: PlanContext, exam: MilestoneKey): string {
  const later = laterCandidateCalendar(context.calendar);
  const candidate =
    context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  if (later === null || candidate === undefined) return ", and your plan moves to a later Match";
  const cutOff = sittingCutOffOf(later, exam);
  if (context.now >= lastSittingEnd(context.zone, cutOff)) return ", and your plan moves to a later Match";
  return `; if NRMP's ${context.calendar.matchYear} deadline turns out later (${candidate.said ?? "its later candidate"}, ${renderDate(candidate.date)}), a sitting by ${dayText(lastSittingDay(cutOff))}${cutOffMark(later, exam)} still counts, and only after that day does your plan move to a later Match`;
}
