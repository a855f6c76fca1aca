import { DateTime } from "luxon";
import { reminderLadder } from "../catalog/index.ts";
import { etMark, projectedMark } from "../seasons/date-words.ts";
import { DAY_MS, ET_ZONE, localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { etEventBefore, etEventSlot } from "./et-event.ts";

/**
 * SOAP's last day (Thursday, ET) in the applicant's words (C: "today is SOAP's
 * last day, with the offer rounds under way" reached Los Angeles on Wednesday evening and Auckland
 * nine hours before the first round: "today" and "under way" were ET's). The day is named, "today"
 * and "tomorrow" are the applicant's, and the first round's hour is given in ET and in their zone.
 * The hour is the earliest NRMP has opened a SOAP day's offers with (reminder-ladders.json, the
 * `soap-participation` ladder's last rung): the 2027 round times are not published, so the text
 * says "as early as" and sends the applicant to NRMP's schedule. Same sources as match-week.ts.
 */

/** The last SOAP rung: the one laid against SOAP's last day itself (daysBefore 0) and its ET hour. */
const LAST_RUNG = (() => {
  for (const rung of reminderLadder("soap-participation"))
    if (rung.anchor === "deadline" && rung.daysBefore === 0 && rung.eventEt !== undefined) return rung;
  throw new Error("the soap-participation ladder has no rung for SOAP's last day");
})();

/** SOAP's last day's first offer round (the ET instant its rung announces), for SOAP's end `soapEnd`. */
export function lastDayFirstRound(soapEnd: number): number {
  return etEventBefore(soapEnd, 0, LAST_RUNG.eventEt as string);
}

/**
 * When SOAP's text turns to its last day: at the start of that ET day, or earlier when the
 * applicant's notice of it goes out earlier (the evening before, et-event.ts etEventSlot), so that
 * notice carries the last day's text.
 */
export function lastDayTextFrom(context: PlanContext, soapEnd: number, etDayStart: number): number {
  return Math.min(etDayStart, etEventSlot(context, lastDayFirstRound(soapEnd)));
}

const LAST_DAY_REST =
  "Each offer must be accepted or rejected in R3 within its round, or it expires and that program makes you no other offer; an offer you accept is binding. Programs have been reading applications since Tuesday morning and are now making their offers, so an application sent now is unlikely to lead to an offer; once the last round is over there is nothing left to send or answer. Mark SOAP done when you accept a SOAP offer";

/**
 * SOAP's in-progress text on its last day, as read at `context.now` in the applicant's zone; for
 * one who has not told us they take part (`participant` false), the same without "You are in SOAP"
 * and without "still taking part: in progress" (their button is "Not matched: I'm in SOAP"). The day
 * is the applicant's own when its first round falls on another local day than in ET
 * (Auckland read "Thu 18 Mar (ET) is SOAP's last day" for rounds on its Friday), with the ET day
 * beside it; a projected SOAP end marks the day "(projected)" (seasons/date-words.ts).
 */
export function soapLastDayText(context: PlanContext, soapEnd: number, participant = true): string {
  const text = lastDayText(context, soapEnd);
  return participant
    ? `You are in SOAP, and ${text}; still taking part: in progress.`
    : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function lastDayText(context: PlanContext, soapEnd: number): string {
  const end = context.calendar.dates.nrmp_soap_ends;
  const mark = projectedMark(end);
  const round = lastDayFirstRound(soapEnd);
  const etDay = DateTime.fromMillis(round, { zone: ET_ZONE, locale: "en-US" });
  const dayName = etDay.toFormat("ccc d LLL");
  const local = DateTime.fromMillis(round, { zone: context.zone, locale: "en-US" });
  const localName = local.toFormat("ccc d LLL");
  const today = localDate(context.zone, context.now);
  const tomorrow = localDate(context.zone, context.now + DAY_MS);
  const roundLocalDate = localDate(context.zone, round);
  const etDate = localDate(ET_ZONE, round);
  const relative = (date: string): string | undefined =>
    date === today ? "today" : date === tomorrow ? "tomorrow" : undefined;
  const localDay = relative(roundLocalDate);
  const ownDay =
    roundLocalDate === etDate ? "" : `${localDay === undefined ? "" : `${localDay}, `}${localName}${mark}`;
  if (context.now >= round)
    return `SOAP's last day, ${ownDay === "" ? `${dayName}${etMark(end)}` : `${ownDay} for you (${dayName} in ET)`}, is under way, its offer rounds opening from as early as ${etDay.toFormat("h:mm a")} ET: be at R3 for the remaining rounds, with your phone on (check NRMP's Match Week schedule for this year's round times). ${LAST_DAY_REST}`;
  const etRelative = etDate === roundLocalDate ? relative(etDate) : undefined;
  const lead =
    ownDay !== ""
      ? `${ownDay} is SOAP's last day for you (${dayName} in ET)`
      : etRelative === undefined
        ? `${dayName}${etMark(end)} is SOAP's last day`
        : `${etRelative}, ${dayName}${mark}, is SOAP's last day`;
  const etHour = `${etDay.toFormat("h:mm a")} ET`;
  const yourTime =
    context.zone === ET_ZONE || local.offset === etDay.offset
      ? ""
      : ` (${local.toFormat("h:mm a")} your time)`;
  return `${lead}: its first offer round can open as early as ${etHour}${yourTime}; check NRMP's Match Week schedule for this year's round times, and be at R3 for the remaining rounds, with your phone on. ${LAST_DAY_REST}`;
}
