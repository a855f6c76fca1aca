import type { Citation } from "../catalog/citation.ts";
import { basisMark } from "../date-basis.ts";
import { seasonDateSources } from "../seasons/date-words.ts";
import type { SeasonDate } from "../seasons/index.ts";

/** AAMC's ERAS timeline: the authority for ERAS season dates while they are confirmed. */
export const ERAS_TIMELINE_URL =
  "https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/eras-timeline";

/**
 * NRMP's Main Match events page, cited for what its calendar says of a date (late registration closes
 * with the rank order list deadline), never for the date itself: it lists month and day without a
 * year, so a date's own citation is the calendar's (citeSeasonDate).
 */
export const NRMP_EVENTS_URL = "http://www.nrmp.org/residency/main-match-events/";
/** NRMP: SOAP is for eligible unmatched and partially matched applicants, and R3 shows eligibility. */
export const NRMP_SOAP_URL = "https://www.nrmp.org/residency-applicants/soap/";
/** NRMP lets an applicant register "to participate in SOAP only": a rank order list is not required. */
export const NRMP_SOAP_ONLY_URL =
  "https://www.nrmp.org/help/item/how-will-i-know-which-application-service-to-use-if-i-register-to-participate-in-soap-only/";

/**
 * Risk.sources, the one place a risk's provenance goes: its messages are plain sentences with no
 * URL and no "(advice)" label, and every page, URL or basis they rest on is listed here, once, in
 * the order the message relies on it. Each entry reads on its own: an official page's URL (with
 * what it says, when that helps), "secondary: <URL>", "advice: <why>", or a season date's
 * projection rule ("projected: …", see citeSeasonDate).
 */
export function addSource(sources: string[], source: string): void {
  if (source !== "" && !sources.includes(source)) sources.push(source);
}

/** A catalog citation as a Risk.sources entry: advice keeps its "advice: …" reason; secondary is labelled. */
export function citationSource(citation: Pick<Citation, "basis" | "source">): string {
  return citation.basis === "secondary" ? `secondary: ${citation.source}` : citation.source;
}

/**
 * A catalog citation (citationSource) cited for what a step requires, beside a date the message
 * names from a projection rule: an authority's page says that the step is needed, not when
 * (ECFMG's J-1 pages read as the source of "residency starting 1 Jul 2027"). Advice keeps
 * its own "advice: …" reason, which already says what it rests on.
 */
export function requirementSource(citation: Pick<Citation, "basis" | "source">): string {
  const source = citationSource(citation);
  return citation.basis === "advice" ? source : `${source} (what the step requires, not its date)`;
}

/**
 * How a message marks a season date: " (projected)" for a projected date, nothing for a confirmed
 * one. Its provenance goes to `sources` (Risk.sources), once: the date's own citation from the
 * calendar, the projection rule in full (its candidates and their URLs) when projected, the page
 * confirmed.json read it from when confirmed (never a fixed page: NRMP's events page lists month and
 * day without a year), so the message stays a plain sentence and the details are still shown.
 */
export function citeSeasonDate(date: Pick<SeasonDate, "source" | "status">, sources: string[]): string {
  seasonDateSources(sources, date);
  return basisMark(date);
}
