import { catalogEntry, SCHOOL_CHECK } from "./catalog/index.ts";
import { bookableNow, bookedDayAhead } from "./exam-booking.ts";
import { conflictWayOut } from "./match-week-answers.ts";
import { matchYearDatedFor } from "./match-year-heading.ts";
import { noteAnsweredNo } from "./note-answered-no.ts";
import type { NextStep, Plan } from "./plan.ts";
import { FIRST_ROUND_SOURCE, firstSoapOfferRound } from "./planner/soap-done-before-offers.ts";
import { type SeasonCalendar, type SeasonDateKey, seasonCalendar } from "./seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";
import { snoozeOptions } from "./snoozes.ts";
import { actionRecord, alreadyAnswered, DATED_STARTS, type StepAction } from "./step-actions.ts";
import { ET_ZONE, localDate, renderDate, renderEt, renderInZone, wallFromDate } from "./time.ts";
import { zoneInUs } from "./us-zones.ts";

/**
 * What the applicant chose from an email or the timeline page, applied to a plan:
 * which one-tap actions a step offers and when Done can count (snoozes are snoozes.ts). Pure: the
 * caller passes the plan and the applicant's milestones; nothing here reads a clock.
 */

/** The words on each action's button, in the reminder email and on the timeline page alike. */
export const ACTION_LABELS: Readonly<Record<StepAction, string>> = {
  done: "Done",
  schedule: "Scheduled for…",
  snooze: "Snooze",
  waive: "Not for me",
  start: "In progress",
};

/** An action's button on `milestone`: ACTION_LABELS, but for an action that records more (actionRecord). */
export function actionLabel(milestone: string, action: StepAction): string {
  return actionRecord(milestone, action)?.applicant ?? ACTION_LABELS[action];
}

/**
 * The actions a next step offers: those its catalog entry lists (`stepActions`: "Scheduled for…"
 * only on a step whose day the applicant books, "Not for me" only where the step may be skipped),
 * "Scheduled for…" only once the step can be booked (bookableNow),
 * "snooze" only while a reminder it would quiet falls within one of its lengths (snoozeOptions:
 * never under a critical notice, nor on SOAP in Match Week).
 * Interviews take none (their dates come from the program). Done only where it can be recorded
 * today, on the applicant's day in `zone`: once its window has opened (doneOpensFor) and, for an
 * exam, once the day booked in `recorded` (the applicant's milestones) has come (bookedDayAhead,
 * the rule the action link applies), so the email, the timeline and the action page agree; never
 * on a WDOMS check recorded done (`checkRecorded`), asked again for the note, which Done cannot record,
 * nor on one beside a note answered "no" (noteAnsweredNo): Done would change nothing the plan reads;
 * SOAP's "start" from Match Week's notification until SOAP ends, while neither step is answered, or
 * as the way out of MATCH_WEEK_SOAP_CONFLICT (conflictWayOut); the H-1B petition's "start" (Filed
 * on…) where its Done is offered, until it is told filed or approved.
 */
export function actionsFor(
  step: Pick<NextStep, "milestone">,
  plan: Plan,
  zone: string,
  recorded: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
): StepAction[] {
  if (step.milestone === "interview" || seasonPassedFor(step, plan)) return [];
  const milestone = step.milestone;
  const nowMs = Date.parse(plan.now);
  const today = localDate(zone, nowMs);
  const calendar = seasonCalendar(doneCountsFor(plan));
  const own = recorded.find((entry) => entry.key === milestone);
  const doneNow =
    doneOpensFor(milestone, calendar, today, zone, nowMs) === undefined &&
    bookedDayAhead(milestone, own, today) === undefined;
  // SOAP's Not for me counts only from Match Week's notification (planner/early-soap-answer.ts, planner/soap-waive-window.ts).
  const waiveNow =
    milestone !== "soap" || doneOpensFor("match_week", calendar, today, zone, nowMs) === undefined;
  const checkRecorded = milestone === SCHOOL_CHECK.key && (own?.status === "done" || noteAnsweredNo(plan));
  const matched = recorded.some((entry) => entry.key === "match_week" && entry.status === "done");
  const soapOpen = waiveNow && nowMs < calendar.dates.nrmp_soap_ends.at;
  // Beside "Matched", SOAP in progress is MATCH_WEEK_SOAP_CONFLICT: the tap is its "did not match" way out.
  const wayOut = conflictWayOut(milestone, "start", {
    soap: own?.status ?? "not_started",
    matchWeek: matched ? "done" : "not_started",
  });
  // The petition's filing day ("Filed on…") can be told whenever its Done could, until one is told.
  const startNow = DATED_STARTS.has(milestone)
    ? doneNow && !alreadyAnswered("start", own?.status)
    : soapOpen && ((!matched && !alreadyAnswered("start", own?.status)) || wayOut);
  return catalogEntry(milestone).stepActions.filter(
    (action) =>
      (action !== "done" || (doneNow && !checkRecorded)) &&
      (action !== "waive" || waiveNow) &&
      (action !== "start" || startNow) &&
      (action !== "schedule" || bookableNow(milestone, plan)) &&
      (action !== "snooze" || snoozeOptions(plan, milestone, today, zone).length > 0) &&
      // No visa stamp to skip abroad: a change of status is an in-US route.
      (action !== "waive" || milestone !== "visa_h1b_stamping" || zoneInUs(zone)),
  );
}

/** A one-tap action a step does not offer now, in the applicant's words (its button's label). */
export function unavailableActionText(milestone: string, action: StepAction, title: string): string {
  return `“${actionLabel(milestone, action)}” is not a choice for “${title}” now`;
}

/** When Done on a step can first count for the applicant's Match (doneOpensFor). */
export interface DoneOpens {
  /** The applicant's first day ("YYYY-MM-DD", compared with the season's ET day) Done counts. */
  date: string;
  /** What opens that day, e.g. "NRMP registration for the 2028 Match". */
  what: string;
  verb: "opens" | "begins" | "is";
  status: "confirmed" | "projected";
  /** The season date's source URL, or the rule that projected it (an advice line first, when advice). */
  source: string;
  /**
   * A window that opens at an hour, not a day (OWN_WINDOWS `at`): its instant (epoch ms), told in
   * the applicant's `zone` beside ET, whether the hour is our advice, and why no Done comes before it.
   */
  at?: { instant: number; zone: string; advice: boolean; why: string; markWhen: string };
}

/** When an hour's window opens, in the applicant's zone and ET, with one mark: "… (our advice)", never also projected, or `projected`. */
export function openingHour(
  opens: DoneOpens & { at: NonNullable<DoneOpens["at"]> },
  projected: string,
): string {
  const { instant, zone, advice } = opens.at;
  const local =
    zone === ET_ZONE ? renderEt(instant) : `${renderInZone(zone, instant)} (${renderEt(instant)})`;
  return `${local}${advice ? " (our advice)" : projected}`;
}

/**
 * Why a step offers no Done yet, in the applicant's words: "NRMP registration for the 2028 Match
 * opens on Wed 15 Sep 2027 (projected …). Mark this step done once you have done it from then on:
 * anything done before counts for an earlier Match, not the 2028 Match." The action page, the
 * timeline and a refused POST's problem say it alike. Pure.
 */
export function doneOpensText(opens: DoneOpens, matchYear: number): string {
  const projected =
    opens.status === "projected"
      ? " (projected from earlier seasons: not confirmed in Matchpath's data)"
      : "";
  if (opens.at !== undefined)
    return `${opens.what} ${opens.verb} ${openingHour({ ...opens, at: opens.at }, projected)}: ${opens.at.why}. ${opens.at.markWhen}.`;
  return `${opens.what} ${opens.verb} on ${renderDate(opens.date)}${projected}. Mark this step done once you have done it from then on: anything done before counts for an earlier Match, not the ${matchYear} Match.`;
}

/**
 * The Match a step's Done counts for: the plan's own, or the later Match the plan is dated for when
 * its own is out of reach, since that Match's steps are planned then: a Done before
 * its window opens would be recorded for the Match out of reach, and the plan would ask for the step
 * again. Pure.
 */
export function doneCountsFor(plan: Pick<Plan, "matchYear" | "risks">): number {
  return matchYearDatedFor(plan);
}

/**
 * Why a step of a Match season that has passed takes no action, and what to do instead, in the
 * applicant's words: the action page and a refused POST's problem say it alike (seasonPassedFor).
 * Pure.
 */
export function seasonPassedText(matchYear: number): string {
  return `This step belonged to the Match ${matchYear} season, which has passed for you, so there is nothing to mark here. Nothing was changed. Your timeline's “Risks to watch” says how to plan for the ${matchYear + 1} Match.`;
}

/** A step's own window: the season date it opens with, and, for one that opens at an hour, that instant. */
interface OwnWindow {
  dateKey: SeasonDateKey;
  what: string;
  /**
   * The window opens at an instant, not on the season date's day: the instant from the calendar
   * (by default the season date's own, `calendar.dates[dateKey].at`), whether it is our advice (with its advice line, put before the season date's source), and why
   * a Done cannot come before it. Done then counts from that instant (`now` in doneOpensFor), and a
   * date from that instant's day in the applicant's zone, as the planner reads a dated done.
   */
  at?: { instant?: (calendar: SeasonCalendar) => number; advice?: string; why: string; markWhen: string };
}

/** What NRMP tells on Match Week's Monday: whether (not where) the applicant matched; nothing before. */
const MATCH_OUTCOME: OwnWindow = {
  dateKey: "nrmp_match_week_start_and_soap_start",
  what: "NRMP's Match Week notification (whether you matched)",
  at: {
    why: "NRMP tells no applicant whether they matched before it, so a Match outcome cannot be dated before it",
    markWhen: "Mark this step done once NRMP has told you",
  },
};

/**
 * Where the applicant matched, in R3 from Match Day's hour: Monday tells only whether (a Done dated
 * Monday planned a contract and visa days early). SOAP's Done counts Match Day done for a participant.
 */
const MATCH_DAY_RELEASE: OwnWindow = {
  dateKey: "nrmp_match_day",
  what: "NRMP's Match Day release (where you matched)",
  at: {
    why: "NRMP shows no applicant where they matched before it, so Match Day cannot be marked done before it",
    markWhen: "Mark this step done once R3 shows where you matched",
  },
};

/**
 * Steps with a window of their own inside their season: NRMP takes registrations, and lists, only
 * from the day each opens (the season calendar's dates, with their sources); a Done before then
 * cannot be this Match's (refusedRankList in planner/context.ts refuses such a list). SOAP's Done,
 * an accepted SOAP offer, opens at the first offer round the planner plans (firstSoapOfferRound,
 * our advice), Match Week's at Match Week's notification and Match Day's at Match Day's release
 * (MATCH_DAY_RELEASE): a Done before any of them cannot be true (planner/soap-done-before-offers.ts warns of a SOAP one).
 */
const OWN_WINDOWS: Partial<Record<MilestoneKey, OwnWindow>> = {
  nrmp_registration: { dateKey: "nrmp_applicant_registration_opens", what: "NRMP registration" },
  rank_order_list: { dateKey: "nrmp_rank_order_list_entry_opens", what: "Rank order list entry" },
  soap: {
    dateKey: "nrmp_soap_ends",
    what: "SOAP's first offer round",
    at: {
      instant: firstSoapOfferRound,
      advice: FIRST_ROUND_SOURCE,
      why: "an accepted SOAP offer cannot be dated before it",
      markWhen: "Mark SOAP done once you accept a SOAP offer in R3",
    },
  },
  match_week: MATCH_OUTCOME,
  match_day: MATCH_DAY_RELEASE,
};

/**
 * The day from which "Done" on a step can count for the calendar's Match, while `today` (the
 * applicant's local "YYYY-MM-DD") is before it; undefined when Done can count today. A step redone
 * each season from its start counts as an earlier season's work when dated on or before the
 * previous ERAS season's end (pastSeasonWork, planner/past-season.ts), so Done opens the day after;
 * a step with a window of its own (OWN_WINDOWS) opens with it. Offering Done before then would
 * answer "Recorded" for a plan that does not count it. A window that opens
 * at an hour is told in `zone` (the applicant's) and compared on its day there; given `now` (epoch
 * ms: a Done now, not a date reported), Done waits for the instant itself.
 */
export function doneOpensFor(
  milestone: MilestoneKey,
  calendar: SeasonCalendar,
  today: string,
  zone: string = ET_ZONE,
  now?: number,
): DoneOpens | undefined {
  const opens: DoneOpens[] = [];
  if (catalogEntry(milestone).redoneEachSeason?.from === "season-start") {
    const previousEnds = calendar.dates.eras_previous_season_ends;
    opens.push({
      date: localDate("UTC", wallFromDate(previousEnds.date, 0) + 86_400_000),
      what: `The ${calendar.matchYear} ERAS season`,
      verb: "begins",
      status: previousEnds.status,
      source: previousEnds.source,
    });
  }
  const own = OWN_WINDOWS[milestone];
  if (own?.at) {
    const date = calendar.dates[own.dateKey];
    const instant = own.at.instant?.(calendar) ?? date.at;
    const day = localDate(zone, instant);
    // Refused before the instant's day, or on that day before its hour when Done is now.
    if (today < day || (now !== undefined && now < instant))
      return {
        date: day,
        what: `${own.what} for the ${calendar.matchYear} Match`,
        verb: "is",
        status: date.status,
        source: own.at.advice === undefined ? date.source : `${own.at.advice}; from ${date.source}`,
        at: {
          instant,
          zone,
          advice: own.at.advice !== undefined,
          why: own.at.why,
          markWhen: own.at.markWhen,
        },
      };
  } else if (own) {
    const date = calendar.dates[own.dateKey];
    opens.push({
      date: date.date,
      what: `${own.what} for the ${calendar.matchYear} Match`,
      verb: "opens",
      status: date.status,
      source: date.source,
    });
  }
  const latest = opens.sort((left, right) => left.date.localeCompare(right.date)).at(-1);
  return latest !== undefined && today < latest.date ? latest : undefined;
}

/**
 * True for a step of a season that is over for the applicant (the plan's SEASON_OVER risk: the
 * target Match's rank order list deadline passed) whose deadline has passed and that belongs to
 * that one season (catalog `seasonBound`: application, registration, ranking). Marking it done,
 * dated or snoozed would record nothing true (Done on NRMP registration would mark its late fee
 * paid), so it offers no action; the risk tells the applicant to plan for the next Match.
 */
export function seasonPassedFor(step: Pick<NextStep, "milestone">, plan: Plan): boolean {
  if (step.milestone === "interview" || !plan.risks.some((risk) => risk.code === "SEASON_OVER")) return false;
  return (
    catalogEntry(step.milestone).seasonBound === true &&
    plan.overdue.some((overdue) => overdue.milestone === step.milestone)
  );
}
