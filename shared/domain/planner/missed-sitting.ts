import { REBOOK_FOLLOW_UP_RUNG } from "../act-by-day-labels.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, localDate, startOfLocalDate } from "../time.ts";
import {
  AFTER_TARGET_EVERY_DAYS,
  EXAM_BOOKING_DAYS,
  OET_BOOKING_DAYS,
  SCORE_REPORTING_DAYS,
} from "./advice.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { followUps } from "./follow-ups.ts";
import { isRankingSitting, sittingDayEnd, sittingDayOf, sittingDueWords } from "./last-sitting-day.ts";
import type { StepOwnDate } from "./own-date.ts";
import { bookingWindowStart, type RebookAim, rebookPhaseWords, targetFirstWords } from "./rebook-words.ts";
import { type ReminderTarget, remindersFor, type TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { stepRenderings } from "./step-renderings.ts";

/**
 * A ranking exam (Step 1, Step 2 CK, the OET) reported booked for a day that has passed, its result
 * not reported, while its last sitting day is still ahead: if it was not taken, it
 * must be sat by that day, not by the rank order list deadline its card names for the result. That
 * last sitting day (sittingDayDue, from stepRenderings: a whole day in the applicant's zone), else
 * null. Only once the result is overdue (the day plus the catalog's reportingDays, advice), for
 * every exam alike: until then the score is simply not out, and no re-sit is asked. `own` is the
 * step's own date (ownDateOf).
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
  if (!isRankingSitting(entry.key) || !resultOverdue(context, entry, own)) return null;
  const sitting = stepRenderings(dates, index).due;
  return sitting !== null && sitting.at > context.now ? sitting : null;
}

/**
 * Whether a passed own date's result should be out by now (the step's reporting allowance after
 * the day, advice: the result follow-up's "yours should be out by now"). Until then a result not
 * reported is the normal course: the last sitting day is not counted down.
 */
export function resultOverdue(context: PlanContext, entry: CatalogEntry, own: StepOwnDate): boolean {
  const reporting = entry.reportingDays?.days ?? SCORE_REPORTING_DAYS;
  return context.now >= shiftDays(own.due.at, context.zone, reporting);
}

/**
 * " If you did not take it, sit it by Wed 27 Jan 2027 at the latest (projected); book a seat now (a
 * test date usually takes about a week, advice)." for rebookBy's day of the exam `key` (the
 * day is the last to sit, not to book). Within the booking allowance "find any seat you can"; for
 * OET Medicine its sessions (OET_BOOKING_DAYS, advice); on the day itself what is still possible,
 * never "sit it today … book a seat now" (rebookPhaseWords). Before that allowance the step's own
 * `target` (PlanDates' competitive date for it, stepRenderings' target) comes first, the last day
 * beside it: the last day alone read as the day to aim at, months after the date that keeps the
 * application competitive.
 */
export function rebookWords(
  context: PlanContext,
  sitting: DueDate,
  key: string,
  target: DueDate | null,
): string {
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
  const aim = rebookAim(context, sitting, target, phase === 3);
  const slot = phase * 3 + (aim === null ? 0 : aim.passed ? 2 : 1);
  let words = known.words[slot];
  if (words === undefined) {
    const projected = basisMark(sitting);
    const by = sittingDueWords(context, sitting);
    words = ` If you did not take it, ${rebookPhaseWords(context, key, sittingDayOf(sitting), by, projected, phase, aim)}`;
    known.words[slot] = words;
  } else {
    // sittingDueWords' notes, for the cohort's look-ahead.
    noteRiskChange(context, known.dayBefore);
    noteRiskChange(context, known.start);
    noteRiskChange(context, known.end);
  }
  noteRiskChange(context, known.window);
  return words;
}

/**
 * The step's target as a re-sit's words name it before its last day `sitting`: only before the
 * booking allowance (`early`) and when earlier than that day, with whether it has passed (noted, so
 * the plan is made again then). Null otherwise: the last day alone.
 */
function rebookAim(
  context: PlanContext,
  sitting: DueDate,
  target: DueDate | null,
  early: boolean,
): RebookAim | null {
  if (!early || target === null || target.at >= sitting.at) return null;
  noteRiskChange(context, target.at);
  return { day: `${dayBy(context, target.at)}${basisMark(target)}`, passed: target.at < context.now };
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
 * The reminders up to rebookBy's day, appended to `into`: the last-sitting ladder against it, and
 * follow-ups at most AFTER_TARGET_EVERY_DAYS apart from the passed day to that ladder (followUps),
 * so the step is not silent for weeks while a new sitting can still count (ten weeks).
 * The ladder's rungs carry the day they count down to, the last sitting day ("If you did not sit it, sit
 * it by Wed 27 Jan 2027", act-by-day-labels' SIT_BY_RUNGS): a rung sent 14 days before one day that prints another
 * misdates both. The follow-ups ask for the score first, so they carry the step's own deadline,
 * the result's (`result`, as the result follow-up's), the last sitting day a condition in their
 * text: months after a sitting (a plan moved to the next Match), "Sit it by" went to someone who
 * most likely sat it. Their cuts still end where the ladder begins.
 */
export function rebookReminders(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  own: StepOwnDate | null,
  dates: PlanDates,
  result: { detail: Deadline } | null,
  into: TimedReminder[],
): void {
  const sitting = rebookBy(context, entry, index, statusAt(context, index), own, dates);
  if (sitting === null || own === null) return;
  const deadlineDetail = dates.rendered(sitting);
  const early = context.now < bookingWindowStart(entry.key, sittingDayEnd(context.zone, sitting));
  const aim = rebookAim(context, sitting, stepRenderings(dates, index).target, early);
  const { title, why } = textsOf(entry, sitting, deadlineDetail, aim, early);
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
      deadlineDetail: result?.detail ?? deadlineDetail,
      ladder: REBOOK_LADDER,
      everyDays: AFTER_TARGET_EVERY_DAYS,
      rung: REBOOK_FOLLOW_UP_RUNG,
    },
    into,
  );
}

const REBOOK_LADDER = "last-sitting";

/** The last sitting day's ladder target (REBOOK_LADDER). */
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
 * The reminders' title and why, made once per step, rendered day and target words (frozen and
 * shared by plans): the score asked first, the last sitting day as the condition after it ("Has
 * your Step 2 CK score come? Tell us the result"), and before it the step's target (rebookAim), as
 * the card names it.
 */
function textsOf(
  entry: CatalogEntry,
  sitting: DueDate,
  detail: Deadline,
  aim: RebookAim | null,
  early: boolean,
): { title: string; why: string } {
  let known = texts.get(detail);
  if (known === undefined || known.key !== entry.key) {
    known = {
      key: entry.key,
      title: `Has your ${examName(entry)} score come? If so, tell us the result`,
      whys: [],
    };
    texts.set(detail, known);
  }
  const slot = aim === null ? (early ? 0 : 3) : aim.passed ? 2 : 1;
  let why = known.whys[slot];
  if (why === undefined) {
    const projected = basisMark(sitting);
    const first = aim === null ? "" : `${targetFirstWords(aim)}; `;
    // The last sitting day is a day to sit by, not to book by (as the card says). OET's sessions
    // close their bookings about OET_BOOKING_DAYS ahead: "a test date usually takes about a week"
    // was the USMLE's, and within that allowance a seat by the day is a late one if any.
    const book =
      entry.key !== "oet_medicine"
        ? `: book a seat ${aim === null ? "by then" : "now"} (a test date usually takes ${seatLeadWords()}, advice) and`
        : early
          ? `: book the earliest OET session you can (booking usually takes about ${OET_BOOKING_DAYS} days, advice) and`
          : `, and booking for sittings by then has probably closed (sessions usually close about ${OET_BOOKING_DAYS} days ahead, advice): check OET's session calendar now for a late seat, and`;
    why = `If you did not take it, ${first}the last day to sit it for this Match is ${detail.local}${projected}${book} tell us your new date.`;
    known.whys[slot] = why;
  }
  return { title: known.title, why };
}

/** "USMLE Step 2 CK" for "Pass USMLE Step 2 CK": the exam as the question names it. */
export function examName(entry: CatalogEntry): string {
  return entry.title.replace(/^(Pass|Complete an?) /, "");
}

const texts = new WeakMap<Deadline, { key: string; title: string; whys: (string | undefined)[] }>();
