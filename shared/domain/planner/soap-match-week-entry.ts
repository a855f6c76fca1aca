import { BoundedMemo } from "../bounded-memo.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { SOAP_PARTICIPATION_TITLE, SOAP_TAKING_PART_TITLE } from "../match-outcome-question.ts";
import { DAY_MS, ET_ZONE, fromWall, localDate, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { statusOf } from "./context.ts";
import { matchWeekSoapConflict, soapConflictEntry } from "./match-week-soap-conflict.ts";
import { IF_UNMATCHED_CLOSING, IF_UNMATCHED_OPENING } from "./no-list-soap-words.ts";
import { SOAP_CAP } from "./soap-cap-words.ts";
import { lastDayTextFrom, soapLastDayText } from "./soap-last-day.ts";
import { firstRoundWords, readingWords } from "./soap-round-words.ts";

/**
 * SOAP's card on each day of Match Week, by the applicant's answer and the day: the words of one
 * who has not answered (how to take part if not matched) and of a participant (in progress), each
 * on Monday, from Tuesday (ET) on, and on SOAP's last day (soap-last-day.ts): each email is read on
 * its own day, so each speaks in that day's tense.
 */

/**
 * SOAP for an applicant who has not told us Monday's result: how to take part if unmatched, in the
 * tense of the day (`send`), and its own button for one who does not (else a matched applicant
 * taps Done, "I did SOAP"). Whether they matched is Match Week's question (its step and follow-up
 * ask it, with "Matched" and "Not matched: I'm in SOAP"), not SOAP's.
 */
const ifUnmatched = (send: string, rest: string): string =>
  `${IF_UNMATCHED_OPENING} ${send}${rest === "" ? "" : ` ${rest}`} ${IF_UNMATCHED_CLOSING}`;
const ROUNDS = `Then be at R3 for the offer rounds (check NRMP's Match Week schedule for the round times): each offer must be accepted or rejected within its round, or it expires. Mark SOAP done when you accept a SOAP offer.`;
/** Monday's for one not answered, with when programs start reading (readingWords: her hour too). */
const ifUnmatchedMonday = (reading: string): string =>
  ifUnmatched(
    `Send your applications through ERAS as soon as ERAS opens for SOAP to programs on the List of Unfilled Programs (${SOAP_CAP}): ${reading}.`,
    ROUNDS,
  );
/** The catalog's words for when programs start reading, which Monday's texts give as readingWords does. */
const CATALOG_READING = "programs start reading them Tuesday morning";
/**
 * From Tuesday (ET) on, for one not answered: send now, whether programs are reading yet
 * (readingWords: before 9:00 AM ET Tuesday they are not), and the first offer round's hour or that
 * the rounds have begun (firstRoundWords), from the season's soap-participation rungs.
 */
const ifUnmatchedFromTuesday = (reading: string, rounds: string): string =>
  ifUnmatched(
    `Send your applications through ERAS now to programs on the List of Unfilled Programs (${SOAP_CAP}): ${reading}.`,
    `${rounds}. Each offer must be accepted or rejected within its round, or it expires. Mark SOAP done when you accept a SOAP offer.`,
  );

/**
 * Why SOAP matters once it has begun: its days, its timed offer rounds, not the preparation before
 * Monday ("answer offers before SOAP ends" lets an offer expire). NRMP: positions are
 * offered "through a series of offer rounds during Match Week" (https://www.nrmp.org/residency-applicants/soap/);
 * NRMP's SOAP FAQ for applicants (older edition, https://studylib.net/doc/18363132/soap-faqs-for-applicants):
 * "Each SOAP round lasts two hours, during which applicants can accept or reject any offers they
 * receive", as NRMP's newer notice of the fourth round still has it (12:00 to 2:00 p.m. ET, June
 * 2020, https://www.nrmp.org/soap-fourth-round/; no newer statement found on 2026-12-03, see
 * ET_EVENT_OPEN_MS in et-event.ts); the 45 applications: SOAP_CAP (soap-cap-words.ts). The 2027
 * round times are not published: the text sends the applicant to NRMP's Match Week schedule.
 */
const SOAP_PARTICIPATION_WHY: CatalogEntry["why"] = Object.freeze({
  text: "SOAP runs from Monday to Thursday of Match Week: unmatched and partially matched applicants apply through ERAS to programs on the List of Unfilled Programs, and programs make offers in R3 in timed rounds; an offer not accepted or rejected within its round expires, and an offer accepted is a binding commitment, as a match is.",
  basis: "official",
  source: "https://www.nrmp.org/residency-applicants/soap/",
});

/**
 * A SOAP participant's text from Tuesday (ET) on: the applications are out, or go out now if not
 * yet; the offer rounds are what is ahead, with the first one's hour. Same sources as SOAP_PARTICIPATION_WHY.
 */
const inProgressFromTuesday = (reading: string, rounds: string): string =>
  `You are in SOAP. If you have not sent your applications yet, send them through ERAS now to programs on the List of Unfilled Programs in R3 (${SOAP_CAP}: send them now): ${reading}. ${rounds}. Each offer must be accepted or rejected in R3 within its round, or it expires and that program makes you no other offer. An offer you accept is binding: mark SOAP done when you accept a SOAP offer; still taking part: in progress.`;

const phaseEntries = new WeakMap<CatalogEntry, CatalogEntry>();
const dayEntries = new WeakMap<CatalogEntry, BoundedMemo<string, CatalogEntry>>();

/**
 * SOAP's entry in Match Week at `context.now` (from NRMP's Monday release until SOAP's end
 * `soapEnd`): conditional words beside Match Week done (soapConflictEntry), else the last day's,
 * Tuesday's or Monday's, for one not answered and for a participant alike.
 */
export function soapMatchWeekEntry(context: PlanContext, entry: CatalogEntry, soapEnd: number): CatalogEntry {
  if (matchWeekSoapConflict(context)) return soapConflictEntry(phaseEntry(entry));
  const phased = dayEntry(context, entry, soapEnd);
  return statusOf(context, "soap") === "in_progress" ? takingPart(phased) : phased;
}

const takingPartEntries = new WeakMap<CatalogEntry, CatalogEntry>();
/** A day's entry titled for one who told us they take part ("Take part … if you did not match" is theirs no longer). */
function takingPart(phased: CatalogEntry): CatalogEntry {
  let titled = takingPartEntries.get(phased);
  if (titled === undefined) {
    titled = Object.freeze({ ...phased, title: SOAP_TAKING_PART_TITLE }) as CatalogEntry;
    takingPartEntries.set(phased, titled);
  }
  return titled;
}

/** SOAP's entry for the day at `context.now`: the last day's, Tuesday's or Monday's. */
function dayEntry(context: PlanContext, entry: CatalogEntry, soapEnd: number): CatalogEntry {
  if (context.now >= lastDayTextFrom(context, soapEnd, etDayStart(soapEnd))) {
    const inProgress = soapLastDayText(context, soapEnd);
    return textEntry(entry, inProgress, () => lastDayIfUnmatched(context, soapEnd));
  }
  const reading = readingWords(context);
  if (context.now < soapTuesdayOf(context)) {
    // Monday is ET's (the release's day): where her day is already Tuesday, "Monday: send" read as yesterday.
    const monday =
      localDate(context.zone, context.now) === localDate(ET_ZONE, context.now)
        ? "Monday:"
        : "Now (Monday in ET):";
    const inProgress = (phaseEntry(entry).statusActions?.inProgress ?? "")
      .replace(CATALOG_READING, reading)
      .replace("Monday:", monday);
    return textEntry(entry, inProgress, () => ifUnmatchedMonday(reading));
  }
  const rounds = firstRoundWords(context);
  return textEntry(entry, inProgressFromTuesday(reading, rounds), () =>
    ifUnmatchedFromTuesday(reading, rounds),
  );
}

/** SOAP's last day for one who has not answered: no applications to send, the remaining rounds. */
function lastDayIfUnmatched(context: PlanContext, soapEnd: number): string {
  return ifUnmatched(soapLastDayText(context, soapEnd, false), "");
}

/** SOAP's entry from Tuesday (ET) on, one per text (in the applicant's words, of their day and zone). */
function textEntry(entry: CatalogEntry, inProgress: string, action: () => string): CatalogEntry {
  let byText = dayEntries.get(entry);
  if (byText === undefined) {
    byText = new BoundedMemo(1_000);
    dayEntries.set(entry, byText);
  }
  // The action is made from the same day and zone as the in-progress text: one key for both.
  return byText.get(inProgress) ?? byText.keep(inProgress, withTexts(entry, action(), inProgress));
}

/** SOAP's Match Week entry with the texts of one not answered (`action`) and of a participant. */
function withTexts(entry: CatalogEntry, action: string, inProgress: string): CatalogEntry {
  const soap = phaseEntry(entry);
  return Object.freeze({
    ...soap,
    action,
    statusActions: { ...soap.statusActions, inProgress },
  }) as CatalogEntry;
}

/** SOAP's entry as it reads on Match Week's Monday, made once per catalog entry. */
function phaseEntry(entry: CatalogEntry): CatalogEntry {
  let phased = phaseEntries.get(entry);
  if (phased === undefined) {
    phased = Object.freeze({
      ...entry,
      title: SOAP_PARTICIPATION_TITLE,
      action: ifUnmatchedMonday(CATALOG_READING),
      why: SOAP_PARTICIPATION_WHY,
      ladder: "soap-participation",
    }) as CatalogEntry;
    phaseEntries.set(entry, phased);
  }
  return phased;
}

/** Midnight ET starting the Tuesday of Match Week (the ET day after NRMP's Monday release). */
export function soapTuesdayOf(context: PlanContext): number {
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  return fromWall(ET_ZONE, wallDayStart(toWall(ET_ZONE, release)) + DAY_MS);
}

/** Midnight ET starting the ET day of `at` (SOAP's end: its last day, Thursday). */
function etDayStart(at: number): number {
  return fromWall(ET_ZONE, wallDayStart(toWall(ET_ZONE, at)));
}
