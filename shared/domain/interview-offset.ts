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
