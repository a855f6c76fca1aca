import { MATCH_DAY_REPORT_TITLE } from "./leading-step.ts";
import type { NextStep } from "./plan.ts";

/** Match Week once NRMP's Monday release has passed and the applicant has not reported it. */
export const MATCH_WEEK_REPORT_TITLE = "Match Week: tell us whether you matched";
/** Match Week once SOAP has ended and no match is reported: what next, either way. */
export const AFTER_SOAP_TITLE = "The Match: tell us your result";
/**
 * Match Day for an applicant in SOAP (or with no certified list, SOAP their only way in): Monday
 * already said "not matched", so Match Day is not where they learn a result; a SOAP offer they
 * accepted is the position. Asked as a question once SOAP has ended: nobody given this title has
 * told us of an accepted offer (SOAP done counts Match Day done), so "tell us the SOAP offer you
 * accepted" presumed one.
 */
export const SOAP_MATCH_DAY_TITLE = "Match Day: tell us whether you accepted a SOAP offer";
/** The same step while SOAP still runs (soapTense 0): no offer may be accepted yet. */
export const SOAP_OFFER_AHEAD_TITLE = "Match Day: tell us once you accept a SOAP offer";

/** A SOAP participant's Match Day title at soapTense `tense` (0 while SOAP runs, then 1 and 2). */
export function soapMatchDayTitle(tense: 0 | 1 | 2): string {
  return tense === 0 ? SOAP_OFFER_AHEAD_TITLE : SOAP_MATCH_DAY_TITLE;
}

/** Match Day's title once the Match is over and we never heard the result (match-over-texts.ts). */
export function neverHeardTitle(matchYear: number): string {
  return `We never heard whether you matched in the ${matchYear} Match`;
}

/**
 * The Match year of a title neverHeardTitle built, undefined for any other title: the one reading
 * of that title, checked against the builder itself, so rewording the title keeps every reader
 * (the console's row, the answer-by label) on it instead of silently matching nothing. Pure.
 */
export function neverHeardMatchYear(title: string): number | undefined {
  const year = /\d{4}/.exec(title)?.[0];
  if (year === undefined) return undefined;
  return title === neverHeardTitle(Number(year)) ? Number(year) : undefined;
}

/** SOAP's title once Match Week has begun, for one who has not told us they take part. */
export const SOAP_PARTICIPATION_TITLE =
  "Take part in SOAP if you did not match (it ends Thursday of Match Week)";
/**
 * SOAP's title for an applicant who cannot match in the Main Match (no certified list past its
 * deadline, or nothing to rank) while SOAP is open to them: SOAP is their chance this season, not a
 * fallback "if you do not match" (soap-chance.ts); before Match Week, then from NRMP's Monday release.
 */
export const SOAP_CHANCE_TITLE = "SOAP: your chance to find a position this season";
export const SOAP_CHANCE_RUNNING_TITLE = `${SOAP_CHANCE_TITLE} (it ends Thursday of Match Week)`;
/** SOAP's title once Match Week has begun, for one who told us "Not matched: I'm in SOAP". */
export const SOAP_TAKING_PART_TITLE = "SOAP: you are taking part";
/** The Monday notice of a SOAP participant (match-week.ts soapApplicationsNotice). */
export const SOAP_APPLICATIONS_TITLE = "SOAP: send your applications through ERAS today";
const SOAP_RUNNING_TITLES: ReadonlySet<string> = new Set([
  SOAP_PARTICIPATION_TITLE,
  SOAP_CHANCE_RUNNING_TITLE,
  SOAP_TAKING_PART_TITLE,
  SOAP_APPLICATIONS_TITLE,
]);

/**
 * Whether a SOAP step or reminder is dated by SOAP's end (from NRMP's Monday release on, keyed on
 * the titles the planner gives that phase, soap-match-week-entry.ts): its date is when SOAP ends,
 * "Ends …", never an event "On" it. Before the release SOAP's date is its start, an event. Pure.
 */
export function datedBySoapEnd(step: { milestone?: string; title?: string }): boolean {
  return step.milestone === "soap" && step.title !== undefined && SOAP_RUNNING_TITLES.has(step.title);
}

const QUESTION_TITLES: ReadonlySet<string> = new Set([
  MATCH_WEEK_REPORT_TITLE,
  AFTER_SOAP_TITLE,
  MATCH_DAY_REPORT_TITLE,
  SOAP_MATCH_DAY_TITLE,
  SOAP_OFFER_AHEAD_TITLE,
]);

/**
 * Whether a Match Week or Match Day step is in its reporting phase, asking what NRMP told the
 * applicant: its date is the last day to answer by, as its reminders say ("Answer by", date-words.ts
 * ANSWER_BY_RUNGS), never an event "On" it (the timeline card
 * and the email's "Your next steps" line still said "On …"). Keyed on the titles the planner gives
 * those phases only (match-week.ts, match-day.ts), as leadsTheList is. Pure.
 */
export function asksMatchOutcome(step: Pick<NextStep, "milestone" | "title">): boolean {
  if (step.milestone !== "match_week" && step.milestone !== "match_day") return false;
  return QUESTION_TITLES.has(step.title) || neverHeardMatchYear(step.title) !== undefined;
}

/**
 * Whether a step is Match Week's question once NRMP has released (MATCH_WEEK_REPORT_TITLE): asked
 * today, its date SOAP's end (date-words.ts MATCH_WEEK_QUESTION_LABEL), never an answer-by day. Pure.
 */
export function asksMatchWeekToday(step: { milestone?: string; title?: string }): boolean {
  return step.milestone === "match_week" && step.title === MATCH_WEEK_REPORT_TITLE;
}
