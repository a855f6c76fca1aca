import { basisMark } from "../date-basis.ts";
import { renderDate, renderEt } from "../time.ts";
import type { SeasonDate } from "./index.ts";

/**
 * How a text names a season date: with " (projected)" when the date is a projection, never bare
 * (DESIGN.md decision 1, "emails say when a date is projected"; the Match-outcome
 * texts printed the projected 2027 NRMP dates bare). The one rule, so a message does not decide it.
 */

/** The mark a season date carries in a text: " (projected)", or nothing for a confirmed date. */
export function projectedMark(date: Pick<SeasonDate, "status">): string {
  return basisMark(date);
}

/** The instant in ET with its mark: "Thu 18 Mar 2027, 5:00 PM ET (projected)". */
export function seasonInstantEt(date: SeasonDate): string {
  return `${renderEt(date.at)}${projectedMark(date)}`;
}

/** The ET day with its mark: "Wed 24 Feb 2027 (ET, projected)", "Wed 25 Feb 2026 (ET)". */
export function seasonDayEt(date: SeasonDate): string {
  return `${renderDate(date.date)}${etMark(date)}`;
}

/** The mark after a day named in ET: " (ET, projected)", or " (ET)" for a confirmed date. */
export function etMark(date: Pick<SeasonDate, "status">): string {
  return ` (ET${basisMark(date, "comma")})`;
}

/** A day-only date (residency's start) with its mark: "Thu 1 Jul 2027 (projected)". */
export function seasonDay(date: SeasonDate): string {
  return `${renderDate(date.date)}${projectedMark(date)}`;
}

/**
 * Adds to a risk's `sources` the calendar's own citation of each season date its message names,
 * once each: the projection rule of a projected date (the message says "(projected)", the sources
 * say by which rule), the page confirmed.json read a confirmed date from (never a fixed page: NRMP's
 * events page lists month and day without a year). Returns `sources`.
 */
export function seasonDateSources(
  sources: string[],
  ...dates: readonly Pick<SeasonDate, "source">[]
): string[] {
  for (const date of dates) if (!sources.includes(date.source)) sources.push(date.source);
  return sources;
}

/**
 * Residency's start as a post-Match message names it (a message about a projected date cites
 * the projection rule, not the authority's page as if the date were confirmed): "Thu 1 Jul 2027
 * (NRMP's start date; most programs start then, check yours)", or "Wed 1 Jul 2026" once
 * confirmed. The projection rule goes to `sources` (seasonDateSources), so the date's provenance is
 * the rule, whatever page the message's requirement cites.
 */
export function residencyStartWords(start: SeasonDate, sources: string[]): string {
  seasonDateSources(sources, start);
  const day = renderDate(start.date);
  if (start.status !== "projected") return day;
  // NRMP's rule sets the day every Match year (applicants must be able to enter GME on July 1 of
  // the Match year, the fact sheet's official row, nrmp.org's applicant toolkit): "projected"
  // undersold it; only a program's own start may differ.
  return `${day} (NRMP's start date; most programs start then, check yours)`;
}
