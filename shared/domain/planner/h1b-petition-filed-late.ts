import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import {
  GLOBAL_VISA_WAIT_TIMES_URL,
  PETITION_PREMIUM_BUSINESS_DAYS,
  PETITION_PREMIUM_SOURCE,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { applicantDay, dueDay, dueIsoDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { FEDERAL_HOLIDAYS_SOURCE } from "./federal-business-days.ts";
import { changeOfStatus, h1bInUs } from "./h1b-in-us.ts";
import { petitionApprovalDue, plannedApprovalAt } from "./petition-approval.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, requirementSource } from "./risk-sources.ts";
import { statusApprovalLineAt } from "./status-approval-line.ts";
import { lateVisaWords, movedVisaAt, orientationLineAt, visaLineOf } from "./visa-moved-past-start.ts";

// An H-1B petition reported filed is judged by the arithmetic the unfiled one was warned with: each
// day the filing comes after the plan's filing day moves USCIS's premium approval, and the stamping
// after it, a day later. Told "filed later [than the band's last day], your visa would come in the
// start's last week", a program that then filed on 30 Apr heard nothing for three weeks, then "your
// visa's own date still holds". On a change of status no visa follows: the approval is the status,
// and one expected after orientation leaves no room for a request for evidence.

const PETITION = catalogEntry("visa_h1b");
const PETITION_INDEX = stepIndex("visa_h1b");
const STAMPING_INDEX = stepIndex("visa_h1b_stamping");

/** The consular petition reported filed on its day, and the visa that filing brings at the plan's allowances. */
export interface FiledPetitionVisa {
  /** The filing day (ISO), as the applicant gave it. */
  filed: string;
  /** The stamping's own date (the plan's visa date, two weeks before the start: advice). */
  visa: DueDate;
  /** The visa moved by as many days as the filing's approval comes after the plan's approval day. */
  movedAt: number;
  /** The plan's approval day from its own filing day (plannedApprovalAt). */
  plannedApprovalAt: number;
}

/**
 * The H-1B petition in progress with its filing day, on the consular route (not a change of status;
 * in the US with the route untold, the consular route's safer dates, as expectedPastStart keeps
 * them), with the visa its filing brings (moved by as much as the filing's approval comes after the
 * plan's, the one count expectedPastStart makes); null otherwise. The cheapest tests first: it runs for every visa step.
 */
export function filedPetitionVisa(context: PlanContext, dates: PlanDates): FiledPetitionVisa | null {
  if (context.applicant.visa !== "H-1B" || statusAt(context, PETITION_INDEX) !== "in_progress") return null;
  const filed = context.entries.at(PETITION_INDEX)?.date;
  if (filed === undefined || statusAt(context, STAMPING_INDEX) === "waived") return null;
  const visa = dates.due("visa_h1b_stamping");
  // The filing's approval (petitionApprovalDue, kept per dates: this runs for each visa step's
  // reading) ends its day, so the visa moves by it as movedVisaAt moves it by the approval's day.
  const approval = visa === null ? null : petitionApprovalDue(context, dates);
  const planned = approval === null ? null : plannedApprovalAt(dates);
  if (visa === null || approval === null || planned === null) return null;
  return {
    filed: filed.slice(0, 10),
    visa,
    movedAt: visa.at + approval.at - planned,
    plannedApprovalAt: planned,
  };
}

/**
 * The instant a filed consular petition still awaiting USCIS puts the start's margin at risk: the
 * end of the approval day that, approved then, brings the visa past orientationLineAt into the
 * start's last week (the line a DS-2019 received late is judged on, so an approval still to come
 * never reads better than one in hand); no earlier than its own approval day (`planned`: a filing
 * whose approval already brings the visa into that week has no room after it). Null for any other
 * petition (filedPetitionVisa).
 */
export function filedPetitionAtRiskFrom(
  context: PlanContext,
  dates: PlanDates,
  planned: number,
): number | null {
  const filed = filedPetitionVisa(context, dates);
  if (filed === null) return null;
  const room = orientationLineAt(context, filed.visa.at) - filed.visa.at;
  return Math.max(planned, filed.plannedApprovalAt + room);
}

/**
 * The filed consular petition whose filing day already brings the visa after its own date (movedAt
 * past the stamping's date): what VISA_STEP_LATE says in place of "your visa's own date still holds"
 * past the approval's day, while an approval would still bring the visa before the start's last week
 * (filedPetitionAtRiskFrom): the visa its filing brings, and the approval day that keeps that week
 * clear. Null otherwise.
 */
export function filedPastVisaDateWords(context: PlanContext, dates: PlanDates): string | null {
  const filed = filedPetitionVisa(context, dates);
  if (filed === null || filed.movedAt <= filed.visa.at) return null;
  const keepsBy = filed.plannedApprovalAt + orientationLineAt(context, filed.visa.at) - filed.visa.at;
  const visaDay = dueDay(context, { ...filed.visa, at: filed.movedAt });
  return `; filed on ${renderDate(filed.filed)}, after this plan's filing day, it brings your visa around ${visaDay} at the earliest, after this plan's visa date, ${dueDay(context, filed.visa)}${basisMark(filed.visa)}, which keeps two weeks to travel and be there for orientation: approved by about ${applicantDay(context, keepsBy - 1)}, your visa still comes before the start's last week`;
}

/**
 * " USCIS's approval, expected by <day>, is not reported: approved today, … your visa would come around
 * <day>, in the start's last week": what VISA_NOT_READY_FOR_START adds for the filed consular
 * petition past its approval's day, late on its own (among `late`, not `expectedLate`: a filing too
 * late for the start has its own words): the critical's generic words named no visa day where the
 * warning before it had; "" before that day or for another petition.
 */
export function filedApprovalAwaitedWords(
  context: PlanContext,
  late: readonly { key: string }[],
  expectedLate: readonly { key: string }[],
  dates: PlanDates,
): string {
  const petition = late.find((entry) => entry.key === PETITION.key);
  if (petition === undefined || expectedLate.includes(petition)) return "";
  const filed = filedPetitionVisa(context, dates);
  const approval = filed === null ? null : petitionApprovalDue(context, dates);
  if (filed === null || approval === null || approval.at > context.now) return "";
  const today = localDate(context.zone, context.now);
  const visaAt = movedVisaAt(context, today, filed.plannedApprovalAt, filed.visa.at);
  const line = visaLineOf(context, filed.visa.at, visaAt);
  const where =
    line === "after start"
      ? lateVisaWords(context, dueIsoDay(context, { ...filed.visa, at: visaAt }))
      : line === "last week"
        ? "in the last week before residency starts"
        : "after this plan's visa date";
  const consular = h1bInUs(context) ? " (if your program files for consular processing)" : "";
  return ` USCIS's approval of your H-1B petition, expected by ${dueDay(context, approval)}${basisMark(approval)} with premium processing, is not reported: approved today, with the time this plan allows for the stamping after it${consular}, your visa would come around ${dueDay(context, { ...filed.visa, at: visaAt })}, ${where}. Ask your program's immigration office today whether USCIS has asked for evidence and whether it used premium processing, book your stamping interview the day the approval comes, and tell your program's GME office now that your start may be delayed (our advice).`;
}

/**
 * H1B_PETITION_FILED_LATE (warning): the petition reported filed (in progress), residency ahead,
 * USCIS's approval still ahead, on a day that keeps the start with no room left. On the consular
 * route (the stamping not booked: a booked interview is judged on its own day), a filing whose
 * approval brings the visa into the start's last week (visaLineOf "last week"; after the start,
 * VISA_NOT_READY_FOR_START says so the day the filing is told): filed Fri 30 Apr 2027, the visa
 * around Wed 30 Jun. On a change of status (the stamping waived) no visa follows: a filing by the
 * status line (statusApprovalLineAt; after it the start is out of reach) whose approval comes after
 * orientation (the certificate's day, two weeks before the start, our advice): filed Tue 8 Jun, the
 * approval around Wed 30 Jun. Shape: zero or one Risk.
 */
export function h1bPetitionFiledLateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  if (context.applicant.visa !== "H-1B" || statusAt(context, PETITION_INDEX) !== "in_progress") return [];
  const approval = petitionApprovalDue(context, dates);
  const filed = context.entries.at(PETITION_INDEX)?.date;
  if (approval === null || filed === undefined || approval.at <= context.now) return [];
  if (!residencyAhead(context)) return [];
  const message = changeOfStatus(context)
    ? statusFiledLateWords(context, dates, filed.slice(0, 10), approval)
    : consularFiledLateWords(context, dates, approval);
  if (message === null) return [];
  const sources: string[] = [];
  residencyStartWords(context.calendar.dates.residency_start, sources);
  addSource(sources, PETITION_PREMIUM_SOURCE);
  addSource(sources, FEDERAL_HOLIDAYS_SOURCE);
  addSource(sources, PETITION.due.source);
  if (!changeOfStatus(context))
    addSource(sources, `advice: what to do now; each post's wait: ${GLOBAL_VISA_WAIT_TIMES_URL}`);
  addSource(sources, requirementSource(PETITION.why));
  return [
    {
      code: "H1B_PETITION_FILED_LATE",
      severity: "warning",
      message,
      milestones: ["visa_h1b"],
      sources,
    },
  ];
}

/** The consular filing's warning: its approval and the visa in the start's last week; null outside that week. */
function consularFiledLateWords(context: PlanContext, dates: PlanDates, approval: DueDate): string | null {
  const filed = filedPetitionVisa(context, dates);
  const stamping = statusAt(context, STAMPING_INDEX);
  if (filed === null || stamping === "scheduled" || stamping === "done") return null;
  if (stamping === "in_progress" && context.entries.at(STAMPING_INDEX)?.date !== undefined) return null;
  if (visaLineOf(context, filed.visa.at, filed.movedAt) !== "last week") return null;
  const planned = dates.due(PETITION.key);
  const plannedWords =
    planned === null
      ? ""
      : `, after this plan's filing day, ${dueDay(context, planned)}${basisMark(planned)}`;
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  const consular = h1bInUs(context) ? " (if your program files for consular processing)" : "";
  const visaDay = dueDay(context, { ...filed.visa, at: filed.movedAt });
  return `Your program filed your H-1B petition on ${renderDate(filed.filed)}${plannedWords}: with premium processing (${PETITION_PREMIUM_BUSINESS_DAYS} business days), USCIS's approval is expected around ${dueDay(context, approval)}${basisMark(approval)}, and with the time this plan allows for the stamping after it${consular} your visa would come around ${visaDay}, in the last week before residency starts on ${start}, where this plan's visa date, ${dueDay(context, filed.visa)}${basisMark(filed.visa)}, keeps two weeks to travel and be there for orientation. Your start holds only if the approval comes on time: confirm with your program's immigration office that it used premium processing (without it, approval can take months), file the DS-160 now, book the earliest consular interview the day the approval comes (and ask for an expedited appointment if your consulate's wait is longer than the time left), and tell your program's GME office now when your visa may come (our advice).`;
}

/**
 * The change of status filed by its line (statusApprovalLineAt) whose approval comes after
 * orientation (the certificate's day, two weeks before the start: our advice); null otherwise.
 */
function statusFiledLateWords(
  context: PlanContext,
  dates: PlanDates,
  filed: string,
  approval: DueDate,
): string | null {
  const orientation = dates.due("ecfmg_certification");
  if (orientation === null || dueIsoDay(context, approval) <= dueIsoDay(context, orientation)) return null;
  // Filed after the line, the start itself is out of reach (statusFiledTooLate's critical).
  if (dayEnd(context.zone, filed) > statusApprovalLineAt(context)) return null;
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  // Whole calendar days from the approval's day to the start's (ISO days, parsed alike).
  const left = Math.round(
    (Date.parse(context.calendar.dates.residency_start.date) - Date.parse(dueIsoDay(context, approval))) /
      DAY_MS,
  );
  const before = left === 1 ? "the day before residency starts" : `${left} days before residency starts`;
  return `Your program filed your H-1B petition on ${renderDate(filed)}: with premium processing (${PETITION_PREMIUM_BUSINESS_DAYS} business days), USCIS's approval is expected around ${dueDay(context, approval)}${basisMark(approval)}, only ${before} on ${start} and after orientation, which this plan puts by ${dueDay(context, orientation)}${basisMark(orientation)}, two weeks before the start. On a change of status you cannot start work before the approval, and no time is left for a USCIS request for evidence: tell your program's GME office now when the approval is expected and ask whether you can join orientation before it, confirm with its immigration office that it used premium processing (without it, approval can take months), and answer any request for evidence at once (our advice).`;
}

/**
 * H1B_PETITION_FILED_LATE's notice (warning-risk-notice.ts): at once when the filing is told, on the
 * petition's card, due by the approval's expected day: what it asks is worth doing before it.
 */
export const H1B_PETITION_FILED_LATE_NOTICE = {
  title: (context: PlanContext) =>
    changeOfStatus(context)
      ? "Your H-1B approval is expected after orientation: tell your program's GME office now"
      : "Your H-1B petition was filed late: book the earliest visa interview the day the approval comes",
  asks: (context: PlanContext) => context.applicant.visa === "H-1B",
  on: { card: "visa_h1b" },
  dueBy: (dates: PlanDates, context: PlanContext) => petitionApprovalDue(context, dates),
  againDaysBefore: null,
} as const;
