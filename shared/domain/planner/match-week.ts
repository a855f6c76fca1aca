import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import { MATCH_RESULT_RUNG } from "../match-outcome-labels.ts";
import {
  AFTER_SOAP_TITLE,
  MATCH_WEEK_REPORT_TITLE,
  SOAP_APPLICATIONS_TITLE,
} from "../match-outcome-question.ts";
import type { Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { isFinished, isSatisfied, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { matchDayStep } from "./match-day.ts";
import { matchOverUnreported } from "./match-day-risk.ts";
import { followUp, phasedIn, textsOf, unmatchedReported } from "./match-outcome-texts.ts";
import { matchWeekSoapConflict } from "./match-week-soap-conflict.ts";
import type { TimedReminder } from "./reminders.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { soapChanceEntry } from "./soap-chance.ts";
import { firstSoapOfferRound } from "./soap-done-before-offers.ts";
import { soapMatchWeekEntry, soapTuesdayOf } from "./soap-match-week-entry.ts";
import { soapPositionStep } from "./soap-position.ts";
import { soapReleaseDayEntry } from "./soap-release-day.ts";

/**
 * A SOAP participant's Match Day (the SOAP offer accepted) before SOAP's first offer round: no offer
 * can exist yet, so not "urgent" beside "tell us once you accept a SOAP offer" on Monday; the plan is
 * made again at the round (its date stays the contract's, the SOAP card names the round). Every step
 * before the round is this one, pressed or not: a pressed one (from Match Day's release) is after it.
 */
function beforeOffers(context: PlanContext, step: MatchWeekStep | undefined): MatchWeekStep | undefined {
  if (step === undefined || !unmatchedReported(context)) return step;
  const round = firstSoapOfferRound(context.calendar);
  if (context.now >= round) return step;
  noteRiskChange(context, round);
  return { ...step, notYet: true };
}

/**
 * The Match-outcome days of Match Week (NRMP's Match Week page,
 * https://www.nrmp.org/residency-applicants/match-week/): at 10:00 AM ET on Monday NRMP tells each
 * applicant whether (not where) they matched (season date nrmp_match_week_start_and_soap_start) and
 * SOAP starts; it ends on Thursday (nrmp_soap_ends). From the Monday release on, Match Week and SOAP
 * ask what fits the day rather than keeping Monday's text and the preparation date.
 */

/** The Monday notice of a SOAP participant: applications go out that day (see soapApplicationsNotice). */
export const SOAP_APPLICATIONS_RUNG = "soap-applications";

/**
 * Monday's one question by email: both answers by their buttons' names, and what not matching asks
 * that day (SOAP opens with the release; ERAS's hour for it is not in our data, so "today", never
 * "now"), never only "tell us" by a day that reads as time to wait.
 */
const MATCH_WEEK_NOTICE_TITLE =
  "Match Week: did you match? Tap Matched; if not, send your SOAP applications today and tap Not matched: I'm in SOAP";

/**
 * The same question laid from Tuesday (ET) on: it only asks, since by then SOAP's own card says
 * what an application sent that day can still do (on Thursday, unlikely to lead to an offer).
 */
const MATCH_WEEK_ASK_TITLE = "Match Week: did you match? Tap Matched or Not matched: I'm in SOAP";

// Match Week's question titles live with the rule that reads them (match-outcome-question.ts).
export { AFTER_SOAP_TITLE, MATCH_WEEK_REPORT_TITLE };

/**
 * Whether each step (by catalog index) waits on Match Day, directly or through another (the contract
 * and the visa steps after it): an array read per step, cheaper on the planner bench than a Set look-up.
 * The catalog lists a step after its prerequisites, so one pass finds them all.
 */
const AFTER_MATCH_DAY_AT: readonly boolean[] = (() => {
  const after = new Set<string>(["match_day"]);
  for (const entry of MILESTONE_CATALOG)
    if (entry.prerequisites.some((prerequisite) => after.has(prerequisite.key))) after.add(entry.key);
  return MILESTONE_CATALOG.map((entry) => entry.key !== "match_day" && after.has(entry.key));
})();

/**
 * Whether matchWeekStep has anything to say of the step at each catalog index (Match Day, Match Week,
 * SOAP, a step after Match Day): planMilestone asks it only of those.
 */
export const MATCH_WEEK_PHASE_AT: readonly boolean[] = MILESTONE_CATALOG.map(
  (entry, index) =>
    entry.key === "match_day" ||
    entry.key === "soap" ||
    entry.key === "match_week" ||
    AFTER_MATCH_DAY_AT[index] === true,
);

/** Whether the step at catalog `index` waits on Match Day, directly or through another (AFTER_MATCH_DAY_AT). */
export function waitsOnMatchDay(index: number): boolean {
  return AFTER_MATCH_DAY_AT[index] === true;
}

/** How a Match Week or SOAP step reads from the Monday release on. */
export interface MatchWeekStep {
  /** SOAP's end: the last moment Monday's result can still change what the applicant does. */
  due: DueDate;
  /** The catalog entry with this phase's title, action and ladder (shared, frozen). */
  entry: CatalogEntry;
  /** Match Week: its one follow-up (see matchWeekNotices) replaces the ladder. */
  followUpOnly: boolean;
  /** The step is urgent whatever its deadline: a result the plan still waits for (Match Day past the contract's date). */
  pressing?: true;
  /**
   * Set only once `due` has passed while the step still asks (Match Day past the contract's date):
   * the date its questions run until (residency's start), each saying "Overdue since" `due`.
   */
  asksUntil?: DueDate;
  /** Nothing to tell yet, so "soon" whatever its date: a SOAP participant's offer before the first offer round. */
  notYet?: true;
}

/**
 * Match Week and SOAP from NRMP's Monday release on. Both are due at SOAP's end (nrmp_soap_ends,
 * Thursday 5 PM ET), never the Monday date, so neither is shown overdue from Tuesday with Monday's
 * text: Match Week asks the applicant to report the result, SOAP asks a non-reporter to take part if
 * unmatched (a participant keeps the catalog's in-progress text). Returns `undefined` for other
 * steps and before the release (the catalog applies), `null` when SOAP is moot (Monday's result is
 * reported and the applicant is not in SOAP: drop it; Match Week from Match Day's release on, or once
 * Match Day is reported: Match Day asks for the result). A blocked step keeps the catalog's title
 * (the planner's choice); Match Week keeps Monday's date while the rank list is not certified.
 * The steps after Match Day are `null` once the Match is over with no result told
 * (matchOverUnreported, five blocked steps dated April–June in July): a matched
 * applicant is in residency, an unmatched one has none of them to take. `index`: the entry's catalog index.
 */
export function matchWeekStep(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  dates: PlanDates,
): MatchWeekStep | null | undefined {
  if (entry.key === "match_day") return beforeOffers(context, matchDayStep(context, entry, dates));
  // A SOAP position reported: the contract's words name it.
  if (AFTER_MATCH_DAY_AT[index] === true)
    return matchOverUnreported(context) ? null : soapPositionStep(context, entry, dates);
  if (entry.key !== "soap" && entry.key !== "match_week") return undefined;
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now < release) {
    // From the release the step is dated by SOAP's end and runs its Match Week ladder, which the
    // plan made before it does not hold: a re-plan then, or a step with no reminder left falls silent.
    noteRiskChange(context, release);
    // The day before the release, SOAP's card names it (never "Before Match Week" on its Monday).
    const releaseDay = entry.key === "soap" ? soapReleaseDayEntry(context, entry) : undefined;
    const due = releaseDay === undefined ? null : dates.due("soap");
    return releaseDay === undefined || due === null
      ? undefined
      : { due, entry: soapChanceEntry(context, releaseDay), followUpOnly: false };
  }
  const texts = textsOf(context.calendar, context.applicant.visa);
  const soapOver = context.now >= texts.soapEnd.at;
  if (!soapOver) noteRiskChange(context, texts.soapEnd.at); // the step ends or turns then, as above
  if (entry.key === "soap") {
    // Once SOAP has ended there is nothing left to take part in: Match Week says what next.
    if (soapOver || (status !== "in_progress" && isFinished(statusOf(context, "match_week")))) return null;
  } else {
    // Without a certified list there is no result to report (SEASON_OVER says so): Monday's date stays.
    if (!isSatisfied(context, "rank_order_list")) return undefined;
    // From Match Day's release (or once Match Day is reported) Match Day asks for the result; Match
    // Week asking it too would be the same question twice.
    if (context.now >= context.calendar.dates.nrmp_match_day.at || isFinished(statusOf(context, "match_day")))
      return null;
    // SOAP in progress (or taken part in) is Monday's result reported: not matched. Match Day asks a
    // participant for the SOAP offer from the release on (matchDayStep); Match Week asking again
    // after SOAP's end would be a second question.
    if (unmatchedReported(context)) return null;
    if (soapOver) {
      const contractDue = dates.due("contract");
      if (contractDue === null) return undefined;
      const phased = phasedIn(texts.phased, entry, AFTER_SOAP_TITLE, texts.afterSoapAction);
      return { due: contractDue, entry: phased, followUpOnly: true };
    }
  }
  const phased =
    entry.key !== "soap"
      ? context.now < soapTuesdayOf(context)
        ? phasedIn(texts.matchWeekPhased, entry, MATCH_WEEK_REPORT_TITLE, texts.matchWeekReportAction)
        : phasedIn(texts.matchWeekAskPhased, entry, MATCH_WEEK_REPORT_TITLE, texts.matchWeekAskAction)
      : soapChanceEntry(context, soapMatchWeekEntry(context, entry, texts.soapEnd.at));
  return { due: texts.soapEnd, entry: phased, followUpOnly: entry.key === "match_week" };
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
  const { soapEnd, followUpId, matchWeekReportAction, matchWeekAskAction } = textsOf(context.calendar);
  if (soapEndDetail === undefined) return;
  // Laid from Tuesday on (a late answer's plan), it is sent then: the question only, as the card.
  const asksOnly = context.now >= soapTuesdayOf(context);
  const notice = followUp(context, release, soapEnd.at, soapEndDetail, {
    id: followUpId,
    milestone: "match_week",
    rung: MATCH_RESULT_RUNG,
    title: asksOnly ? MATCH_WEEK_ASK_TITLE : MATCH_WEEK_NOTICE_TITLE,
    why: asksOnly ? matchWeekAskAction : matchWeekReportAction,
  });
  if (notice !== null) reminders.push(notice);
}

/** SOAP's end for the season, rendered by the caller (one DueDate per calendar). */
export function soapEndOf(calendar: SeasonCalendar): DueDate {
  return textsOf(calendar).soapEnd;
}

/**
 * A SOAP participant's Monday notice: send the applications through ERAS that day,
 * at NRMP's release when outside quiet hours, else the next delivery slot; reported later, now.
 * Never a day after the release (programs read applications from Tuesday morning; the ladder's
 * Tuesday rung is then the notice). Its id depends only on the Match year: the ledger sends it once.
 */
export function soapApplicationsNotice(
  context: PlanContext,
  entry: CatalogEntry,
  detail: Deadline,
  reminders: TimedReminder[],
): void {
  if (matchWeekSoapConflict(context)) return; // "send your applications today" would assert "not matched"
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  const notice = followUp(context, release, release + DAY_MS, detail, {
    id: `r-${stableHash(`${SOAP_APPLICATIONS_RUNG}|${context.calendar.matchYear}`)}`,
    milestone: "soap",
    rung: SOAP_APPLICATIONS_RUNG,
    title: SOAP_APPLICATIONS_TITLE,
    why: entry.why.text,
  });
  if (notice !== null) reminders.push(notice);
}
