import { DateTime } from "luxon";
import { offsetMinutes } from "./zone-offsets.ts";

/**
 * An instant in a zone for people, "Wed 25 Feb 2026, 7:30 AM": Luxon's "ccc d LLL yyyy, h:mm a" in
 * en-US, built from the wall reading's UTC fields on the planner's own offsets (zone-offsets.ts).
 * Luxon's rendering made a DateTime, asked Intl for the zone's offset and parsed the format on
 * every call: a plan of interviews never planned before (a new applicant's first plan) spent about
 * a quarter of its time there (planner bench, new interviews), each interview's start and
 * deadlines being instants no plan had rendered. time-vs-luxon.test.ts holds both to one text.
 */
export function renderWall(zone: string, utcMs: number): string {
  let text: string | undefined;
  try {
    text = englishWallText(utcMs + offsetMinutes(zone, utcMs) * MINUTE_MS);
  } catch (error) {
    // A zone the offsets do not know (Luxon's "local", a fixed "UTC+5"; offsetMinutes throws a
    // RangeError): Luxon's own reading. Anything else is a fault, not a zone to fall back on.
    if (!(error instanceof RangeError)) throw error;
    text = undefined;
  }
  return text ?? DateTime.fromMillis(utcMs, { zone, locale: "en-US" }).toFormat(HUMAN_FORMAT);
}

/** Luxon's format tokens for "Wed 25 Feb 2026, 7:30 AM", in English whatever the host's locale. */
const HUMAN_FORMAT = "ccc d LLL yyyy, h:mm a";

const MINUTE_MS = 60_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** One Date kept for the fields (setTime): a new Date per text is garbage larger than the text. */
const scratch = new Date(0);

/**
 * A wall reading (wall milliseconds, see time.ts) in English, or undefined outside the years
 * 1000-9999 (where Luxon's 4-digit year pads or signs) and for no instant at all (NaN): Luxon then.
 */
export function englishWallText(wallMs: number): string | undefined {
  scratch.setTime(wallMs);
  const year = scratch.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const hour = scratch.getUTCHours();
  const minute = scratch.getUTCMinutes();
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${minute < 10 ? "0" : ""}${minute} ${hour < 12 ? "AM" : "PM"}`;
  return `${WEEKDAYS[scratch.getUTCDay()]} ${scratch.getUTCDate()} ${MONTHS[scratch.getUTCMonth()]} ${year}, ${clock}`;
}
