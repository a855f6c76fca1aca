import { reminderLadder } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { projectedMark, seasonDateSources } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { doneNotCountedYet } from "./dated-before-instant.ts";
import { when } from "./day-words.ts";
import { etEventBefore } from "./et-event.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { NRMP_SOAP_URL } from "./risk-sources.ts";

// SOAP "done" is an accepted SOAP offer, binding as a match, and
// nothing else. NRMP makes SOAP offers only in its offer rounds, so a SOAP done dated before the
// first round of that Match Week, or reported undated before it, is preparation, not a position: the
// plan counts SOAP as not started (its round reminders and the Match Week question stay) and warns.

/**
 * The first SOAP offer round's rung: the soap-participation ladder's (reminder-ladders.json) first
 * offer-round day, counted back from SOAP's end, at its ET hour (9:00 AM ET, the earliest hour NRMP
 * has given a round; this season's round times are not published, so the earliest is planned).
 */
const FIRST_ROUND_RUNG = (() => {
  for (const rung of reminderLadder("soap-participation"))
    if (rung.rung === "soap-offer-round" && rung.anchor === "deadline" && rung.eventEt !== undefined)
      return { daysBefore: rung.daysBefore, eventEt: rung.eventEt };
  throw new Error("the soap-participation ladder has no soap-offer-round rung");
})();

/** Where the first round's day and hour come from (the ladder's rung, reminder-ladders.json). */
export const FIRST_ROUND_SOURCE =
  "advice: SOAP's first offer round planned on the Wednesday of Match Week (the day before SOAP ends) at 9:00 AM ET, the earliest hour NRMP has given an offer round (its SOAP FAQ for applicants, https://studylib.net/doc/18363132/soap-faqs-for-applicants); this season's round times are not published, so the earliest is planned";

/** The first SOAP offer round of the season's Match Week (epoch ms): Wednesday 9:00 AM ET as planned. */
export function firstSoapOfferRound(calendar: SeasonCalendar): number {
  return etEventBefore(
    calendar.dates.nrmp_soap_ends.at,
    FIRST_ROUND_RUNG.daysBefore,
    FIRST_ROUND_RUNG.eventEt,
  );
}

/** A SOAP done that cannot be a position: its date (ISO), or "undated" (reported before the round). */
export type SoapDoneBeforeOffers = string | "undated" | null;

/**
 * In buildContext: whether `soap` is done before the first offer round (firstSoapOfferRound): dated
 * before that round's day in the applicant's zone, dated that day or later or undated while `now` is before the round. Its
 * date or "undated"; null when the done can be an accepted offer (or SOAP is not done), or when the
 * applicant reports Match Day done (`matchDayDone`): that answer, not SOAP's, is their position.
 */
export function soapDoneBeforeOffers(
  soap: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  now: number,
  matchDayDone: boolean,
): SoapDoneBeforeOffers {
  // Match Day reported done tells the position itself: SOAP's done then claims nothing more.
  if (soap?.status !== "done" || matchDayDone) return null;
  const round = firstSoapOfferRound(calendar);
  if (soap.date === undefined) return now < round ? "undated" : null;
  // Dated the round's own day or later, it counts only from the round's hour: before it no offer was made yet.
  return doneNotCountedYet(soap.date, zone, round, now) ? soap.date : null;
}

/**
 * SOAP_DONE_BEFORE_OFFERS (warning): "You marked SOAP done on Mon 15 Mar 2027, but SOAP offers are
 * made from Wed 17 Mar 2027, 9:00 AM ET …". An undated done, or one dated the round's day or later, becomes a position once the round opens:
 * that instant is noted as the plan's change. Null when SOAP's done is not refused.
 */
export function soapDoneBeforeOffersRisk(context: PlanContext): Risk | null {
  const refused = context.soapDoneBeforeOffers;
  if (refused === null) return null;
  const round = firstSoapOfferRound(context.calendar);
  if (refused === "undated" || refused >= localDate(context.zone, round)) noteRiskChange(context, round);
  const end = context.calendar.dates.nrmp_soap_ends;
  const firstOffers = `${when(context, round, true)}${projectedMark(end)}`;
  const marked =
    refused === "undated" ? "You marked SOAP done" : `You marked SOAP done on ${renderDate(refused)}`;
  return {
    code: "SOAP_DONE_BEFORE_OFFERS",
    severity: "warning",
    message: `${marked}, but SOAP offers are made from ${firstOffers} at the earliest (check NRMP's Match Week schedule for this year's round times): SOAP done means you accepted a SOAP offer, so this plan does not count it and keeps your SOAP steps and reminders. If you meant you have prepared, set SOAP back to not started (send your intake form again, or ask your advisor); mark it done only when you accept an offer.`,
    milestones: ["soap"],
    sources: seasonDateSources([NRMP_SOAP_URL, FIRST_ROUND_SOURCE], end),
  };
}
