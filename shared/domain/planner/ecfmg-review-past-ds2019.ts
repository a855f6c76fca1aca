import { catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import { DAY_MS, localDate, renderDate, startOfLocalDate } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayEnd, shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";
import { plannedDay } from "./earliest-certification.ts";
import {
  dueDayOf,
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_CONSULAR_ALLOWANCE_SOURCE,
  J1_ECFMG_REVIEW_DAYS,
  J1_ECFMG_REVIEW_SHORTEST_DAYS,
  visaDayFrom,
} from "./j1-allowances.ts";
import { lastDayDue, startDay, startLastDay } from "./j1-review-start.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { residencyAhead } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { orientationLineAt } from "./visa-moved-past-start.ts";

/** The J-1 sponsorship done late, as the DS-2019's card, its chase and ECFMG_REVIEW_PAST_DS2019 read it. */
export interface LateEcfmgReview {
  /** The day the sponsorship was done (ISO date), the review's first day. */
  sent: string;
  /** The review's last day (ISO date): done + J1_ECFMG_REVIEW_DAYS, the upper end of ECFMG's 4–6 weeks. */
  reviewEnds: string;
  /** The end of that day in the applicant's zone: before it the DS-2019 is not late. */
  endsAt: number;
}

/**
 * The J-1 sponsorship done (the applicant's part finished) on a day whose ECFMG review may run past
 * the DS-2019's date, with the DS-2019 still to come: ECFMG's queue, not the applicant, then decides
 * when it arrives (README §The visa: "you are not chased over ECFMG's queue"). Null on every other
 * track, with the sponsorship not done or dated inside the plan's time, and with the DS-2019 done,
 * waived or scheduled: a day the applicant gave for it means ECFMG's review is over (its scheduled
 * words then speak). The review's end is the chain's own figure (J1_ECFMG_REVIEW_DAYS), never a new one.
 */
export function lateEcfmgReview(context: PlanContext, dates: PlanDates): LateEcfmgReview | null {
  if (context.applicant.visa !== "J-1") return null;
  const ds2019 = statusOf(context, "j1_ds2019");
  if (isFinished(ds2019) || ds2019 === "scheduled") return null;
  if (statusOf(context, "j1_ecfmg_sponsorship") !== "done") return null;
  const sent = context.entries.at(SPONSORSHIP_AT)?.date;
  const due = dates.due("j1_ds2019");
  if (sent === undefined || due === null) return null;
  const endsAt = shiftDays(startOfLocalDate(context.zone, sent), context.zone, J1_ECFMG_REVIEW_DAYS + 1);
  const reviewEnds = localDate(context.zone, endsAt - 1);
  const planned = localDate(due.zone, due.asDay === true ? due.at - 1 : due.at);
  return reviewEnds <= planned ? null : { sent, reviewEnds, endsAt };
}

/**
 * ECFMG_REVIEW_PAST_DS2019 (warning): the J-1 sponsorship done late (lateEcfmgReview), seen the day
 * it is known rather than only on the DS-2019's card: the DS-2019 may arrive as late as the review's
 * last day, which leaves fewer days before the visa date than the month the plan allows for the
 * consular interview; where even the shorter review puts the visa after its own date (short of the
 * start's last week: reviewPastOrientationLine), that the date is likely missed by so many days. What to do is advice (tell the program's liaison, check the consulate's wait);
 * no processing time is invented: the figures are the chain's own. Until the review's last day; after
 * it, a DS-2019 still missing is late and VISA_NOT_READY_FOR_START says so. Its end is noted for
 * re-planning. Shape: zero or one Risk.
 */
export function ecfmgReviewPastDs2019Risks(context: PlanContext, dates: PlanDates): Risk[] {
  const late = lateEcfmgReview(context, dates);
  if (late === null || !residencyAhead(context)) return [];
  noteRiskChange(context, late.endsAt);
  // Out of reach even on ECFMG's shorter review: VISA_NOT_READY_FOR_START says so, one risk.
  if (j1StartOutOfReach(context, dates) !== null) return [];
  if (context.now >= late.endsAt) return [];
  const visa = dates.due("visa_j1");
  if (visa === null) return [];
  // Even the shorter review brings the visa into the start's last week: VISA_NOT_READY_FOR_START
  // gives the DS-2019's last day for the start (j1SponsorshipLastDay), one risk.
  if (reviewPastOrientationLine(context, late.sent, visa)) return [];
  const visaDay = dueDayOf(visa);
  const left = Math.round((Date.parse(visaDay) - Date.parse(late.reviewEnds)) / DAY_MS);
  // Even ECFMG's shorter review may bring the visa after its own date: said, not left to the reader.
  const earliest = visaDayFrom(late.sent);
  const past = Math.round((Date.parse(earliest) - Date.parse(visaDay)) / DAY_MS);
  const missed =
    past > 0
      ? `: even at the review's shorter end your visa would come around ${renderDate(earliest)}, so your visa date is likely missed by ${past} ${past === 1 ? "day" : "days"}, though your start can still hold`
      : "";
  const sources: string[] = [];
  addSource(sources, citationSource(SPONSORSHIP_DUE));
  addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
  addSource(sources, `advice: what to do now; each post's wait: ${GLOBAL_VISA_WAIT_TIMES_URL}`);
  return [
    {
      code: "ECFMG_REVIEW_PAST_DS2019",
      severity: "warning",
      message: `You completed your J-1 sponsorship application on ${renderDate(late.sent)}, so ECFMG's review (4 to 6 weeks once every document is in) may run to ${renderDate(late.reviewEnds)}: your DS-2019 may arrive as late as that day, leaving ${left} days before your visa date, ${renderDate(visaDay)}, instead of the ${J1_CONSULAR_ALLOWANCE_DAYS} this plan allows for the consular interview${missed}. Tell your program's liaison now, and check your consulate's wait in the State Department's Global Visa Wait Times tool now.`,
      milestones: ["j1_ds2019", "visa_j1"],
      sources,
    },
  ];
}

/**
 * Whether ECFMG's review of a sponsorship complete on `sent`, even at its shorter end, and the
 * consular month after it bring the J-1 visa into the start's last week or later: past
 * orientationLineAt, from the visa's own date (`visa`), the line DS2019_RECEIVED_LATE judges a
 * DS-2019 in hand by. Then the visa's date is lost for good (j1SponsorshipLastDay, critical). Short
 * of it, a file finished a few days after our own cautious date (done 20 Apr: the visa around 17 Jun
 * for a 16 Jun date, two weeks before a 1 Jul start) is ECFMG_REVIEW_PAST_DS2019's warning: it had
 * raised the critical verdict and escalated to the advisor for a one-day slip. Counted in the
 * applicant's days, the visa's day whole to its midnight, as that line counts.
 */
export function reviewPastOrientationLine(context: PlanContext, sent: string, visa: DueDate): boolean {
  const line = orientationLineAt(context, visa.at);
  // Today's day slides once the shorter review has gone by: note the morning its visa crosses the line.
  noteRiskChange(
    context,
    startOfLocalDate(context.zone, shiftIsoDay(localDate(context.zone, line), -J1_CONSULAR_ALLOWANCE_DAYS)),
  );
  return dayEnd(context.zone, awaitedVisaDay(context, sent)) > line;
}

/**
 * The J-1 visa's earliest day (ISO, the applicant's) for a sponsorship file complete on `sent`, the
 * DS-2019 still awaited: ECFMG's shorter review, then the consular month; once that review's end has
 * gone by without the DS-2019, it comes no sooner than today, so the visa no sooner than today plus
 * the consular month (an applicant who did everything on time and waits on ECFMG's queue read "your
 * visa's own date still holds", then "overdue", and never that her start was slipping away). With
 * the interview booked, the day booked speaks (visaInterviewBookedLate), not the month we allow.
 */
export function awaitedVisaDay(context: PlanContext, sent: string): string {
  const reviewEnd = shiftIsoDay(sent, J1_ECFMG_REVIEW_SHORTEST_DAYS);
  const today = localDate(context.zone, context.now);
  if (reviewEnd >= today || plannedDay(context, "visa_j1") !== null) return visaDayFrom(sent);
  return shiftIsoDay(today, J1_CONSULAR_ALLOWANCE_DAYS);
}

/** Whether the shorter review's end has gone by with the DS-2019 still awaited (awaitedVisaDay slides with today). */
export function awaitedPastReview(context: PlanContext, sent: string): boolean {
  return awaitedVisaDay(context, sent) !== visaDayFrom(sent);
}

/**
 * The DS-2019's last day for the start (startLastDay), when the verdict on a sponsorship complete
 * that late (reviewPastOrientationLine) names it and the review may run past it, else null: the
 * DS-2019's one date then, so its row, card and reminders count on the day the critical risk says it
 * must reach the applicant (Mon 31 May for a 1 Jul start), never the review's last day after it (the
 * row read "Tue 8 Jun" beside "must reach you by about Mon 31 May"). With the start out of reach (the
 * visa on its day or after), no day is left for the start: the review's last day stays.
 */
function startLastDayDue(context: PlanContext, dates: PlanDates, late: LateEcfmgReview): DueDate | null {
  const visa = dates.due("visa_j1");
  if (visa === null || !reviewPastOrientationLine(context, late.sent, visa)) return null;
  if (visaDayFrom(late.sent) >= startDay(context)) return null;
  const last = startLastDay(context, "completed");
  return last < late.reviewEnds ? lastDayDue(context, last) : null;
}

const SPONSORSHIP_AT = stepIndex("j1_ecfmg_sponsorship");
const SPONSORSHIP_DUE = catalogEntry("j1_ecfmg_sponsorship").due;

/**
 * The review's last day as a due date (a day, advice, sourced by the sponsorship's due rule, which
 * gives the 4–6 weeks), or null when the sponsorship was not done late: the DS-2019's one date then,
 * on its row, card, notice, reminders and calendar feed (planMilestone), and the certificate's
 * need by it. Before it the DS-2019 is neither overdue nor chased; past it, overdue since it. One object per dates and
 * sponsorship day: PlanDates renders a due date once per object.
 */
export function ecfmgReviewDue(context: PlanContext, dates: PlanDates): DueDate | null {
  const late = lateEcfmgReview(context, dates);
  const planned = dates.due("j1_ds2019");
  if (late === null || planned === null) return null;
  const lastDay = startLastDayDue(context, dates, late);
  if (lastDay !== null) return lastDay;
  let bySent = reviewDues.get(dates);
  if (bySent === undefined) {
    bySent = new Map();
    reviewDues.set(dates, bySent);
  }
  let due = bySent.get(late.sent);
  if (due === undefined) {
    due = shapedDueDate({
      at: late.endsAt,
      zone: context.zone,
      status: planned.status,
      basis: "advice",
      source: SPONSORSHIP_DUE.source,
      asDay: true,
    });
    bySent.set(late.sent, due);
  }
  return due;
}
const reviewDues = new WeakMap<PlanDates, Map<string, DueDate>>();

/**
 * ECFMG_REVIEW_PAST_DS2019's notice (warning-risk-notice.ts): sent at once when the late sponsorship
 * is known, on the DS-2019's card, due by the review's last day: what the warning asks (tell the
 * liaison, check the consulate's wait) is worth doing only before the DS-2019 arrives.
 */
export const ECFMG_REVIEW_NOTICE = {
  title:
    "Your DS-2019 may come as late as {due}, leaving less than the month this plan allows for your visa interview: tell your program's liaison and check your consulate's wait now",
  asks: (context: PlanContext) => context.applicant.visa === "J-1",
  on: { card: "j1_ds2019" },
  dueBy: (dates: PlanDates, context: PlanContext) => ecfmgReviewDue(context, dates),
  againDaysBefore: null,
} as const;
