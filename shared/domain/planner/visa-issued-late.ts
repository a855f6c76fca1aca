import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { DAY_MS, localDate, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import { dayEnd } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { visaLineOf } from "./visa-moved-past-start.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { VISA_STEP_OF } from "./visa-start-words.ts";

// A consular visa reported issued in the start's last week (a J-1 visa stamped on 30 Jun in Kolkata
// for a 1 Jul start) is in hand, but the applicant is still half a world away, after the orientation
// the visa's date (two weeks before the start) kept time for: the day before, the same booking was
// critical ("less than the two weeks … to travel before orientation"), and the stamp reported cleared
// every alarm, with no word of travel or arrival. The alarm ends when she can be there, not when the
// stamp is told: a warning up to residency's start, on visaLineOf's line for every late visa.

const VISA_J1_AT = stepIndex("visa_j1");
const STAMPING_AT = stepIndex("visa_h1b_stamping");

/** What to do with a visa issued that late (advice): the first flight, the program told the arrival day. */
const WHAT_TO_DO =
  "Book the first flight you can, and tell your program's GME office today the day you will arrive, so it can plan your orientation and onboarding around it (our advice).";
const ADVICE_SOURCE =
  "advice: a visa issued in the last week before the start leaves less than the time this plan keeps to travel and be there for orientation; the first flight booked and the program's GME office told the arrival day";

/**
 * VISA_ISSUED_LATE (warning): the track's consular visa (the J-1 visa, the H-1B stamping) done on a
 * day in the start's last week or later (visaLineOf "last week" or "after start", the day counted
 * whole to its midnight; a day not yet come is no visa in hand), matched, residency still ahead
 * where she is. Null at once for every other
 * applicant (the cheapest tests first: the route, the step's status). Shape: zero or one Risk.
 */
export function visaIssuedLateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const key = VISA_STEP_OF[context.applicant.visa];
  if (key === undefined) return [];
  const given = context.entries.at(key === "visa_j1" ? VISA_J1_AT : STAMPING_AT);
  if (given?.status !== "done" || given.date === undefined || !residencyAhead(context)) return [];
  // Issued on a day still to come is no visa in hand (an answer to check, not a late visa); and
  // only once matched, as every visa verdict after the Match.
  if (given.date > localDate(context.zone, context.now) || !visaChainMatched(context)) return [];
  const visa = dates.due(key);
  if (visa === null) return [];
  const line = visaLineOf(context, visa.at, dayEnd(context.zone, given.date));
  if (line !== "last week" && line !== "after start") return [];
  const sources: string[] = [];
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  addSource(sources, citationSource(catalogEntry(key).due));
  addSource(sources, ADVICE_SOURCE);
  const startDay = context.calendar.dates.residency_start.date;
  const left = Math.round(
    (startOfLocalDate(context.zone, startDay) - startOfLocalDate(context.zone, given.date)) / DAY_MS,
  );
  const room =
    left <= 0
      ? "on the day residency starts"
      : `only ${left} ${left === 1 ? "day" : "days"} before residency starts on ${start}`;
  const name = key === "visa_j1" ? "J-1 visa" : "H-1B visa";
  return [
    {
      code: "VISA_ISSUED_LATE",
      severity: "warning",
      message: `Your ${name} was issued on ${renderDate(given.date)}, ${room}, where this plan's visa date, ${dueDay(context, visa)}${basisMark(visa)}, keeps two weeks to travel and be there for orientation: you are likely to arrive after orientation has begun. ${WHAT_TO_DO}`,
      milestones: [key],
      sources,
    },
  ];
}

/**
 * VISA_ISSUED_LATE's notice (warning-risk-notice.ts): at once when the late visa is told, on the
 * visa step's card, due by residency's start: the flight and the program told are worth doing only
 * before it.
 */
export const VISA_ISSUED_LATE_NOTICE = {
  title:
    "Your visa came in the last days before residency starts: book your flight and tell your program your arrival day",
  asks: (context: PlanContext) => VISA_STEP_OF[context.applicant.visa] !== undefined,
  on: { card: (context: PlanContext) => VISA_STEP_OF[context.applicant.visa] },
  dueBy: (dates: PlanDates) => residencyStartDue(dates.calendar),
  againDaysBefore: null,
} as const;
