import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, localDate, startOfLocalDate } from "../time.ts";
import { AFTER_TARGET_EVERY_DAYS, EXAM_BOOKING_DAYS, SCORE_REPORTING_DAYS } from "./advice.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { followUps } from "./follow-ups.ts";
import {
  dayText,
  isRankingSitting,
  sittingDayEnd,
  sittingDayOf,
  sittingDueWords,
} from "./last-sitting-day.ts";
import type { StepOwnDate } from "./own-date.ts";
import { bookingWindowStart, rebookPhaseWords } from "./rebook-words.ts";
import { type ReminderTarget, remindersFor, type TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { sittingQuestion } from "./sitting-question.ts";
import { stepRenderings } from "./step-renderings.ts";

/**
 * A ranking exam (Step 1, Step 2 CK, the OET) reported booked for a day that has passed, its result
 * not reported, while its last sitting day is still ahead (tester t9p F10): if it was not taken, it
 * must be sat by that day, not by the rank order list deadline its card names for the result. That
 * last sitting day (sittingDayDue, from stepRenderings: a whole day in the applicant's zone), else
 * null. For a USMLE exam, whether or not the result is overdue yet (tester t9q F3, lead's ruling:
 * a no-show learns it before the day goes); for the OET once it is. `own` is the step's own date
 * (ownDateOf).
 */
export function rebookBy(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  own: StepOwnDate | null,
  dates: PlanDates,
): DueDate | null {
  if (own?.passed !== true || (status !== "scheduled" && status !== "in_progress")) return null;
  if (!isRankingSitting(entry.key)) return null;
  // A USMLE exam NRMP needs (catalog `neededForRanking`) is asked at once; the OET, which sits on
  // fixed dates, only once its result is overdue (t9h issue 9 B4's tests, which stay).
  if (entry.neededForRanking === undefined && !resultOverdue(context, entry, own)) return null;
  const sitting = stepRenderings(dates, index).due;
  return sitting !== null && sitting.at > context.now ? sitting : null;
}

/**
 * Whether a passed own date's result should be out by now (the step's reporting allowance after
 * the day, advice: the result follow-up's "yours should be out by now"). Until then a result not
 * reported is the normal course: the last sitting day is not counted down (tester t9h issue 9 B4).
 */
export function resultOverdue(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): boolean {
  const reporting = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
  return context.now >= shiftDays(own.due.at, context.zone, reporting);
}

/**
 * " If you did not take it, sit it by Wed 27 Jan 2027 at the latest (projected); book a seat now (a
 * test date usually takes about a week, advice)." for rebookBy's day of the exam `key` (t9q F4: the
 * day is the last to sit, not to book). Within the booking allowance "find any seat you can"; for
 * OET Medicine its sessions (OET_BOOKING_DAYS, advice); on the day itself what is still possible,
 * never "sit it today … book a seat now" (rebookPhaseWords, lead's rulings on tester t9s F9).
 */
export function rebookWords(context: PlanContext, sitting: DueDate, key: string): string {
  // Memoised per shared sitting day (stepRenderings') and phase: the card and SCHEDULED_DATE_PASSED
  // both say it, and sittingDueWords' zone arithmetic cost ~1.6 µs a call (planner speed).
  let known = rebookTexts.get(sitting);
  if (known === undefined || known.zone !== context.zone) {
    const start = startOfLocalDate(context.zone, sittingDayOf(sitting));
    const dayBefore = startOfLocalDate(context.zone, localDate(context.zone, start - DAY_MS / 2));
    const end = sittingDayEnd(context.zone, sitting);
    const window = bookingWindowStart(key, end);
    known = { zone: context.zone, dayBefore, start, end, window, words: [] };
    rebookTexts.set(sitting, known);
  }
  const { now } = context;
  const phase =
    now >= known.end ? 0 : now >= known.start ? 1 : now >= known.dayBefore ? 2 : now >= known.window ? 4 : 3;
  let words = known.words[phase];
  if (words === undefined) {
    const projected = sitting.status === "projected" ? " (projected)" : "";
    const by = sittingDueWords(context, sitting);
    words = ` If you did not take it, ${rebookPhaseWords(context, key, sittingDayOf(sitting), by, projected, phase)}`;
    known.words[phase] = words;
  } else {
    // sittingDueWords' notes, for the cohort's look-ahead.
    noteRiskChange(context, known.dayBefore);
    noteRiskChange(context, known.start);
    noteRiskChange(context, known.end);
  }
  noteRiskChange(context, known.window);
  return words;
}

const rebookTexts = new WeakMap<
  DueDate,
  {
    zone: string;
    dayBefore: number;
    start: number;
    end: number;
    window: number;
    words: (string | undefined)[];
  }
>();

/** "about a week" for EXAM_BOOKING_DAYS (advice), else "about N days". */
export function seatLeadWords(): string {
  return EXAM_BOOKING_DAYS === 7 ? "about a week" : `about ${EXAM_BOOKING_DAYS} days`;
}

/**
 * The reminders up to rebookBy's day, appended to `into`: the hard-deadline ladder against it, and
 * follow-ups at most AFTER_TARGET_EVERY_DAYS apart from the passed day to that ladder (followUps),
 * so the step is not silent for weeks while a new sitting can still count (t9p F10: ten weeks).
 */
export function rebookReminders(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  own: StepOwnDate | null,
  dates: PlanDates,
  into: TimedReminder[],
  resultDue: { at: number; detail: Deadline } | null,
): void {
  const sitting = rebookBy(context, entry, index, statusAt(context, index), own, dates);
  if (sitting === null || own === null) return;
  const deadlineDetail = dates.rendered(sitting);
  const { title, why } = textsOf(entry, sitting, deadlineDetail);
  // Not overdue yet: the applicant may well have sat it, so one question (t9q F3), then only the
  // last sitting day's rungs after it, the same rungs (same ids) as below (t9r F9, lead's ruling).
  if (!resultOverdue(context, entry, own)) {
    lastDayRungsAfterQuestion(
      context,
      entry,
      index,
      sitting,
      rebookTarget(entry, sitting, deadlineDetail, title, why),
      resultDue,
      into,
    );
    return;
  }
  remindersFor(context, rebookTarget(entry, sitting, deadlineDetail, title, why), into);
  // One literal in FollowUpSeries' field order, as targetFollowUps writes it: a spread plus three
  // fields gave each plan's series a map of its own, so every store and seriesOf's reads missed
  // their inline caches (~14k instructions a plan in the runtime's IC misses).
  followUps(
    context,
    {
      milestone: entry.key,
      title,
      why,
      passed: own.due.at,
      deadline: sitting.at,
      deadlineDetail,
      ladder: REBOOK_LADDER,
      everyDays: AFTER_TARGET_EVERY_DAYS,
      rung: "rebook-follow-up",
    },
    into,
  );
}

const REBOOK_LADDER = "hard-deadline";

/** The last sitting day's ladder target (REBOOK_LADDER), for both the question and the overdue case. */
function rebookTarget(
  entry: CatalogEntry,
  sitting: DueDate,
  deadlineDetail: Deadline,
  title: string,
  why: string,
): ReminderTarget {
  return {
    milestone: entry.key,
    interviewId: undefined,
    title,
    why,
    ladder: REBOOK_LADDER,
    deadline: sitting.at,
    deadlineDetail,
    countsDownTo: undefined,
    startBy: null,
    notStarted: false,
  };
}

/**
 * The one sitting question (sittingQuestion), then the rungs of the last sitting day's ladder that
 * come after it (3 days and 1 day before; the question stands for the earlier one): an applicant who
 * missed the sitting and let the question go by still hears before the day that decides the Match
 * (tester t9r F9, lead's ruling: the same rungs as when the result is overdue). Appended to `into`.
 */
function lastDayRungsAfterQuestion(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  sitting: DueDate,
  target: ReminderTarget,
  resultDue: { at: number; detail: Deadline } | null,
  into: TimedReminder[],
): void {
  const booked = context.entries.at(index)?.date;
  if (booked === undefined) return;
  const before = into.length;
  sittingQuestion(context, entry, booked, sitting, resultDue, into);
  const question = into.length > before ? into[into.length - 1] : undefined;
  // Strictly after the question: a rung at its very slot would be a second email about the same day.
  remindersFor(context, target, into, question === undefined ? context.now : question.sendAt + 1);
}

/** The reminders' title and why, made once per step and rendered day (frozen and shared by plans). */
function textsOf(entry: CatalogEntry, sitting: DueDate, detail: Deadline): { title: string; why: string } {
  let known = texts.get(detail);
  if (known === undefined || known.key !== entry.key) {
    const projected = sitting.status === "projected" ? " (projected)" : "";
    known = {
      key: entry.key,
      // The last sitting day is a day to sit by, not to book by (t9q F3/F4, as the card says).
      title: `${entry.title}: your date has passed; if you did not take it, sit it by ${dayText(sittingDayOf(sitting))}; book a seat now`,
      why: `The last day to sit it for this Match is ${detail.local}${projected}; tell us your result, or your new date.`,
    };
    texts.set(detail, known);
  }
  return known;
}

const texts = new WeakMap<Deadline, { key: string; title: string; why: string }>();
