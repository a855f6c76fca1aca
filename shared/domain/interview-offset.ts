import { DateTime } from "luxon";
import type * as z from "zod/v4/core";

/*
 * An interview's start written with a UTC offset its own time zone does not have at that instant
 * ("2026-11-12T10:00:00-05:00" for America/Chicago, which is -06:00 that day) is either the wrong
 * hour or the wrong zone, and nothing says which: reminders could come an hour off. It is refused.
 */

/**
 * Why `startsAt` (ISO 8601 with an offset, already valid) does not fit `timezone` (an IANA name),
 * or undefined when it does. "Z" states the instant in UTC and claims no local offset, so it fits
 * any zone; a written offset, +00:00 included, must be the zone's offset at that instant (per the
 * tz database through Luxon). A time the clocks skip (02:30 on a spring-forward night) has no
 * offset of its own there and is refused the same way.
 */
export function startsAtOffsetMismatch(startsAt: string, timezone: string): string | undefined {
  const written = /([+-])(\d{2}):(\d{2})$/.exec(startsAt);
  if (written === null) return undefined;
  const [, sign, hours, minutes] = written;
  const writtenMinutes = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const there = DateTime.fromISO(startsAt, { zone: timezone, locale: "en-GB" });
  if (!there.isValid || there.offset === writtenMinutes) return undefined;
  return (
    `${startsAt} is ${sign}${hours}:${minutes} but ${timezone} is ${there.toFormat("ZZ")} on ` +
    `${there.toFormat("d LLL yyyy")}: give the start with ${timezone}'s offset, or correct the interview's time zone`
  );
}

/** Zod refinement for anything carrying an interview's `startsAt` and `timezone`: names `startsAt`. */
export function startsAtMatchesZone(
  interview: { startsAt: string; timezone: string },
  ctx: z.$RefinementCtx,
): void {
  const message = startsAtOffsetMismatch(interview.startsAt, interview.timezone);
  if (message !== undefined) ctx.addIssue({ code: "custom", path: ["startsAt"], message });
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A start written as the program's local date and time, with no offset (the console's
 * datetime-local field), given `timezone`'s offset on that date per the tz database through Luxon:
 * "2027-11-10T09:00" in America/Chicago is "2027-11-10T09:00:00-06:00".
 * Anything else (a start with its offset, not a date-time, an unknown zone) is returned as given,
 * for the schema and startsAtOffsetMismatch to judge. A time the clocks skip there (02:30 on a
 * spring-forward night) has no offset: null. A time they repeat (01:30 on a fall-back night) takes
 * the offset Luxon resolves it to.
 */
export function startsAtInZone(startsAt: string, timezone: string): string | null {
  if (!LOCAL_DATE_TIME.test(startsAt)) return startsAt;
  const there = DateTime.fromISO(startsAt, { zone: timezone });
  if (!there.isValid) return startsAt;
  const typed = startsAt.length === 16 ? `${startsAt}:00` : startsAt;
  if (there.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== typed) return null;
  return there.toISO({ suppressMilliseconds: true });
}

/**
 * An interview's start as the program's local date and time, "2027-10-20T09:00" (the console's
 * datetime-local field, the inverse of startsAtInZone), or null for a start Luxon cannot read.
 */
export function localStartIn(startsAt: string, timezone: string): string | null {
  const there = DateTime.fromISO(startsAt, { zone: timezone });
  return there.isValid ? there.toFormat("yyyy-MM-dd'T'HH:mm") : null;
}
