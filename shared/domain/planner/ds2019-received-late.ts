import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { renderDate } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS, J1_CONSULAR_ALLOWANCE_SOURCE } from "./j1-allowances.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { visaDocumentReceived } from "./visa-document-received-late.ts";
import { movedVisaAt, visaLineOf } from "./visa-moved-past-start.ts";

/** The DS-2019 received late, and the J-1 visa's own date it moves the visa past. */
interface Ds2019ReceivedLate {
  received: string;
  /** The visa's own date (the plan's, advice: two weeks before the start, for orientation). */
  visa: DueDate;
  /** Where the visa would come, moved by as many days as the DS-2019 came later than planned. */
  movedAt: number;
}

/**
 * The DS-2019 marked received so much later than the plan's day for it that, with the month this
 * plan allows for the consular interview after it, the J-1 visa would come in the start's last week
 * (visaLineOf's "last week": more than half the two weeks the visa's own date keeps for the trip and
 * orientation gone) though still before the start: a DS-2019 received on 31 May put the visa around
 * 30 Jun for a 1 Jul start abroad, and nothing was said. A day or a week past our own day is no
 * such slip: both allowances are our cautious advice, and one received on 18 May (the plan's day
 * 17 May) alarmed the program for a visa six weeks before the start. The line is the one
 * VISA_STEP_LATE turns at for the DS-2019 still awaited (visaDateAtRiskFrom), so a DS-2019 in hand
 * is never judged later than one still to come. Once the start itself is out of reach,
 * VISA_NOT_READY_FOR_START speaks alone (visaDocumentReceivedLate, "after start" on the same line).
 * Counted as that rule counts a day (movedVisaAt: the received day whole, to its midnight). Null otherwise.
 */
export function ds2019ReceivedLate(context: PlanContext, dates: PlanDates): Ds2019ReceivedLate | null {
  if (context.applicant.visa !== "J-1") return null;
  if (!residencyAhead(context)) return null;
  const given = visaDocumentReceived(context, dates);
  if (given === null || given.document !== "j1_ds2019") return null;
  const movedAt = movedVisaAt(context, given.received, given.planned, given.visa.at);
  if (visaLineOf(context, given.visa.at, movedAt) !== "last week") return null;
  return { received: given.received, visa: given.visa, movedAt };
}

/**
 * DS2019_RECEIVED_LATE (warning): the DS-2019 received late enough to carry the J-1 visa into the
 * start's last week (ds2019ReceivedLate), the start still in reach: the visa's date the plan shows
 * can no longer be met, and the time to travel before orientation is short. What to do is advice (the
 * interview at once, an expedited appointment where the wait is longer, the program told now); the
 * figures are the chain's own (the consular month). Shape: zero or one Risk.
 */
export function ds2019ReceivedLateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const late = ds2019ReceivedLate(context, dates);
  if (late === null) return [];
  const sources: string[] = [];
  const startWords = residencyStartWords(context.calendar.dates.residency_start, sources);
  addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
  addSource(sources, citationSource(VISA_DUE));
  addSource(sources, `advice: what to do now; each post's wait: ${GLOBAL_VISA_WAIT_TIMES_URL}`);
  const moved = dueDay(context, { ...late.visa, at: late.movedAt });
  const planned = dates.due("j1_ds2019");
  const plannedWords = planned === null ? "" : `, ${dueDay(context, planned)}${basisMark(planned)}`;
  return [
    {
      code: "DS2019_RECEIVED_LATE",
      severity: "warning",
      message: `You received your DS-2019 on ${renderDate(late.received)}, later than this plan's day for it${plannedWords}: with the ${J1_CONSULAR_ALLOWANCE_DAYS} days this plan allows for the consular interview after it, your J-1 visa would come around ${moved}, in the last week before residency starts on ${startWords}, where this plan's visa date, ${dueDay(context, late.visa)}${basisMark(late.visa)}, keeps two weeks to travel and be there for orientation. Pay the SEVIS I-901 fee and file the DS-160 today, book the earliest consular interview and, if your consulate's wait is longer than the time left, ask for an expedited appointment with your program's start date; tell your program's GME office now when your visa may come.`,
      milestones: ["visa_j1"],
      sources,
    },
  ];
}

const VISA_DUE = catalogEntry("visa_j1").due;

/**
 * DS2019_RECEIVED_LATE's notice (warning-risk-notice.ts): at once when the late DS-2019 is told, on
 * the visa's card, due by the visa's own date: booking at once and telling the program are worth
 * doing before it.
 */
export const DS2019_RECEIVED_LATE_NOTICE = {
  title:
    "Your DS-2019 came late: book the earliest visa interview today and tell your program when your visa may come",
  asks: (context: PlanContext) => context.applicant.visa === "J-1",
  on: { card: "visa_j1" },
  dueBy: (dates: PlanDates) => dates.due("visa_j1"),
  againDaysBefore: null,
} as const;
