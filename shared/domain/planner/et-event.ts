import { DAY_MS, ET_ZONE, fromWall, MINUTE_MS, minutesFromClock, toWall, wallDayStart } from "../time.ts";

/**
 * The instant at `clock` ("HH:MM", US Eastern) on the ET day `daysBefore` days before the ET day of
 * `deadline`: an authority event of a day counted back from an ET deadline (a SOAP day's offer
 * rounds, counted from SOAP's end), so a reminder can be laid before the event itself in any zone.
 */
export function etEventBefore(deadline: number, daysBefore: number, clock: string): number {
  const day = wallDayStart(toWall(ET_ZONE, deadline)) - daysBefore * DAY_MS;
  return fromWall(ET_ZONE, day + minutesFromClock(clock) * MINUTE_MS);
}
