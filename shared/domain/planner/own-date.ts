import { BoundedMemo } from "../bounded-memo.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import { stableHash } from "../hash.ts";
import type { Deadline } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import {
  DAY_MS,
  fromWall,
  isoInZone,
  isoUtc,
  renderDate,
  startOfLocalDate,
  toWall,
  wallDayStart,
} from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { deadlineDetail, shiftDays } from "./date-math.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { oetRetakeUnbooked, pathwayReviewFrom } from "./oet-after-documents.ts";
import { plannedDayOvertaken } from "./planned-pathway-day.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";
import { VISA_DECISION_DAYS, visaResultQuestion } from "./visa-result-awaited.ts";

/**
 * The applicant's own date for a step (the exam day booked, the day they plan to submit) beside
 * the authority's deadline, and what an advisor does once it has passed with no result recorded.
 */
export interface StepOwnDate {
  due: DueDate;
  detail: Deadline;
  /** The whole day has gone by (the exam day itself is not passed: the sitting may be under way). */
  passed: boolean;
}

/**
 * Days until a result is out: the catalog's allowance for the step (advice), a consular interview's
 * decision (VISA_DECISION_DAYS: known at the window), else the USMLE one (SCORE_REPORTING_DAYS).
 */
function reportingDays(entry: CatalogEntry): number {
  return (
    entry.reportingDays?.days ??
    (CONSULAR_INTERVIEWS.has(entry.key) ? VISA_DECISION_DAYS : SCORE_REPORTING_DAYS)
  );
}

/**
 * The wall day (toWall, its midnight) the result of an own date should be out: the date plus the
 * step's reporting allowance, counted in calendar days where the applicant lives (a DST change on
 * the way moves no day). The follow-up is sent at its delivery slot, and SCHEDULED_DATE_PASSED
 * stands from its start (resultDueAt): the risk and the reminder agree.
 */
function resultDayWall(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): number {
  // ECFMG reviews a Pathway once the OET result is in too: from the later of the two.
  const from = entry.key === "ecfmg_pathway" ? pathwayReviewFrom(context, own.due.at) : own.due.at;
  return wallDayStart(toWall(context.zone, from)) + reportingDays(entry) * DAY_MS;
}

/** The instant the result of an own date should be out: the start of resultDayWall's day. */
export function resultDueAt(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): number {
  return fromWall(context.zone, resultDayWall(context, entry, own));
}

/**
 * The step's own date while it is scheduled or under way with one (`applicantDateIsDue` steps
 * only), ahead or passed; null otherwise. A date ahead comes from `dates` (shared and frozen); a
 * passed one is rendered here (it anchors nothing).
 */
export function ownDateOf(
  context: PlanContext,
  dates: PlanDates,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
): StepOwnDate | null {
  if (!entry.applicantDateIsDue || (status !== "scheduled" && status !== "in_progress")) return null;
  const given = context.entries.at(index)?.date;
  if (given === undefined) return null;
  const ahead = dates.ownAt(index);
  if (ahead !== null) return { due: ahead, detail: dates.rendered(ahead), passed: false };
  let byDate = passedDates.get(context.zone);
  if (byDate === undefined) byDate = passedDates.keep(context.zone, new BoundedMemo(4_000));
  let known = byDate.get(given);
  if (known === undefined) {
    const at = startOfLocalDate(context.zone, given);
    const source = `your scheduled date ${given}`;
    const due = shapedDueDate({ at, zone: context.zone, status: "applicant", basis: "applicant", source });
    const detail = Object.freeze(deadlineDetail(context.zone, at, "applicant", "applicant", source));
    known = {
      passed: Object.freeze({ due, detail, passed: true }),
      today: Object.freeze({ due, detail, passed: false }),
    };
    byDate.keep(given, known);
  }
  return known.passed.due.at + DAY_MS <= context.now ? known.passed : known.today;
}

/**
 * A date no longer ahead, resolved and rendered once per zone and date, both ways it can read
 * (passed, or today still), shared frozen by every plan (bounded): a copy per call was about 2%
 * of the planner bench's plan, which has Step 2 CK scheduled in the past at every instant. Found
 * by the zone, then the date, both strings the input already holds: a key text built per plan
 * ("Asia/Kolkata|2026-09-10") was hashed afresh on every look-up (1.4 % of the bench's profile).
 */
const passedDates = new BoundedMemo<string, BoundedMemo<string, { passed: StepOwnDate; today: StepOwnDate }>>(
  64,
);
/**
 * A passed date's follow-up id and texts (hashing is the costliest part of a reminder), and the
 * follow-up last made at its own slot, per shared passed date (passedDates: one per zone and date,
 * so the date is the one the step gave) and step. A WeakMap on that frozen object: bounded by
 * passedDates, no key text per plan.
 */
const followUps = new WeakMap<
  StepOwnDate,
  {
    entry: CatalogEntry;
    /** The season the texts name residency's start from (a visa interview's question). */
    calendar: PlanContext["calendar"];
    id: string;
    title: string;
    why: string;
    /** A visa interview's question sent once residency has started (visaResultQuestion `started`). */
    whyStarted: string;
    whyUndated: string;
    made: TimedReminder | undefined;
  }
>();

/** The rung of the follow-up after an own date has passed: it belongs to no ladder, it is sent once. */
export const RESULT_FOLLOW_UP_RUNG = "result-follow-up";

/**
 * Why a result follow-up matters, not what to do (the step's action says that):
 * "Until you tell us your USMLE Step 2 CK result, the plan cannot tell whether …".
 */
function followUpWhy(
  entry: CatalogEntry,
  dated: boolean,
  date: string,
  start: string,
  started = false,
): string {
  const visa = visaResultQuestion(entry, date, start, started);
  if (visa !== null) return visa.why;
  // A Pathway is an application, not an exam: no "result" and no "new date". Past the rank order
  // list deadline (no deadline left, `dated` false) what it is still needed for is the certificate.
  if (entry.key === "ecfmg_pathway")
    return `ECFMG's review takes about ${Math.ceil(reportingDays(entry) / 7)} weeks (advice), so its answer should be out by now. Mark this step done if ECFMG accepted your application, or tell your advisor if ECFMG refused it or asked for more documents: ${dated ? "NRMP needs ECFMG's acceptance by the rank order list deadline" : "ECFMG certifies you only once it accepts your Pathway"}.`;
  const subject = entry.title.replace(/^(Pass|Complete an?) /, "");
  const result = "result";
  const weeks = Math.ceil(reportingDays(entry) / 7);
  const onTrack =
    entry.neededForRanking !== undefined && dated
      ? "it reaches ECFMG and NRMP by the rank order list deadline"
      : "you are on track";
  return `Until you tell us your ${subject} ${result}, the plan cannot tell whether ${onTrack} or you need a new date: ${result}s take about ${weeks} weeks, so yours should be out by now.`;
}

/**
 * A result follow-up's title; a Pathway's is worded for a submission.
 * An exam's asks for the score first, as the day it should be out has come
 * ("Has your Step 2 CK score come? Tell us the result").
 */
function followUpTitle(entry: CatalogEntry, date: string, start: string): string {
  const visa = visaResultQuestion(entry, date, start);
  if (visa !== null) return visa.title;
  if (entry.key === "ecfmg_pathway")
    return `Did ECFMG accept your Pathway application of ${renderDate(date)}? Tell us`;
  return entry.reportingDays !== undefined
    ? `Has your ${entry.title.replace(/^(Pass|Complete an?) /, "")} score come? If so, tell us the result`
    : `${entry.title}: your date (${renderDate(date)}) has passed; tell us the result`;
}

/**
 * The follow-up an advisor sends once a scheduled date has passed with no result recorded: at the
 * delivery slot of the day the result should be out (the date plus the step's reporting allowance,
 * advice), or at the next slot when that day has gone by, so an applicant planned late is asked at
 * once. Its id depends only on the step and the date given (a new date gives a new follow-up; the
 * ledger sends each once). It announces the hard deadline, so it is never sent after it; null then.
 */
export function resultFollowUp(
  context: PlanContext,
  entry: CatalogEntry,
  own: StepOwnDate,
  hard: { at: number; detail: Deadline } | null,
): TimedReminder | null {
  if (!own.passed) return null;
  // A Pathway beside a failing OET not booked again: no acceptance can come, so none is asked for; nor
  // for one only planned on its deadline's day, past that hour: its critical asks whether it went in.
  if (
    entry.key === "ecfmg_pathway" &&
    (oetRetakeUnbooked(context) || plannedDayOvertaken(context, entry.key, own.due.at))
  )
    return null;
  const expected = slotOnDay(context, resultDayWall(context, entry, own));
  const sendAt = Math.max(expected, catchUpOf(context).catchUp);
  // With no deadline left to announce, the date shown is the applicant's own, never "Due" on it.
  const deadline = hard ?? { at: sendAt, detail: own.detail };
  if (hard !== null && sendAt > hard.at) return null;
  let known = followUps.get(own);
  if (known === undefined || known.entry !== entry || known.calendar !== context.calendar) {
    const date = context.entries.get(entry.key)?.date ?? "";
    const start = residencyStartWords(context.calendar.dates.residency_start, []);
    const textKey = `${entry.key}|${date}`;
    known = {
      entry,
      calendar: context.calendar,
      id: `r-${stableHash(`${RESULT_FOLLOW_UP_RUNG}|${textKey}`)}`,
      title: followUpTitle(entry, date, start),
      why: followUpWhy(entry, true, date, start),
      whyStarted: followUpWhy(entry, true, date, start, true),
      whyUndated: followUpWhy(entry, false, date, start),
      made: undefined,
    };
    followUps.set(own, known);
  }
  const countsDownTo = hard === null ? ("own-date" as const) : undefined;
  // The follow-up at its own slot is the same for every plan until that slot: kept, not remade.
  const made = known.made;
  if (
    made !== undefined &&
    made.sendAt === sendAt &&
    made.deadline === deadline.at &&
    made.reminder.deadlineDetail === deadline.detail &&
    made.reminder.countsDownTo === countsDownTo
  )
    return made;
  const reminder = reminderRecord({
    id: known.id,
    milestone: entry.key,
    rung: RESULT_FOLLOW_UP_RUNG,
    title: known.title,
    deadline: deadline.detail.at,
    deadlineDetail: deadline.detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why:
      hard === null
        ? known.whyUndated
        : sendAt >= context.calendar.dates.residency_start.at
          ? known.whyStarted
          : known.why,
    countsDownTo,
  });
  const timed = timedReminder(sendAt, deadline.at, Object.freeze(reminder));
  if (sendAt === expected) known.made = timed;
  return timed;
}

/**
 * The cut-off of a reminder counting down to an own date (`detail`, that day's local midnight) laid
 * at `laid`: on the day itself, the day's end, since the applicant's own date lasts its whole day (a
 * booked visa interview is never overdue on its own day, README "The visa"): a notice laid for that
 * morning is sent then, not dropped as past its deadline by the sender (dueReminders). Otherwise
 * the day's start, as every countdown's (ISO UTC).
 */
export function ownDateCutOff(context: PlanContext, detail: Deadline, laid: number): string {
  const at = Date.parse(detail.at);
  return laid < at ? detail.at : isoUtc(shiftDays(at, context.zone, 1));
}
