import type { CatalogEntry } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import { MATCH_DAY_REPORT_TITLE } from "../leading-step.ts";
import { MATCH_DAY_RESULT_RUNG } from "../match-outcome-labels.ts";
import { SOAP_MATCH_DAY_TITLE } from "../match-outcome-question.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { isSatisfied } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { monthlySlot } from "./delivery-slot.ts";
import { offRepeatDays, repeatSameDay } from "./join-late-arrivals.ts";
import { j1StartLost, matchedOutOfReachEntry } from "./match-day-j1-out-of-reach.ts";
import { matchOverUnreported } from "./match-day-risk.ts";
import { type MatchDayAsked, matchDayWeeklyNotices, SOAP_OUTCOME, weekSlots } from "./match-day-weekly.ts";
import {
  followUp,
  followUpAt,
  MATCH_OVER_MONTHLY_RUNG,
  MATCH_OVER_RUNG,
  matchDayTexts,
  phasedIn,
  soapTense,
  type textsOf,
} from "./match-outcome-texts.ts";
import { matchOverTexts } from "./match-over-texts.ts";
import { matchResultDue, soapOutcomeDue } from "./match-result-due.ts";
import type { MatchWeekStep } from "./match-week.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { soapOutcomeAction, soapOutcomeEntry } from "./no-list-soap-words.ts";
import type { TimedReminder } from "./reminders.ts";
import { residencyStartedAt } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { asksSoapOffer, noListSoapOutcome } from "./season-over-state.ts";

// Match Day once results are out and the result is not told: the step that leads (leading-step.ts).
// Match Day for an applicant in SOAP: its title lives with the rule that reads it (match-outcome-question.ts).
export { MATCH_DAY_REPORT_TITLE, SOAP_MATCH_DAY_TITLE };

/**
 * Match Day as it reads for the applicant's status, for one with a certified list (`undefined`: the
 * catalog's text applies):
 * - in SOAP (in progress or done) from NRMP's Monday release on: the SOAP offer is the result, due
 *   by the contract's date before the Match Day release too (soapOutcomeDue), with the same questions;
 * - from the Match Day release on: report where they matched, urgent, due by the contract's date as
 *   our advice (MATCH_RESULT_SOURCE), then overdue since it in the late words, with one follow-up
 *   (see matchDayNotice) and a weekly question instead of the ladder, asked up to residency's start;
 * - a SOAP participant from the release on: the SOAP offer accepted, due by the contract's date as
 *   our advice (soapOutcomeDue), asked once and then weekly at most twice;
 *   past that date the plan plans the next Match (soapOutcomeUnreported) and does not ask here.
 */
export function matchDayStep(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
): MatchWeekStep | undefined {
  if (!matchDayAsked(context)) return undefined;
  const { calendar } = context;
  if (context.now < calendar.dates.nrmp_match_week_start_and_soap_start.at) return undefined;
  const texts = matchDayTexts(context);
  const soap = asksSoapOffer(context);
  const tense = soapTense(context);
  const soapEntry = soap ? soapOutcomeEntry(context, texts, entry, tense) : undefined;
  if (context.now < calendar.dates.nrmp_match_day.at) {
    // The release changes the step (its question and follow-up): a wake-up then plans the follow-up
    // for its own day, not folded into the next week's (sent on 27 Mar, not 20 Mar).
    noteRiskChange(context, calendar.dates.nrmp_match_day.at);
    if (soapEntry === undefined) return undefined;
    // The SOAP offer is theirs to tell from its acceptance, by the contract's date as after the
    // release (soapOutcomeDue), never by the release itself, a start read as a deadline ("Answer by
    // Sat 20 Mar, 12:00 AM" in Manila); its follow-up and weekly questions are planned ahead. Pressed
    // as once an offer may be accepted (beforeOffers keeps it "soon" before the first round).
    const contractDue = dates.due("contract");
    if (contractDue !== null)
      return { due: reportingDue(true, contractDue), entry: soapEntry, followUpOnly: true, pressing: true };
    const due = dates.due(entry.key);
    return due === null ? undefined : { due, entry: soapEntry, followUpOnly: false };
  }
  const contractDue = dates.due("contract");
  if (contractDue === null) return undefined;
  // A SOAP participant is asked up to the contract's date, not residency's start
  // (an urgent step due 1 July and a weekly nag kept them in a finished season); from
  // that date the plan plans the next Match (soapOutcomeUnreported) and this step is not reached.
  if (soapEntry !== undefined)
    return { due: reportingDue(true, contractDue), entry: soapEntry, followUpOnly: true, pressing: true };
  // From residency's start the Match is over and the question goes on (from 1 July
  // the plan went silent), due by the next Match's ERAS submission day, a date fixed by the season
  // (it moved with `now`). Not pressed: its urgency follows that date (a card badged
  // urgent beside a date two months ahead), and MATCH_DAY_NOT_REPORTED is a warning by then.
  if (matchOverUnreported(context)) {
    const over = matchOverTexts(context);
    const phased = phasedIn(over.phased, entry, over.title, over.action);
    return { due: over.due, entry: phased, followUpOnly: true };
  }
  // Past the contract's date the answer is overdue since it, the one date the row, its weekly question
  // and MATCH_DAY_NOT_REPORTED's notice name (a row "by residency's start, 1 Jul" beside a notice
  // "overdue since 2 Apr" invited waiting with the petition days away); the start is what is at risk,
  // and the questions run on up to it (asksUntil: from the contract's date to July nothing was asked).
  // One who marked Match Week done (matched) is asked only where, never "if you did not match".
  const matched = matchWeekMatched(context);
  // From residency's start she matched all the same (matchOverUnreported is false for her): the
  // answer stays overdue since the contract's date, as before the start (a row turned back to
  // "urgent, answer by" the next ERAS season's September day read as a new deadline), in words of a
  // start already late; the questions run on up to that day, as the never-told one's (matchOverTexts).
  if (matched && context.now >= texts.residencyStart.at) {
    const late = phasedIn(
      texts.matchedStartedPhased,
      entry,
      MATCH_DAY_REPORT_TITLE,
      texts.matchedDayStartedAction,
    );
    const due = matchResultDue(contractDue);
    return { due, asksUntil: matchOverTexts(context).due, entry: late, followUpOnly: true, pressing: true };
  }
  if (context.now >= contractDue.at && context.now < texts.residencyStart.at) {
    const late =
      soapEntry ??
      (matched
        ? j1StartLost(context, dates)
          ? matchedOutOfReachEntry(texts, entry)
          : phasedIn(texts.matchedLatePhased, entry, MATCH_DAY_REPORT_TITLE, texts.matchedDayLateAction)
        : phasedIn(texts.latePhased, entry, MATCH_DAY_REPORT_TITLE, texts.matchDayLateAction));
    const due = matchResultDue(contractDue);
    return { due, asksUntil: texts.residencyStart, entry: late, followUpOnly: true, pressing: true };
  }
  // Up to the contract's date: due by that date as our advice (MATCH_RESULT_SOURCE), never as an
  // NRMP date, and urgent, since the contract and visa steps wait on the answer; the row, its
  // follow-up and its weekly question name the one date. From that date, the late words above.
  noteRiskChange(context, contractDue.at);
  const phased =
    soapEntry ??
    (matched
      ? phasedIn(texts.matchedPhased, entry, MATCH_DAY_REPORT_TITLE, texts.matchedDayAction)
      : phasedIn(texts.phased, entry, MATCH_DAY_REPORT_TITLE, texts.matchDayAction));
  return { due: reportingDue(false, contractDue), entry: phased, followUpOnly: true, pressing: true };
}

/**
 * The step's date from the release up to the contract's date (matchDayStep): the SOAP offer
 * accepted (`soap`), or where they matched, due by the contract's date as our advice.
 */
function reportingDue(soap: boolean, contractDue: DueDate): DueDate {
  return soap ? soapOutcomeDue(contractDue) : matchResultDue(contractDue);
}

/**
 * When Match Day's release question goes on the release's day, as matchDayNotice lays it for the
 * reporting phase matchDayStep gives at the release (asked, the contract's date known, due by
 * it): its follow-up (followUpAt), or the repeat that takes its day (repeatSameDay); +Infinity when
 * it lays none (the one-email rule then keeps that day's earlier reminder: match-day-after-soap.ts).
 */
export function releaseQuestionAt(context: PlanContext, dates: PlanDates): number {
  if (!matchDayAsked(context)) return Number.POSITIVE_INFINITY;
  const contractDue = dates.due("contract");
  if (contractDue === null) return Number.POSITIVE_INFINITY;
  const soap = asksSoapOffer(context);
  const at = followUpAt(
    context,
    context.calendar.dates.nrmp_match_day.at,
    reportingDue(soap, contractDue).at,
  );
  if (at === null) return Number.POSITIVE_INFINITY;
  return repeatSameDay(context, repeatSlots(context, soap), at) ?? at;
}

/** The weekly questions' slots after the release, a SOAP participant's stopping after SOAP_OUTCOME.times. */
function repeatSlots(context: PlanContext, soap: boolean): (week: number) => number | null {
  const slotOf = weekSlots(context, soap);
  return (week) => (soap && week > SOAP_OUTCOME.times ? null : slotOf(week));
}

/**
 * Match Day's one follow-up asking where they matched (a SOAP participant: which offer they
 * accepted), for an applicant whose Match Day step is in its reporting phase (see matchDayStep): at
 * the release when outside quiet hours, else the next delivery slot; planned later, now. Its id
 * depends only on the Match year, so the ledger sends it once. It and the weekly question run up to
 * the step's date `shown` (`phase.due` rendered), or up to `phase.asksUntil` when the step asks past
 * it: then they say "Overdue since" `shown`, as the row and MATCH_DAY_NOT_REPORTED's notice do.
 */
export function matchDayNotice(
  context: PlanContext,
  phase: MatchWeekStep,
  shown: Deadline,
  dates: PlanDates,
  reminders: TimedReminder[],
): void {
  const due = phase.asksUntil ?? phase.due;
  const detail = phase.asksUntil === undefined ? shown : dates.rendered(phase.asksUntil);
  if (matchOverUnreported(context)) {
    matchOverNotices(context, due, detail, reminders);
    return;
  }
  const texts = matchDayTexts(context);
  const soap = asksSoapOffer(context);
  const why = soap ? soapOutcomeAction(context, texts, soapTense(context)) : "";
  const asked: MatchDayAsked = {
    ...matchDayAsk(texts, due, why, matchWeekMatched(context)),
    overdueSince: phase.asksUntil === undefined ? undefined : shown,
  };
  // Not on a weekly question's day (offRepeatDays): a SOAP participant's stop after SOAP_OUTCOME.times.
  const notice = offRepeatDays(
    context,
    repeatSlots(context, soap),
    followUp(context, context.calendar.dates.nrmp_match_day.at, due.at, detail, {
      id: texts.matchDayFollowUpId,
      milestone: "match_day",
      rung: MATCH_DAY_RESULT_RUNG,
      ...asked,
    }),
  );
  if (notice !== null) reminders.push(notice);
  for (const weekly of matchDayWeeklyNotices(context, due, detail, soap, asked)) reminders.push(weekly);
}

/**
 * Once residency has started with the result never told (matchOverUnreported):
 * one notice that the Match is over, under its own id (March's follow-up is
 * sent once per Match year, so reusing its id lost this news whenever March's went), from
 * residency's start; then at most one check a month, on the start's day of each later month, until
 * the step's deadline, the next Match's ERAS submission day (matchOverTexts' due). Only the next
 * check is planned; each month's id names the month, so the ledger sends each once and a re-plan
 * replaces it.
 */
function matchOverNotices(
  context: PlanContext,
  due: DueDate,
  detail: Deadline,
  reminders: TimedReminder[],
): void {
  const { calendar } = context;
  const over = matchOverTexts(context);
  const fields = { milestone: "match_day" as const, title: over.title, why: over.action };
  const start = residencyStartedAt(context);
  const notice = offRepeatDays(
    context,
    (month) => monthlySlot(context, start, month),
    followUp(context, start, due.at, detail, {
      ...fields,
      id: `r-${stableHash(`${MATCH_OVER_RUNG}|${calendar.matchYear}`)}`,
      rung: MATCH_OVER_RUNG,
    }),
  );
  if (notice !== null) reminders.push(notice);
  let month = 1;
  while (monthlySlot(context, start, month) < context.now) month++;
  const check = followUp(context, monthlySlot(context, start, month), due.at, detail, {
    ...fields,
    id: `r-${stableHash(`${MATCH_OVER_MONTHLY_RUNG}|${calendar.matchYear}|${month}`)}`,
    rung: MATCH_OVER_MONTHLY_RUNG,
  });
  if (check !== null) reminders.push(check);
}

/** What Match Day's follow-up and weekly question say: SOAP's words (`soapWhy`, "" if none), or past the contract's date the late ones. */
function matchDayAsk(
  texts: ReturnType<typeof textsOf>,
  due: DueDate,
  soapWhy: string,
  matched: boolean,
): { title: string; why: string } {
  const soap = soapWhy !== "";
  // Matched and past residency's start (matchDayStep), the questions run on later, her start already late.
  const started = matched && due.at > texts.residencyStart.at;
  const late = due === texts.residencyStart || started;
  return {
    title: soap ? SOAP_MATCH_DAY_TITLE : MATCH_DAY_REPORT_TITLE,
    why: soap
      ? soapWhy
      : matched
        ? started
          ? texts.matchedDayStartedAction
          : late
            ? texts.matchedDayLateAction
            : texts.matchedDayAction
        : late
          ? texts.matchDayLateAction
          : texts.matchDayAction,
  };
}

/**
 * Whether Match Day is asked of the applicant (matchDayStep, and Match Day's one email on the
 * release's day): a certified list, or, with none, SOAP's outcome awaited (noListSoapOutcome).
 */
export function matchDayAsked(context: PlanContext): boolean {
  return isSatisfied(context, "rank_order_list") || noListSoapOutcome(context) === "awaited";
}
