import type { CatalogEntry } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import type { Deadline, Reminder } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import {
  DAY_MS,
  ET_ZONE,
  inQuietWindow,
  isoInZone,
  isoUtc,
  renderEt,
  toWall,
  wallMinuteOfDay,
} from "../time.ts";
import type { PlanContext } from "./context.ts";
import { isFinished, isSatisfied, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { slotOnDay } from "./ladders.ts";
import { lateArrivalSlot, type TimedReminder } from "./reminders.ts";

/**
 * The Match-outcome days of Match Week (NRMP's Match Week page,
 * https://www.nrmp.org/residency-applicants/match-week/): at 10:00 AM ET on Monday NRMP tells each
 * applicant whether (not where) they matched (season date nrmp_match_week_start_and_soap_start) and
 * SOAP starts; it ends on Thursday (nrmp_soap_ends). From the Monday release on, Match Week and SOAP
 * ask what fits the day rather than keeping Monday's text and the preparation date.
 */

/** Title of SOAP once Match Week has begun: preparation is over, taking part is what is left. */
export const SOAP_PARTICIPATION_TITLE =
  "Take part in SOAP if you did not match (it ends Thursday of Match Week)";
/** SOAP for an applicant who has not told us Monday's result: take part if unmatched, else report. */
const SOAP_IF_UNMATCHED_ACTION =
  "If NRMP told you on Monday that you did not match, take part in SOAP now: apply to programs on the List of Unfilled Programs and answer offers in R3 before SOAP ends on Thursday, and mark SOAP in progress. If you matched, mark Match Week done.";
/** Match Week once NRMP's Monday release has passed and the applicant has not reported it. */
export const MATCH_WEEK_REPORT_TITLE = "Match Week: tell us whether you matched";
const MATCH_WEEK_REPORT_ACTION =
  "NRMP told you at 10:00 AM ET on Monday of Match Week (by email and in R3) whether you matched. Tell us now: matched (mark Match Week done), or not matched (mark SOAP in progress and take part in SOAP before it ends on Thursday).";

/** The rung of the one notice after NRMP's Monday release: it belongs to no ladder, it is sent once. */
export const MATCH_RESULT_RUNG = "match-week-result";
/** The rung of the one notice after Match Day's release asking where they matched (sent once). */
export const MATCH_DAY_RESULT_RUNG = "match-day-result";
/** Match Week once SOAP has ended and no match is reported: what next, either way. */
export const AFTER_SOAP_TITLE = "The Match: tell us your result";
/** Match Day once results are out and the applicant has not told us where they matched. */
export const MATCH_DAY_REPORT_TITLE = "Match Day: tell us where you matched";

/** How a Match Week or SOAP step reads from the Monday release on. */
export interface MatchWeekStep {
  /** SOAP's end: the last moment Monday's result can still change what the applicant does. */
  due: DueDate;
  /** The catalog entry with this phase's title, action and ladder (shared, frozen). */
  entry: CatalogEntry;
  /** Match Week: its one follow-up (see matchWeekNotices) replaces the ladder. */
  followUpOnly: boolean;
}

interface SeasonTexts {
  soapEnd: DueDate;
  followUpId: string;
  matchDayFollowUpId: string;
  /** What an applicant who did not match does next (the next Match's season data), in ET. */
  ifUnmatched: string;
  afterSoapAction: string;
  matchDayAction: string;
  phased: Map<CatalogEntry, CatalogEntry>;
}
const seasonTexts = new WeakMap<SeasonCalendar, SeasonTexts>();
function textsOf(calendar: SeasonCalendar): SeasonTexts {
  let texts = seasonTexts.get(calendar);
  if (texts === undefined) {
    const date = calendar.dates.nrmp_soap_ends;
    const next = calendar.matchYear + 1;
    const nextRol = seasonCalendar(next).dates.nrmp_rol_certification_and_late_registration_deadline;
    // The re-applicant path: a changed target Match year plans the next season (pastSeasonWork).
    const ifUnmatched = `If you did not match, the ${calendar.matchYear} Match is over for you: change your target Match year to ${next} and the plan starts the ${next} Match (its rank order list deadline is ${renderEt(nextRol.at)}${nextRol.status === "projected" ? ", projected" : ""}); your exams and certification carry over, this season's ERAS, NRMP and ranking steps start again.`;
    texts = {
      soapEnd: { at: date.at, zone: ET_ZONE, status: date.status, source: date.source },
      followUpId: `r-${stableHash(`${MATCH_RESULT_RUNG}|${calendar.matchYear}`)}`,
      matchDayFollowUpId: `r-${stableHash(`${MATCH_DAY_RESULT_RUNG}|${calendar.matchYear}`)}`,
      ifUnmatched,
      afterSoapAction: `SOAP ended on ${renderEt(date.at)}. If you matched (in the Match or in SOAP), mark Match Week done: NRMP shows where in R3 on Match Day, ${renderEt(calendar.dates.nrmp_match_day.at)}, and your contract and visa steps follow. ${ifUnmatched}`,
      matchDayAction: `Match results are out in R3. Tell us where you matched (mark Match Day done) so your contract and visa steps get their reminders. ${ifUnmatched}`,
      phased: new Map(),
    };
    seasonTexts.set(calendar, texts);
  }
  return texts;
}

const phaseEntries = new WeakMap<CatalogEntry, CatalogEntry>();
/** The entry as it reads in Match Week, made once per catalog entry. */
function phaseEntry(entry: CatalogEntry): CatalogEntry {
  let phased = phaseEntries.get(entry);
  if (phased === undefined) {
    phased = Object.freeze(
      entry.key === "soap"
        ? {
            ...entry,
            title: SOAP_PARTICIPATION_TITLE,
            action: SOAP_IF_UNMATCHED_ACTION,
            ladder: "soap-participation",
          }
        : {
            ...entry,
            title: MATCH_WEEK_REPORT_TITLE,
            action: MATCH_WEEK_REPORT_ACTION,
            statusActions: undefined,
          },
    ) as CatalogEntry;
    phaseEntries.set(entry, phased);
  }
  return phased;
}

/**
 * Match Week and SOAP from NRMP's Monday release on. Both are due at SOAP's end (nrmp_soap_ends,
 * Thursday 5 PM ET), never the Monday date, so neither is shown overdue from Tuesday with Monday's
 * text: Match Week asks the applicant to report the result, SOAP asks a non-reporter to take part if
 * unmatched (a participant keeps the catalog's in-progress text). Returns `undefined` for other
 * steps and before the release (the catalog applies), `null` when SOAP is moot (Monday's result is
 * reported and the applicant is not in SOAP: drop it). A blocked step keeps the catalog's title
 * (the planner's choice); Match Week keeps Monday's date while the rank list is not certified.
 */
export function matchWeekStep(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  dates: PlanDates,
): MatchWeekStep | null | undefined {
  if (entry.key === "match_day") return matchDayStep(context, entry, dates);
  if (entry.key !== "soap" && entry.key !== "match_week") return undefined;
  if (context.now < context.calendar.dates.nrmp_match_week_start_and_soap_start.at) return undefined;
  const texts = textsOf(context.calendar);
  const soapOver = context.now >= texts.soapEnd.at;
  if (entry.key === "soap") {
    // Once SOAP has ended there is nothing left to take part in: Match Week says what next.
    if (soapOver || (status !== "in_progress" && isFinished(statusOf(context, "match_week")))) return null;
  } else {
    // Without a certified list there is no result to report (SEASON_OVER says so): Monday's date stays.
    if (!isSatisfied(context, "rank_order_list")) return undefined;
    if (soapOver) {
      const contractDue = dates.due("contract");
      if (contractDue === null) return undefined;
      const phased = phasedIn(texts, entry, AFTER_SOAP_TITLE, texts.afterSoapAction);
      return { due: contractDue, entry: phased, followUpOnly: true };
    }
    // SOAP in progress (or taken part in) is Monday's result reported: not matched.
    if (unmatchedReported(context)) return null;
  }
  return { due: texts.soapEnd, entry: phaseEntry(entry), followUpOnly: entry.key === "match_week" };
}

/** The applicant told us Monday's result was "not matched": SOAP is in progress or done. */
function unmatchedReported(context: PlanContext): boolean {
  const soap = statusOf(context, "soap");
  return soap === "in_progress" || soap === "done";
}

/**
 * Match Day from its release on, for an applicant with a certified list: ask where they matched,
 * due when the contract is (two weeks after Match Day, advice), with one follow-up (see
 * matchOutcomeNotices) instead of the ladder; never overdue with the release's text.
 */
function matchDayStep(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
): MatchWeekStep | undefined {
  if (context.now < context.calendar.dates.nrmp_match_day.at) return undefined;
  if (!isSatisfied(context, "rank_order_list")) return undefined;
  const contractDue = dates.due("contract");
  if (contractDue === null) return undefined;
  const texts = textsOf(context.calendar);
  const phased = phasedIn(texts, entry, MATCH_DAY_REPORT_TITLE, texts.matchDayAction);
  return { due: contractDue, entry: phased, followUpOnly: true };
}

/** The entry with a season's title and action, made once per season and entry. */
function phasedIn(texts: SeasonTexts, entry: CatalogEntry, title: string, action: string): CatalogEntry {
  let phased = texts.phased.get(entry);
  if (phased === undefined) {
    phased = Object.freeze({ ...entry, title, action, statusActions: undefined }) as CatalogEntry;
    texts.phased.set(entry, phased);
  }
  return phased;
}

/**
 * Match Week's notices besides its ladder, for an applicant whose rank list is certified and who
 * has not reported the result (`reminders` holds the step's ladder, if any):
 * - a ladder rung re-timed into the day before the release (a late arrival on Monday morning) is
 *   dropped: the result is not out yet, and the follow-up below is that day's notice;
 * - one follow-up asking whether they matched, at the release (10:00 AM ET Monday) when that is
 *   outside the applicant's quiet hours, else at their next delivery slot after it; planned after
 *   that, now (or when quiet hours end). Never before the release, never after SOAP ends (its
 *   deadline). Its id depends only on the Match year, so the ledger sends it once. It is not a
 *   late arrival: reminders later that day keep their own slot (none is moved before the release).
 */
export function matchWeekNotices(
  context: PlanContext,
  soapEndDetail: Deadline | undefined,
  reminders: TimedReminder[],
): void {
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  let kept = 0;
  for (const each of reminders) {
    const early =
      each.reminder.milestone === "match_week" && each.sendAt > release - DAY_MS && each.sendAt < release;
    if (!early) reminders[kept++] = each;
  }
  reminders.length = kept;
  const { soapEnd, followUpId } = textsOf(context.calendar);
  if (soapEndDetail === undefined) return;
  const notice = followUp(context, release, soapEnd.at, soapEndDetail, {
    id: followUpId,
    milestone: "match_week",
    rung: MATCH_RESULT_RUNG,
    title: MATCH_WEEK_REPORT_TITLE,
    why: MATCH_WEEK_REPORT_ACTION,
  });
  if (notice !== null) reminders.push(notice);
}

/**
 * Match Day's one follow-up asking where they matched, for an applicant whose Match Day step is in
 * its reporting phase (see matchDayStep): at the release when outside quiet hours, else the next
 * delivery slot; planned later, now. Never once the contract is due. Its id depends only on the
 * Match year, so the ledger sends it once.
 */
export function matchDayNotice(
  context: PlanContext,
  due: DueDate,
  detail: Deadline,
  reminders: TimedReminder[],
): void {
  const texts = textsOf(context.calendar);
  const notice = followUp(context, context.calendar.dates.nrmp_match_day.at, due.at, detail, {
    id: texts.matchDayFollowUpId,
    milestone: "match_day",
    rung: MATCH_DAY_RESULT_RUNG,
    title: MATCH_DAY_REPORT_TITLE,
    why: texts.matchDayAction,
  });
  if (notice !== null) reminders.push(notice);
}

/** A once-only notice after a release (the Match outcome's follow-ups), or null when past `until`. */
function followUp(
  context: PlanContext,
  release: number,
  until: number,
  detail: Deadline,
  fields: Pick<Reminder, "id" | "milestone" | "rung" | "title" | "why">,
): TimedReminder | null {
  if (context.now >= until) return null;
  const releaseWall = toWall(context.zone, release);
  let sendAt = release;
  if (inQuietWindow(wallMinuteOfDay(releaseWall), context.quiet)) {
    sendAt = slotOnDay(context, releaseWall);
    if (sendAt < release) sendAt = slotOnDay(context, releaseWall + DAY_MS);
  }
  if (sendAt < context.now) sendAt = lateArrivalSlot(context, toWall(context.zone, context.now));
  if (sendAt >= until) return null;
  // Key order as every other reminder's (the golden plans hash the JSON).
  const reminder: Reminder = {
    id: fields.id,
    milestone: fields.milestone,
    rung: fields.rung,
    title: fields.title,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: fields.why,
  };
  return { sendAt, deadline: until, reminder: Object.freeze(reminder), fixed: true };
}

/** SOAP's end for the season, rendered by the caller (one DueDate per calendar). */
export function soapEndOf(calendar: SeasonCalendar): DueDate {
  return textsOf(calendar).soapEnd;
}
