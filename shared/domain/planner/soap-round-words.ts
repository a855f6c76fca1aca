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

/** "programs start reading them on Tuesday morning (ET)" before that ET morning, "have been reading" after it. */
export function readingWords(context: PlanContext): string {
  const reading = etEventBefore(
    context.calendar.dates.nrmp_soap_ends.at,
    READING_RUNG.daysBefore,
    READING_RUNG.eventEt,
  );
  return context.now < reading
    ? "programs start reading them on Tuesday morning (ET)"
    : "programs have been reading them since Tuesday morning";
}

/**
 * The first offer round's hour, before it: "SOAP's first offer round can open as early as 9:00 AM
 * ET tomorrow, Wed 17 Mar (projected) (3:00 PM your time)"; from it, that the rounds have begun and
 * the remaining ones are ahead. Both send the applicant to NRMP's schedule for this year's times.
 */
export function firstRoundWords(context: PlanContext): string {
  const end = context.calendar.dates.nrmp_soap_ends;
  const round = firstSoapOfferRound(context.calendar);
  const et = DateTime.fromMillis(round, { zone: ET_ZONE, locale: "en-US" });
  const local = DateTime.fromMillis(round, { zone: context.zone, locale: "en-US" });
  const sameDay = localDate(context.zone, round) === localDate(ET_ZONE, round);
  const word = sameDay ? dueDayWord(context, round) : "";
  const day = `${word === "" || word === "tonight" ? "on " : `${word}, `}${et.toFormat("ccc d LLL")}${projectedMark(end)}`;
  const check = "check NRMP's Match Week schedule for this year's round times";
  if (context.now >= round)
    return `SOAP's offer rounds began ${day}, from as early as ${et.toFormat("h:mm a")} ET: be at R3 for the remaining rounds, with your phone on (${check})`;
  const yourTime =
    local.offset === et.offset
      ? ""
      : ` (${sameDay ? "" : `${local.toFormat("ccc d LLL")}, `}${local.toFormat("h:mm a")} your time)`;
  return `SOAP's first offer round can open as early as ${et.toFormat("h:mm a")} ET ${day}${yourTime}; ${check}, and be at R3 for the offer rounds, with your phone on`;
}
