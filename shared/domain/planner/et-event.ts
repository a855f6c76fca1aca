import {
  DAY_MS,
  ET_ZONE,
  fromWall,
  HOUR_MS,
  MINUTE_MS,
  minutesFromClock,
  toWall,
  wallDayStart,
} from "../time.ts";

/**
 * How long before an ET event (a SOAP day's first offer round) its reminder must leave: more than
 * an hour. Advice, not an authority's rule: an email can take minutes to arrive (longer when a
 * receiving server greylists it), and the applicant then needs time to read it, log in to R3 and
 * be at the phone before the round opens; a notice sent at the event arrives after it (tester t9k
 * F5). With one delivery slot a day, a zone whose slot falls within the margin hears the day before.
 */
export const ET_EVENT_MARGIN_MS = HOUR_MS;

/**
 * The instant at `clock` ("HH:MM", US Eastern) on the ET day `daysBefore` days before the ET day of
 * `deadline`: an authority event of a day counted back from an ET deadline (a SOAP day's offer
 * rounds, counted from SOAP's end), so a reminder can be laid before the event itself in any zone.
 */
export function etEventBefore(deadline: number, daysBefore: number, clock: string): number {
  const day = wallDayStart(toWall(ET_ZONE, deadline)) - daysBefore * DAY_MS;
  return fromWall(ET_ZONE, day + minutesFromClock(clock) * MINUTE_MS);
}

/** The last instant a reminder about the ET event at `event` may leave (strictly before event − margin). */
export function etEventSendLimit(event: number): number {
  return event - ET_EVENT_MARGIN_MS - 1;
}
