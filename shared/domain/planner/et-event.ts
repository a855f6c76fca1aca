import {
  DAY_MS,
  deliveryMinute,
  ET_ZONE,
  fromWall,
  HOUR_MS,
  inQuietWindow,
  MINUTE_MS,
  minutesFromClock,
  type QuietMinutes,
  toWall,
  wallDayStart,
} from "../time.ts";

/**
 * How long before an ET event (a SOAP day's first offer round) its reminder must leave: at least an
 * hour. Advice, not an authority's rule: an email can take minutes to arrive (longer when a
 * receiving server greylists it), and the applicant then needs time to read it, log in to R3 and
 * be at the phone before the round opens; a notice sent at the event arrives after it.
 * New York's quiet hours end at 08:00, an hour before a 9:00 AM ET round: that is the morning
 * notice of its SOAP day (a stricter margin moved it a whole day early).
 */
export const ET_EVENT_MARGIN_MS = HOUR_MS;

/**
 * The local clock of the notice the evening before an ET event's day, for a zone with no morning
 * slot before the event (advice): 6:00 PM local is after the previous SOAP day's rounds in the US
 * zones (9:00 PM ET in Los Angeles) and after them too where the event falls in the small hours
 * (Auckland: 1:00 AM ET). Moved out of the quiet hours as a delivery time is.
 */
const EVENING_BEFORE = "18:00";

/** What etEventSlot needs of the plan: the applicant's zone, delivery minute and quiet hours. */
export interface EventSlotContext {
  zone: string;
  deliveryMinute: number;
  quiet: QuietMinutes;
}

/**
 * When the notice of the ET event at `event` goes out: on the morning of the
 * event's own local day when a slot there outside the quiet hours leaves the margin (the delivery
 * slot, else the end of the quiet hours), otherwise the evening before (EVENING_BEFORE), after the
 * previous day's rounds: never a whole day early with the wrong day's words, never after the limit.
 */
export function etEventSlot(context: EventSlotContext, event: number): number {
  const limit = etEventSendLimit(event);
  const eventDay = wallDayStart(toWall(context.zone, event));
  const { quiet } = context;
  for (const minute of [context.deliveryMinute, quiet.end]) {
    const at = fromWall(context.zone, eventDay + minute * MINUTE_MS);
    if (at <= limit && !inQuietWindow(minute, quiet)) return at;
  }
  return fromWall(context.zone, eventDay - DAY_MS + deliveryMinute(EVENING_BEFORE, quiet) * MINUTE_MS);
}

/**
 * The instant at `clock` ("HH:MM", US Eastern) on the ET day `daysBefore` days before the ET day of
 * `deadline`: an authority event of a day counted back from an ET deadline (a SOAP day's offer
 * rounds, counted from SOAP's end), so a reminder can be laid before the event itself in any zone.
 */
export function etEventBefore(deadline: number, daysBefore: number, clock: string): number {
  const day = wallDayStart(toWall(ET_ZONE, deadline)) - daysBefore * DAY_MS;
  return fromWall(ET_ZONE, day + minutesFromClock(clock) * MINUTE_MS);
}

/**
 * How long an ET event (a SOAP day's first offer round, at the rung's eventEt) stays open once it
 * starts: two hours. Official, two NRMP statements: its SOAP FAQ for applicants (older edition,
 * https://studylib.net/doc/18363132/soap-faqs-for-applicants): "Each SOAP round lasts two hours";
 * and, newer, NRMP's "Fourth Offer Round Added to the 2021 SOAP Process" (June 23, 2020,
 * https://www.nrmp.org/soap-fourth-round/): the added round begins at 12:00 p.m. ET on Thursday
 * of Match Week and ends at 2:00 p.m. ET. asOf: those two; looked for a current statement of the
 * rounds' length and times on 2026-12-03 (NRMP's SOAP pages, https://www.nrmp.org/residency-applicants/soap/,
 * and Match Week for schools, https://www.nrmp.org/medical-schools/match-week-for-schools/) and
 * found none newer: the length is kept; the hours NRMP gave then are not the current ones (SOAP
 * then ended 3:00 p.m. ET Thursday, in 2026 at 5:00 p.m., season data). Later rounds of the day
 * are not published for 2027, so a notice is only about that first round, except on SOAP's last
 * day, whose rounds run to its end.
 */
export const ET_EVENT_OPEN_MS = 2 * HOUR_MS;

/** The last instant a reminder about the ET event at `event` may leave (event − margin). */
export function etEventSendLimit(event: number): number {
  return event - ET_EVENT_MARGIN_MS;
}
