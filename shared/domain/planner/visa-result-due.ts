import type { CatalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { ET_ZONE, startOfLocalDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { shapedDueDate } from "./due-date.ts";
import type { StepOwnDate } from "./own-date.ts";
import { markedStartedDay } from "./residency-start-day.ts";
import { visaResultAwaited } from "./visa-result-awaited.ts";

/**
 * The due date of a visa step whose booked consular interview (the J-1 visa, the H-1B stamping) has
 * gone by with no result told: residency's start while it is ahead (visaResultAwaited: the day the
 * visa must be in hand). Once the start has passed too, the step stays dated by what the applicant
 * did, never again by the visa's date (our advice, two weeks before the start), which the booking
 * had already left behind: by the start for an interview before it, by the interview's own day for
 * one on or after it (the booked interview is the step's one date after the start too). So the
 * delayed start's weekly notice, the card and the overdue list say "overdue since" the start or the
 * interview, never "since Wed 16 Jun (our advice)" a fortnight before an interview on 1 July. Null
 * for any other step, and while the interview day lasts.
 */
export function visaResultDue(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  own: StepOwnDate | null,
): DueDate | null {
  if (visaResultAwaited(context, entry, own)) return residencyStartDue(dates.calendar);
  if (own?.passed !== true || !CONSULAR_INTERVIEWS.has(entry.key)) return null;
  const start = dates.calendar.dates.residency_start;
  if (own.due.at <= startOfLocalDate(context.zone, start.date)) return startDayDue(dates.calendar);
  // The interview's day, shown as that day (as its row showed it while ahead), past once it has ended.
  return shapedDueDate({
    at: shiftDays(own.due.at, context.zone, 1),
    zone: context.zone,
    status: "applicant",
    basis: "applicant",
    source: own.due.source,
    asDay: true,
    dayName: undefined,
  });
}

/**
 * The day residency starts as a day to have the visa by once it has passed (visaResultDue): "Thu 1
 * Jul 2027" (its ET day, as residency's start is shown to every applicant), past from the start's
 * instant, as the visa's chase was, and never "by residency's start" once the start is behind
 * (residency-start-day.ts markedStartedDay); the date a delayed start's notice is overdue since,
 * whichever step it rides on (carrierDate). One per season.
 */
export function startDayDue(calendar: SeasonCalendar): DueDate {
  let known = startDays.get(calendar);
  if (known === undefined) {
    const start = calendar.dates.residency_start;
    known = markedStartedDay(
      shapedDueDate({
        at: start.at,
        zone: ET_ZONE,
        status: start.status,
        basis: start.status,
        source: `${start.source}; the day your visa had to be in hand`,
      }),
    );
    startDays.set(calendar, known);
  }
  return known;
}
const startDays = new WeakMap<SeasonCalendar, DueDate>();
