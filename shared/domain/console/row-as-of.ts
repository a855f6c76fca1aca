import { stepCountdown } from "../display-order.ts";
import { listedInReadingOrder } from "../listed-steps.ts";
import { laterPlannedMatchYear } from "../match-year-heading.ts";
import type { Plan } from "../plan.ts";
import { SOON_WITHIN_DAYS, URGENT_WITHIN_DAYS } from "../planner/advice.ts";
import { laterDelayedStartNotices } from "../planner/start-delayed-risk.ts";
import { isInterviewStart, programZone } from "../program-time.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { Interview } from "../snapshot.ts";
import { DAY_MS, localDate } from "../time.ts";
import { stepForAdvisor } from "./advisor-voice.ts";
import { overdueForAdvisor } from "./overdue.ts";
import type { Stage } from "./stage.ts";
import { stageOf } from "./stage.ts";

/**
 * Why a cohort row is read "as of now" rather than as stored: a row is written when the applicant
 * is re-planned (intake, a reminder's wake-up, the sweep), but time alone changes a plan — a
 * deadline passes and its step turns overdue, the rank order list deadline passes and the season is
 * over — and an applicant with no reminder left is not re-planned for weeks. Re-planning the whole
 * cohort on every page view would cost one partition read per applicant; instead, when a plan is
 * stored, the planner (pure, ~40 µs a plan) is also run at each upcoming instant where time alone
 * can change the row, and the row keeps the facts that differ. The page picks the entry in force
 * at `now`: no extra reads, no writes, and the same answer the applicant page computes.
 */

/** The time-dependent part of a cohort row. */
export interface CohortFacts {
  stage: Stage;
  risks: { critical: number; warning: number; codes: string[] };
  overdue: number;
  /**
   * What the plan counts down to next, as the email and the reminders count down: the first step of the
   * timeline's reading order (listedInReadingOrder) with a date ahead, and that date
   * (stepCountdown): its target, the applicant's own date or its deadline, as `kind` says; `day`
   * (ISO date) when the date is a day (Deadline.precision "day"), shown as that day. `deadline`:
   * the step's hard deadline beside a target or own date, so it stays readable. Rows stored before
   * `kind` existed hold a deadline. `title`: a step by the advisor's name for it (stepForAdvisor;
   * rows stored before hold the applicant's title); an email, by its subject, which speaks to the
   * applicant (the cohort quotes it as what they read).
   */
  nextDeadline?: {
    title: string;
    at: string;
    status: string;
    /** Who sets the date (plan.ts DateBasis), for its label; rows stored before it have `status` alone. */
    basis?: string;
    day?: string;
    /** "email": no step has a date ahead, and this is the next email, on the day it is sent. */
    kind?: "deadline" | "own-date" | "target" | "email";
    deadline?: { at: string; status: string; basis?: string; day?: string };
    /**
     * An interview's start (or its thank-you note's day): the program's zone, in which the row
     * shows it (inProgramZone), never ET, which is neither the applicant's zone nor the program's.
     * Rows stored before it, or an interview no longer recorded, show ET.
     */
    programZone?: string;
    /**
     * The Match the date is for when it is the next one after the applicant's, whose season is over
     * (SEASON_OVER) while the plan stays dated for it: a date after that Match's residency start
     * (ECFMG certification for the next start) is the next Match's, never read under the applicant's
     * own Match. Absent for a date of the applicant's own Match.
     */
    matchYear?: number;
  };
  /**
   * The Match the plan's dates are for when it is not the one the applicant targets: theirs is out
   * of reach (MATCH_YEAR_NOT_FEASIBLE) and the plan is dated for the earliest feasible one.
   * Absent while the plan is dated for the applicant's own Match. Time alone sets
   * it (a Match falls out of reach as its deadlines pass), so it is a fact read as of now.
   */
  plannedMatchYear?: number;
}

/** Facts in force from `from` (ISO UTC) until the next entry's `from`. */
export interface CohortFactsFrom extends CohortFacts {
  from: string;
}

/** Entries kept per row (past them a re-plan, a wake-up or the sweep, refreshes it); urgency turns need 16, not 12. */
export const MAX_UPCOMING_FACTS = 16;

/** How long after a deadline its step counts as overdue in the re-run (the planner's "after"). */
const JUST_AFTER_MS = 1000;

/**
 * The cohort facts of one plan, read in the applicant's zone `zone` (the day a dated instant falls
 * on, as the timeline orders it; ET when not given), an interview's date in its program's zone from
 * `interviews` (the applicant's). Pure.
 */
export function planFacts(
  plan: Plan,
  zone = "America/New_York",
  interviews?: readonly Interview[],
): CohortFacts {
  const facts: CohortFacts = {
    stage: stageOf(plan),
    risks: {
      critical: plan.risks.filter((risk) => risk.severity === "critical").length,
      warning: plan.risks.filter((risk) => risk.severity === "warning").length,
      codes: plan.risks.map((risk) => risk.code),
    },
    overdue: overdueForAdvisor(plan).length,
  };
  const planned = laterPlannedMatchYear(plan);
  if (planned !== undefined) facts.plannedMatchYear = planned;
  let soonest: CohortFacts["nextDeadline"];
  const now = Date.parse(plan.now);
  for (const step of listedInReadingOrder(plan, zone)) {
    const countdown = stepCountdown(step, now, zone);
    if (countdown === undefined) continue;
    const counted =
      countdown.kind === "target"
        ? step.target
        : countdown.kind === "own-date"
          ? step.ownDate
          : step.deadline;
    if (counted === undefined) continue;
    soonest = { title: stepForAdvisor(step), at: counted.at, status: counted.status, kind: countdown.kind };
    if (counted.basis !== undefined && counted.basis !== counted.status) soonest.basis = counted.basis;
    // The applicant's own date is a whole day of theirs (an exam day), shown as that day, never in ET.
    if (countdown.kind === "own-date") soonest.day = countdown.day;
    else if (counted.precision === "day" && counted.day !== undefined) soonest.day = counted.day;
    // Only an interview's start is at the program; a thank-you note's day is the applicant's.
    const interviewStart = step.milestone === "interview" && isInterviewStart(counted);
    const program = interviewStart ? programZone(step.interviewId, interviews) : undefined;
    if (program !== undefined) soonest.programZone = program;
    if (countdown.kind !== "deadline" && step.deadline !== undefined) {
      soonest.deadline = { at: step.deadline.at, status: step.deadline.status };
      const basis = step.deadline.basis;
      if (basis !== undefined && basis !== step.deadline.status) soonest.deadline.basis = basis;
      if (step.deadline.precision === "day" && step.deadline.day !== undefined)
        soonest.deadline.day = step.deadline.day;
    }
    break;
  }
  // Every step's date passed (a matched applicant whose start is delayed, chased weekly): the next
  // email, on the day it is sent, so "Next date" is never "—" while emails are still to come,
  // and never a missed date read as one ahead.
  soonest ??= nextEmailDate(plan, now, zone);
  if (soonest !== undefined) {
    const nextMatch = seasonOverNextMatch(plan, soonest.at);
    if (nextMatch !== undefined) soonest.matchYear = nextMatch;
    facts.nextDeadline = soonest;
  }
  return facts;
}

/**
 * The next email still to send at or after `now` (epoch ms), as a row's next date: its title and the
 * day it is sent in `zone` (`kind` "email"), not the date it announces: for an overdue chase that is
 * the missed date, which is not what comes next. A plan lists only the current week's
 * delayed-start notice, so once it is sent the next week's is the next email (laterDelayedStartNotices).
 */
function nextEmailDate(plan: Plan, now: number, zone: string): CohortFacts["nextDeadline"] {
  let next: Plan["reminders"][number] | undefined;
  for (const reminder of plan.reminders)
    if (Date.parse(reminder.sendAt) >= now && (next === undefined || reminder.sendAt < next.sendAt))
      next = reminder;
  if (next !== undefined) {
    const at = Date.parse(next.sendAt);
    return {
      title: next.title,
      at: next.sendAt,
      status: "confirmed",
      day: localDate(zone, at),
      kind: "email",
    };
  }
  if (!plan.risks.some((risk) => risk.code === "START_DELAYED")) return undefined;
  const weekly = laterDelayedStartNotices(seasonCalendar(plan.matchYear), zone, now)[0];
  if (weekly === undefined) return undefined;
  const title =
    plan.reminders.find((reminder) => reminder.risk === "START_DELAYED")?.title ?? DELAYED_START_ROW_TITLE;
  return {
    title,
    at: new Date(weekly).toISOString(),
    status: "confirmed",
    day: localDate(zone, weekly),
    kind: "email",
  };
}

/** The row's words for a next weekly delayed-start notice whose plan lists none to take the title from. */
const DELAYED_START_ROW_TITLE = "Weekly notice: residency start delayed";

/**
 * The instants after `plan.now` where time alone may change the row (ISO UTC, ascending, distinct),
 * just after they pass: each open step's deadline and target (TARGET_PASSED), the days its urgency
 * turns, reordering the timeline (urgency.ts: 7 and 30 days before its first day to act by; an
 * interview urgent a week ahead led the page, the row kept Step 3), each season date, and Plan.riskChangesAt.
 */
export function changeInstants(plan: Plan, seasonInstants: readonly string[]): string[] {
  const instants = new Set<string>();
  const add = (iso: string) => {
    if (iso >= plan.now) instants.add(new Date(Date.parse(iso) + JUST_AFTER_MS).toISOString());
  };
  for (const step of plan.nextSteps) {
    if (step.deadline) add(step.deadline.at);
    if (step.target) add(step.target.at);
    const actBy = [step.ownDate?.at, step.target?.at, step.deadline?.at, step.startBy]
      .filter((iso): iso is string => iso !== undefined && iso >= plan.now)
      .sort()[0];
    for (const days of [URGENT_WITHIN_DAYS, SOON_WITHIN_DAYS])
      if (actBy !== undefined) add(new Date(Date.parse(actBy) - days * DAY_MS).toISOString());
  }
  for (const iso of seasonInstants) add(iso);
  for (const iso of plan.riskChangesAt ?? []) add(iso);
  return [...instants].sort();
}

/**
 * The facts at each change instant that differ from those before it, at most MAX_UPCOMING_FACTS.
 * `planAt` re-runs the planner for the same applicant at another instant. Pure given `planAt`.
 */
export function upcomingFacts(
  current: CohortFacts,
  instants: readonly string[],
  planAt: (instant: Date) => Plan,
): CohortFactsFrom[] {
  return upcomingFactsBy(current, instants, (from) => planFacts(planAt(new Date(from))));
}

/**
 * upcomingFacts with the facts at an instant (ISO UTC) given directly, so a caller can reuse the
 * facts it already computed for the same applicant and instant (cohort-look-ahead.ts). Instants
 * are visited in order and no further than needed: `factsAt` is called only until the row holds
 * MAX_UPCOMING_FACTS entries. A row whose next date is an email (kind "email") changes when that
 * email goes, an instant `instants` does not hold (it is no step's date): it is visited too, so the
 * row never names an email already sent ("Thu 8 Apr next email" on 10 Apr).
 */
export function upcomingFactsBy(
  current: CohortFacts,
  instants: readonly string[],
  factsAt: (from: string) => CohortFacts,
): CohortFactsFrom[] {
  const upcoming: CohortFactsFrom[] = [];
  let previous = JSON.stringify(current);
  let emailGone = emailGoneAt(current, "");
  let index = 0;
  while (upcoming.length < MAX_UPCOMING_FACTS) {
    const listed = instants[index];
    const from = emailGone !== undefined && (listed === undefined || emailGone < listed) ? emailGone : listed;
    if (from === undefined) break;
    if (from === listed) index++;
    const facts = factsAt(from);
    emailGone = emailGoneAt(facts, from);
    const text = JSON.stringify(facts);
    if (text === previous) continue;
    previous = text;
    upcoming.push({ from, ...facts });
  }
  return upcoming;
}

/**
 * Just after the send of the email a row counts down to (ISO UTC), when it is one sent after `from`,
 * the instant its facts were planned at; else undefined. One sent at that instant itself (a notice
 * laid at once) is not followed: planned again just after, without the ledger's mark, it would be
 * laid at once again, a second later each time.
 */
function emailGoneAt(facts: CohortFacts, from: string): string | undefined {
  const next = facts.nextDeadline;
  if (next?.kind !== "email") return undefined;
  const at = Date.parse(next.at);
  return at > Date.parse(from) || from === "" ? new Date(at + JUST_AFTER_MS).toISOString() : undefined;
}

/**
 * The row as of `now` (ISO UTC): the last upcoming entry already in force replaces the stored
 * facts, and the entries still ahead are kept. Rows without upcoming facts are returned as they are.
 */
export function rowAsOf<Row extends CohortFacts & { upcoming?: CohortFactsFrom[] }>(
  row: Row,
  now: string,
): Row {
  const upcoming = row.upcoming ?? [];
  const inForce = upcoming.filter((entry) => entry.from <= now).at(-1);
  if (inForce === undefined) return row;
  const ahead = upcoming.filter((entry) => entry.from > now);
  const { from: _from, ...facts } = inForce;
  // The optional facts go with the stored ones they were stored with: the entry in force has its own.
  const { nextDeadline: _stale, plannedMatchYear: _stalePlanned, ...rest } = row;
  const result = { ...rest, ...facts } as Row;
  if (ahead.length > 0) result.upcoming = ahead;
  else delete result.upcoming;
  return result;
}

/**
 * The next Match when the plan's own season is over (SEASON_OVER, the plan still dated for the
 * applicant's Match) and `at` (ISO UTC) falls after that Match's residency start, so cannot be for
 * it; else undefined (see CohortFacts.nextDeadline.matchYear). Pure.
 */
function seasonOverNextMatch(plan: Plan, at: string): number | undefined {
  if (laterPlannedMatchYear(plan) !== undefined || !plan.risks.some((risk) => risk.code === "SEASON_OVER"))
    return undefined;
  const start = seasonCalendar(plan.matchYear).dates.residency_start.at;
  return Date.parse(at) > start ? plan.matchYear + 1 : undefined;
}
