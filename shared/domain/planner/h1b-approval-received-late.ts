import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { renderDate } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { visaDocumentReceived } from "./visa-document-received-late.ts";
import { movedVisaAt, visaLineOf } from "./visa-moved-past-start.ts";

const PETITION_INDEX = stepIndex("visa_h1b");
const STAMPING_DUE = catalogEntry("visa_h1b_stamping").due;

/**
 * H1B_APPROVAL_RECEIVED_LATE (warning): the H-1B petition reported approved (done), abroad on the
 * consular route and the stamping not booked (visaDocumentReceived), on a day so much later than the
 * approval this plan expects from its own filing day that, with the time it allows the stamping
 * after it, the visa would come in the start's last week (visaLineOf "last week"; after the start,
 * VISA_NOT_READY_FOR_START says so). The DS-2019's DS2019_RECEIVED_LATE on the H-1B route: an
 * approval still awaited is critical from that line (filedPetitionAtRiskFrom), so one in hand must
 * not read calmer (approved Thu 20 May 2027, the visa around Tue 29 Jun, was silent). Shape: zero or
 * one Risk.
 */
export function h1bApprovalReceivedLateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  if (context.applicant.visa !== "H-1B" || statusAt(context, PETITION_INDEX) !== "done") return [];
  if (!residencyAhead(context)) return [];
  const given = visaDocumentReceived(context, dates);
  if (given === null || given.document !== "visa_h1b") return [];
  const movedAt = movedVisaAt(context, given.received, given.planned, given.visa.at);
  if (visaLineOf(context, given.visa.at, movedAt) !== "last week") return [];
  const sources: string[] = [];
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  addSource(sources, citationSource(STAMPING_DUE));
  addSource(sources, `advice: what to do now; each post's wait: ${GLOBAL_VISA_WAIT_TIMES_URL}`);
  const planned = dueDay(context, { at: given.planned, zone: context.zone, asDay: true });
  const moved = dueDay(context, { ...given.visa, at: movedAt });
  return [
    {
      code: "H1B_APPROVAL_RECEIVED_LATE",
      severity: "warning",
      message: `Your program's H-1B petition was approved on ${renderDate(given.received)}, later than the approval this plan expected from its filing day, ${planned} (our advice): with the time this plan allows for the stamping after it, your visa would come around ${moved}, in the last week before residency starts on ${start}, where this plan's visa date, ${dueDay(context, given.visa)}${basisMark(given.visa)}, keeps two weeks to travel and be there for orientation. File the DS-160 today with the approval notice (Form I-797), book the earliest consular interview and, if your consulate's wait is longer than the time left, ask for an expedited appointment with your program's start date; tell your program's GME office now when your visa may come (our advice).`,
      milestones: ["visa_h1b_stamping"],
      sources,
    },
  ];
}

/**
 * H1B_APPROVAL_RECEIVED_LATE's notice (warning-risk-notice.ts): at once when the late approval is
 * told, on the stamping's card, due by the visa's own date, as DS2019_RECEIVED_LATE's is.
 */
export const H1B_APPROVAL_RECEIVED_LATE_NOTICE = {
  title:
    "Your H-1B approval came late: book the earliest visa interview today and tell your program when your visa may come",
  asks: (context: PlanContext) => context.applicant.visa === "H-1B",
  on: { card: "visa_h1b_stamping" },
  dueBy: (dates: PlanDates) => dates.due("visa_h1b_stamping"),
  againDaysBefore: null,
} as const;
