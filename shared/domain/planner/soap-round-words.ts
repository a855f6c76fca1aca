import { DateTime } from "luxon";
import { reminderLadder } from "../catalog/index.ts";
import { projectedMark } from "../seasons/date-words.ts";
import { ET_ZONE, localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { dueDayWord } from "./day-words.ts";
import { etEventBefore } from "./et-event.ts";
import { firstSoapOfferRound } from "./soap-done-before-offers.ts";

/**
 * What SOAP's card says of Tuesday and Wednesday's hours, from the soap-participation ladder's rungs
 * (reminder-ladders.json): programs read applications from Tuesday morning (its
 * `soap-before-offer-rounds` rung, 9:00 AM ET on Tuesday) and the first offer round can open as early
 * as 9:00 AM ET on Wednesday (firstSoapOfferRound; its source, FIRST_ROUND_SOURCE: the earliest
 * hour NRMP has given an offer round; this season's round times are not published, so the text
 * sends the applicant to NRMP's Match Week schedule). Thursday's are soap-last-day.ts's.
 */

/** The rung that announces Tuesday's reading of the applications: its days before SOAP's end and ET hour. */
const READING_RUNG = (() => {
  for (const rung of reminderLadder("soap-participation"))
    if (rung.rung === "soap-before-offer-rounds" && rung.anchor === "deadline" && rung.eventEt !== undefined)
      return { daysBefore: rung.daysBefore, eventEt: rung.eventEt };
  throw new Error("the soap-participation ladder has no soap-before-offer-rounds rung");
})();

/**
 * "programs start reading them at 9:00 AM ET tomorrow, Tue 16 Mar (projected)" before that ET
 * morning, with her own day and hour where they differ ("(Wed 17 Mar, 2:00 AM your time)" in
 * Auckland, where "Tuesday morning" read on her Tuesday was hers, hours early); "have been reading"
 * after it.
 */
export function readingWords(context: PlanContext): string {
  const reading = etEventBefore(
    context.calendar.dates.nrmp_soap_ends.at,
    READING_RUNG.daysBefore,
    READING_RUNG.eventEt,
  );
  if (context.now >= reading) return "programs have been reading them since Tuesday morning";
  const { hour, day, yourTime } = etHourWords(context, reading);
  return `programs start reading them at ${hour} ET ${day}${yourTime}`;
}

/**
 * An ET instant of Match Week as SOAP's words give it: its ET hour ("9:00 AM"), its ET day with
 * her relative word where the days agree ("tomorrow, Wed 17 Mar (projected)", else "on Wed 17 Mar
 * (projected)"), and her own time where the offsets differ (" (3:00 PM your time)", or with her
 * day when it is another: " (Thu 18 Mar, 2:00 AM your time)").
 */
function etHourWords(context: PlanContext, at: number): { hour: string; day: string; yourTime: string } {
  const end = context.calendar.dates.nrmp_soap_ends;
  const et = DateTime.fromMillis(at, { zone: ET_ZONE, locale: "en-US" });
  const local = DateTime.fromMillis(at, { zone: context.zone, locale: "en-US" });
  const sameDay = localDate(context.zone, at) === localDate(ET_ZONE, at);
  const word = sameDay ? dueDayWord(context, at) : "";
  const day = `${word === "" || word === "tonight" ? "on " : `${word}, `}${et.toFormat("ccc d LLL")}${projectedMark(end)}`;
  const yourTime =
    local.offset === et.offset
      ? ""
      : ` (${sameDay ? "" : `${local.toFormat("ccc d LLL")}, `}${local.toFormat("h:mm a")} your time)`;
  return { hour: et.toFormat("h:mm a"), day, yourTime };
}

/**
 * The first offer round's hour, before it: "SOAP's first offer round can open as early as 9:00 AM
 * ET tomorrow, Wed 17 Mar (projected) (3:00 PM your time)"; from it, that the rounds have begun and
 * the remaining ones are ahead. Both send the applicant to NRMP's schedule for this year's times.
 */
export function firstRoundWords(context: PlanContext): string {
  const round = firstSoapOfferRound(context.calendar);
  const { hour, day, yourTime } = etHourWords(context, round);
  const check = "check NRMP's Match Week schedule for this year's round times";
  if (context.now >= round)
    return `SOAP's offer rounds began ${day}, from as early as ${hour} ET: be at R3 for the remaining rounds, with your phone on (${check})`;
  return `SOAP's first offer round can open as early as ${hour} ET ${day}${yourTime}; ${check}, and be at R3 for the offer rounds, with your phone on`;
}
