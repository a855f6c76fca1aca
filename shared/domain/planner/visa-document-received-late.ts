import { catalogEntry } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { h1bInUs } from "./h1b-in-us.ts";
import { plannedApprovalAt } from "./petition-approval.ts";
import { visaMovedPastStart } from "./visa-moved-past-start.ts";

/** The document a consular interview needs, received on a day that leaves the interview too little time before the start. */
export interface VisaDocumentReceivedLate {
  /** The document's step: the DS-2019 (J-1), the H-1B petition (its approval, Form I-797). */
  document: "j1_ds2019" | "visa_h1b";
  /** The visa step whose interview needs it: the J-1 visa, the H-1B stamping. */
  visaKey: MilestoneKey;
  /** The day it was received (ISO date), as the applicant gave it. */
  received: string;
  /** The visa's date moved by as many days as the document came later than planned. */
  visa: DueDate;
}

/**
 * The document a consular interview needs marked done (received) on a day later than the plan's day
 * for it by more than the room between the visa's date and residency's start, the interview not yet
 * booked: with the time this plan allows after it for the interview (advice: a month after the
 * DS-2019 for the SEVIS fee, the DS-160 and the interview; after the H-1B approval, the rest of the
 * 60 days it gives the stamping from the filing), the visa would come after the start. The DS-2019
 * is compared with its own day; the H-1B petition, done once approved, with the approval's day this
 * plan expects from its filing day (plannedApprovalAt), on the consular route only (abroad: in the
 * US a change of status may bring the status with the approval itself). The same count as a step
 * expected (scheduled) on that day (visaMovedPastStart), so the same date gets the same verdict once
 * it is real: a DS-2019 received on 10 Jun, six days before the visa's date, was critical as expected
 * and silent as received, and an approval told on 10 Jun, a month after the day planned for it, said
 * nothing until the stamping's date had passed. Once the interview is booked its own day judges it
 * (visaInterviewBookedLate); with the visa done, nothing. Null otherwise.
 */
export function visaDocumentReceivedLate(
  context: PlanContext,
  dates: PlanDates,
): VisaDocumentReceivedLate | null {
  const given = visaDocumentReceived(context, dates);
  if (given === null) return null;
  const moved = visaMovedPastStart(context, given.received, given.planned, given.visa.at);
  return moved === null ? null : { ...given, visa: { ...given.visa, at: moved } };
}

/**
 * The interview's document marked received, with the plan's day for it (`planned`) and the visa's
 * own date (`visa`, unmoved), under visaDocumentReceivedLate's conditions (the interview not booked,
 * the visa not done; the H-1B approval on the consular route only); null otherwise. The one reading
 * of that day for the rules that judge it: past the start (visaDocumentReceivedLate), past the
 * visa's own date only (ds2019-received-late.ts).
 */
export function visaDocumentReceived(
  context: PlanContext,
  dates: PlanDates,
): (VisaDocumentReceivedLate & { planned: number }) | null {
  const given = interviewDocumentReceived(context, dates);
  if (given === null) return null;
  const visa = statusOf(context, given.visaKey);
  if (visa === "done" || visa === "waived" || visa === "scheduled") return null;
  if (visa === "in_progress" && context.entries.get(given.visaKey)?.date !== undefined) return null;
  return given;
}

/**
 * The interview's document marked received, its planned day and the visa's own date, whatever the
 * interview's state (visaDocumentReceived then keeps it only while the interview is not booked). Null
 * unless the document is done on a given day (the H-1B approval on the consular route only) and both dated.
 */
function interviewDocumentReceived(
  context: PlanContext,
  dates: PlanDates,
): (VisaDocumentReceivedLate & { planned: number }) | null {
  const route = ROUTES.get(context.applicant.visa);
  if (route === undefined || statusOf(context, route.document) !== "done") return null;
  if (route.document === "visa_h1b" && h1bInUs(context)) return null;
  const received = context.entries.at(stepIndex(route.document))?.date;
  const planned = route.document === "visa_h1b" ? plannedApprovalAt(dates) : dates.due(route.document)?.at;
  const visaDue = dates.due(route.visaKey);
  if (received === undefined || planned === undefined || planned === null || visaDue === null) return null;
  return { ...route, received: received.slice(0, 10), planned, visa: visaDue };
}

/** Each visa route's interview document and the visa step it is for. */
const ROUTES: ReadonlyMap<string, Pick<VisaDocumentReceivedLate, "document" | "visaKey">> = new Map([
  ["J-1", { document: "j1_ds2019", visaKey: "visa_j1" }],
  ["H-1B", { document: "visa_h1b", visaKey: "visa_h1b_stamping" }],
]);

/**
 * " You received your DS-2019 on Thu 10 Jun 2027: …" (" Your program's H-1B petition was approved
 * on …"): when the visa would come by the chain's allowance and what to do (advice): the earliest
 * interview, an expedited appointment, and the program told now.
 */
export function receivedLateWords(context: PlanContext, late: VisaDocumentReceivedLate): string {
  const visaDay = dueDay(context, late.visa);
  const day = renderDate(late.received);
  return late.document === "visa_h1b"
    ? ` Your program's H-1B petition was approved on ${day}: with the time this plan allows for the visa interview after the approval, your visa would come around ${visaDay}, after residency starts. File the DS-160 today with the approval notice (Form I-797), book the earliest consular interview and ask the consulate for an expedited appointment with your program's start date, and tell your program's GME office now that your start may be delayed (advice).`
    : ` You received your ${catalogEntry("j1_ds2019").advisorName} on ${day}: with the time this plan allows for the consular interview after it, your visa would come around ${visaDay}, after residency starts. Pay the SEVIS I-901 fee and file the DS-160 today, book the earliest consular interview and ask the consulate for an expedited appointment with your program's start date, and tell your program's GME office now that your start may be delayed (advice).`;
}
