import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import type { Deadline, Reminder, Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import {
  DAY_MS,
  ET_ZONE,
  fromWall,
  isoInZone,
  isoUtc,
  renderDate,
  startOfLocalDate,
  toWall,
  wallDayStart,
} from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import { applies, type PlanContext, statusAt } from "./context.ts";
import { deadlineDetail } from "./date-math.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { citeSeasonDate } from "./feasibility-risk.ts";
import { slotOnDay } from "./ladders.ts";
import { listAwaitsResultWords } from "./list-awaits-result-words.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { timedReminder } from "./timed-reminder.ts";

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

/** Days until a result is out: the catalog's allowance for the step (advice), else the USMLE one (SCORE_REPORTING_DAYS). */
function reportingDays(entry: CatalogEntry): number {
  return entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
}

/**
 * The wall day (toWall, its midnight) the result of an own date should be out: the date plus the
 * step's reporting allowance, counted in calendar days where the applicant lives (a DST change on
 * the way moves no day). The follow-up is sent at its delivery slot, and SCHEDULED_DATE_PASSED
 * stands from its start (resultDueAt): the risk and the reminder agree (tester s12 issue 15f B3).
 */
function resultDayWall(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): number {
  return wallDayStart(toWall(context.zone, own.due.at)) + reportingDays(entry) * DAY_MS;
}

/** The instant the result of an own date should be out: the start of resultDayWall's day. */
function resultDueAt(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): number {
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
    const due = shapedDueDate({ at, zone: context.zone, status: "applicant", source });
    const detail = Object.freeze(deadlineDetail(context.zone, at, "applicant", source));
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
  { entry: CatalogEntry; id: string; title: string; why: string; made: TimedReminder | undefined }
>();

/** The rung of the follow-up after an own date has passed: it belongs to no ladder, it is sent once. */
export const RESULT_FOLLOW_UP_RUNG = "result-follow-up";

/**
 * Why a result follow-up matters, not what to do (the step's action says that, tester s4 papercut
 * 10): "Until you tell us your USMLE Step 2 CK result, the plan cannot tell whether …".
 */
function followUpWhy(entry: CatalogEntry): string {
  const subject = entry.title.replace(/^(Pass|Complete an?) /, "");
  const result = entry.key === "ecfmg_pathway" ? "decision" : "result";
  const weeks = Math.ceil(reportingDays(entry) / 7);
  const onTrack =
    entry.neededForRanking !== undefined
      ? "it reaches ECFMG and NRMP by the rank order list deadline"
      : "you are on track";
  return `Until you tell us your ${subject} ${result}, the plan cannot tell whether ${onTrack} or you need a new date: ${result}s take about ${weeks} weeks, so yours should be out by now.`;
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
  const expected = slotOnDay(context, resultDayWall(context, entry, own));
  const sendAt = Math.max(expected, catchUpOf(context).catchUp);
  const deadline = hard ?? { at: sendAt, detail: own.detail };
  if (hard !== null && sendAt > hard.at) return null;
  let known = followUps.get(own);
  if (known === undefined || known.entry !== entry) {
    const date = context.entries.get(entry.key)?.date ?? "";
    const textKey = `${entry.key}|${date}`;
    known = {
      entry,
      id: `r-${stableHash(`${RESULT_FOLLOW_UP_RUNG}|${textKey}`)}`,
      title: `${entry.title}: your date (${renderDate(date)}) has passed; tell us the result`,
      why: followUpWhy(entry),
      made: undefined,
    };
    followUps.set(own, known);
  }
  // The follow-up at its own slot is the same for every plan until that slot: kept, not remade.
  const made = known.made;
  if (
    made !== undefined &&
    made.sendAt === sendAt &&
    made.deadline === deadline.at &&
    made.reminder.deadlineDetail === deadline.detail
  )
    return made;
  const reminder: Reminder = {
    id: known.id,
    milestone: entry.key,
    rung: RESULT_FOLLOW_UP_RUNG,
    title: known.title,
    deadline: deadline.detail.at,
    deadlineDetail: deadline.detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: known.why,
  };
  const timed = timedReminder(sendAt, deadline.at, Object.freeze(reminder));
  if (sendAt === expected) known.made = timed;
  return timed;
}

/**
 * The steps programs read on an application while they review it (official: NRMP's requirements):
 * the catalog's results that are reported to programs (`reportingDays`), so a new exam added as data
 * is covered without editing this file.
 */
const REVIEWED_BY_PROGRAMS: ReadonlySet<MilestoneKey> = new Set(
  MILESTONE_CATALOG.filter((entry) => entry.reportingDays !== undefined).map((entry) => entry.key),
);

/**
 * The catalog indices of the steps whose own date is due (`applicantDateIsDue`), in catalog order: a
 * few of the catalog, whose state each plan reads by index (statusAt, entries.at), not by key.
 */
const DATED_STEPS_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.applicantDateIsDue ? [index] : [],
);

/**
 * SCHEDULED_DATE_PASSED: a step scheduled for a date that has passed, with no result recorded
 * once it should be out (the date plus the catalog's reportingDays, advice, cited there).
 * Critical once programs have been reviewing applications for the target Match without it (the
 * season's ERAS review date, cited; until the rank order list deadline), else a warning.
 */
export function scheduledDatePassedRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const passed: { entry: CatalogEntry; date: string }[] = [];
  for (const index of DATED_STEPS_AT) {
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    if (!applies(context, entry)) continue;
    const own = ownDateOf(context, dates, entry, index, statusAt(context, index));
    const date = context.entries.at(index)?.date;
    if (own === null || date === undefined) continue;
    // No risk while the result may still be on its way (the exam day + reportingDays, the day the
    // follow-up is sent): waiting for a score is normal (tester s12 issue 15f B3). The instant it
    // appears is noted, so the cohort's look-ahead re-plans there (B4).
    const dueAt = resultDueAt(context, entry, own);
    if (dueAt <= context.now) passed.push({ entry, date });
    else noteRiskChange(context, dueAt);
  }
  if (passed.length === 0) return null;
  const { calendar, now } = context;
  const reviewDate = calendar.dates.eras_programs_may_review_applications_and_mspe;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const reviewing =
    now > reviewDate.at && now <= rol.at && passed.some(({ entry }) => REVIEWED_BY_PROGRAMS.has(entry.key));
  let texts = passedRiskTexts.get(calendar);
  if (texts === undefined) {
    texts = { single: [new Map(), new Map()], several: new BoundedMemo(4_000) };
    passedRiskTexts.set(calendar, texts);
  }
  // The review date's provenance goes to `sources` (cheap: no rendering), the message is memoised.
  const sources: string[] = [];
  const cited = reviewing ? citeSeasonDate(reviewDate, ERAS_TIMELINE_URL, sources) : "";
  // One step passed (the usual case) is found by its key and the date the input holds, no key text.
  const one = passed.length === 1 ? (passed[0] as { entry: CatalogEntry; date: string }) : undefined;
  let byDate: BoundedMemo<string, string> | undefined;
  let textKey = "";
  let message: string | undefined;
  if (one !== undefined) {
    const byStep = texts.single[reviewing ? 1 : 0];
    byDate = byStep.get(one.entry.key);
    if (byDate === undefined) {
      byDate = new BoundedMemo(4_000);
      byStep.set(one.entry.key, byDate);
    }
    message = byDate.get(one.date);
  } else {
    textKey = reviewing ? "r" : "w";
    for (const { entry, date } of passed) textKey += `|${entry.key}|${date}`;
    message = texts.several.get(textKey);
  }
  if (message === undefined) {
    const said = passed
      .map(({ entry, date }) => `${entry.title}: your date was ${renderDate(date)} and no result is recorded`)
      .join("; ");
    const since = reviewing
      ? ` Programs have been reviewing applications for the ${calendar.matchYear} Match since ${renderDate(isoDay(reviewDate.at))}${cited}, so they are reading yours without it.`
      : "";
    message = `${said}.${since} Tell us the result, or your new date, so the plan and the reminders stay right.`;
    if (one !== undefined) byDate?.keep(one.date, message);
    else texts.several.keep(textKey, message);
  }
  return {
    code: "SCHEDULED_DATE_PASSED",
    severity: reviewing ? "critical" : "warning",
    message: `${message}${listAwaitsResultWords(context, passed, sources)}`,
    milestones: passed.map(({ entry }) => entry.key),
    ...(sources.length > 0 ? { sources } : {}),
  };
}

/**
 * SCHEDULED_DATE_PASSED messages per season calendar, by severity and the steps and dates passed
 * (bounded): rendering the review date in ET and joining the text per plan was about 3% of the
 * planner bench's plan. The message depends on nothing else.
 */
const ERAS_TIMELINE_URL =
  "https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/eras-timeline";

const passedRiskTexts = new WeakMap<
  SeasonCalendar,
  {
    /** One step passed, by severity (warning, critical), then step key, then date: no key text per plan. */
    single: [Map<MilestoneKey, BoundedMemo<string, string>>, Map<MilestoneKey, BoundedMemo<string, string>>];
    /** Several steps passed (rare): by a key text of severity, steps and dates. */
    several: BoundedMemo<string, string>;
  }
>();

/** The ET calendar day of a season instant ("2026-09-24"), as the authorities date it. */
function isoDay(at: number): string {
  return isoInZone(ET_ZONE, at).slice(0, 10);
}
