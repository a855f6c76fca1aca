import { DateTime } from "luxon";
import { renderInZone } from "#domain/time.ts";

/** A calendar date ("YYYY-MM-DD") for people: "Thu 20 Aug 2026", in English whatever the host's locale. */
export function humanDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: "UTC", locale: "en-US" });
  return date.isValid ? date.toFormat("ccc d LLL yyyy") : isoDate;
}

/** An instant for people, in the applicant's zone: "Thu 6 Aug 2026, 9:00 AM GMT+5:30". */
export function humanInstant(zone: string, isoInstant: string): string {
  return renderInZone(zone, Date.parse(isoInstant));
}
