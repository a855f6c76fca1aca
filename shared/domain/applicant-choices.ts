import { catalogEntry } from "./catalog/index.ts";
import type { NextStep, Plan, Reminder, StepSubject } from "./plan.ts";
import { type SeasonCalendar, type SeasonDateKey, seasonCalendar } from "./seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";
import type { StepAction } from "./step-actions.ts";
import { localDate, renderDate, startOfLocalDate, wallFromDate } from "./time.ts";

/**
 * What the applicant chose from an email or the timeline page (issue 14), applied to a plan:
 * which one-tap actions a step offers, and snoozes. Pure: the caller passes the plan and the
 * applicant's milestones; nothing here reads a clock.
 */

/** The words on each action's button, in the reminder email and on the timeline page alike. */
export const ACTION_LABELS: Readonly<Record<StepAction, string>> = {
  done: "Done",
  schedule: "Scheduled for…",
  snooze: "Snooze",
  waive: "Not for me",
};

/** Snooze lengths offered, in days: "a few days", each capped at the deadline's last rung. */
export const SNOOZE_DAYS = [2, 4, 7] as const;

/**
 * The actions a next step offers: those its catalog entry lists (`stepActions`: "Scheduled for…"
 * only on a step whose day the applicant books, "Not for me" only where the step may be skipped),
 * "snooze" only while a reminder it would quiet falls within one of its lengths (snoozeOptions).
 * Interviews take none (their
 * dates come from the program). Done only where it can be recorded today, on the applicant's day
 * in `zone`: once its window has opened (doneOpensFor) and, for an exam, once the day booked in
 * `recorded` (the applicant's milestones) has come (bookedDayAhead, the rule the action link
 * applies), so the email, the timeline and the action page agree (tester s10 issue 14: the
 * reminder 14 days before Step 2 CK put Done first, and its link then refused).
 */
export function actionsFor(
  step: Pick<NextStep, "milestone">,
  plan: Plan,
  zone: string,
  recorded: readonly Pick<MilestoneEntry, "key" | "status" | "date">[],
): StepAction[] {
  if (step.milestone === "interview" || seasonPassedFor(step, plan)) return [];
  const milestone = step.milestone;
  const today = localDate(zone, Date.parse(plan.now));
  const doneNow =
    doneOpensFor(milestone, seasonCalendar(plan.matchYear), today) === undefined &&
    bookedDayAhead(
      milestone,
      recorded.find((entry) => entry.key === milestone),
      today,
    ) === undefined;
  return catalogEntry(milestone).stepActions.filter(
    (action) =>
      (action !== "done" || doneNow) &&
      (action !== "snooze" || snoozeOptions(plan, milestone, today, zone).length > 0),
  );
}

/**
 * The day the applicant booked for a step whose day they book (catalog `stepActions` with
 * "schedule": the USMLE and OET sittings) while it is still after `today` (the applicant's local
 * "YYYY-MM-DD"). Done before the sitting cannot be a pass (tester s10 issue 14 B2: a Done weeks
 * before Step 2 CK was stored as passed that day), so an action link records none and offers
 * Scheduled for… in case the day moved. Undefined with no day booked, or once that day has come.
 */
export function bookedDayAhead(
  milestone: MilestoneKey,
  recorded: Pick<MilestoneEntry, "status" | "date"> | undefined,
  today: string,
): string | undefined {
  if (!catalogEntry(milestone).stepActions.includes("schedule")) return undefined;
  if (recorded?.status !== "scheduled" || recorded.date === undefined) return undefined;
  const day = recorded.date.slice(0, 10);
  return day > today ? day : undefined;
}

/** A one-tap action a step does not offer now, in the applicant's words (tester s10 issue 14 C4). */
export function unavailableActionText(action: StepAction, title: string): string {
  return `“${ACTION_LABELS[action]}” is not a choice for “${title}” now`;
}

/** When Done on a step can first count for the applicant's Match (doneOpensFor). */
export interface DoneOpens {
  /** The applicant's first day ("YYYY-MM-DD", compared with the season's ET day) Done counts. */
  date: string;
  /** What opens that day, e.g. "NRMP registration for the 2028 Match". */
  what: string;
  verb: "opens" | "begins";
  status: "confirmed" | "projected";
  /** The season date's source URL, or the rule that projected it. */
  source: string;
}

/**
 * Why a step offers no Done yet, in the applicant's words: "NRMP registration for the 2028 Match
 * opens on Wed 15 Sep 2027 (projected …). Mark this step done once you have done it from then on:
 * anything done before counts for an earlier Match, not the 2028 Match." The action page, the
 * timeline and a refused POST's problem say it alike. Pure.
 */
export function doneOpensText(opens: DoneOpens, matchYear: number): string {
  const projected =
    opens.status === "projected" ? " (projected from earlier seasons: not published yet)" : "";
  return `${opens.what} ${opens.verb} on ${renderDate(opens.date)}${projected}. Mark this step done once you have done it from then on: anything done before counts for an earlier Match, not the ${matchYear} Match.`;
}

/**
 * Why a step of a Match season that has passed takes no action, and what to do instead, in the
 * applicant's words: the action page and a refused POST's problem say it alike (seasonPassedFor).
 * Pure.
 */
export function seasonPassedText(matchYear: number): string {
  return `This step belonged to the Match ${matchYear} season, which has passed for you, so there is nothing to mark here. Nothing was changed. Your timeline's “Risks to watch” says how to plan for the ${matchYear + 1} Match.`;
}

/**
 * Steps with a window of their own inside their season: NRMP takes registrations, and lists, only
 * from the day each opens (the season calendar's dates, with their sources); a Done before then
 * cannot be this Match's (refusedRankList in planner/context.ts refuses such a list).
 */
const OWN_WINDOWS: Partial<Record<MilestoneKey, { dateKey: SeasonDateKey; what: string }>> = {
  nrmp_registration: { dateKey: "nrmp_applicant_registration_opens", what: "NRMP registration" },
  rank_order_list: { dateKey: "nrmp_rank_order_list_entry_opens", what: "Rank order list entry" },
};

/**
 * The day from which "Done" on a step can count for the calendar's Match, while `today` (the
 * applicant's local "YYYY-MM-DD") is before it; undefined when Done can count today. A step redone
 * each season from its start counts as an earlier season's work when dated on or before the
 * previous ERAS season's end (pastSeasonWork, planner/past-season.ts), so Done opens the day after;
 * a step with a window of its own (OWN_WINDOWS) opens with it. Offering Done before then would
 * answer "Recorded" for a plan that does not count it (tester s8 issue 14 A2).
 */
export function doneOpensFor(
  milestone: MilestoneKey,
  calendar: SeasonCalendar,
  today: string,
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
  if (own) {
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

function remindersOf(plan: Plan, milestone: StepSubject): Reminder[] {
  return plan.reminders
    .filter((reminder) => reminder.milestone === milestone && reminder.interviewId === undefined)
    .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt));
}

/**
 * The latest date (the applicant's local "YYYY-MM-DD") a snooze of this step may reach: the day of
 * the last reminder before the step's nearest deadline, which a snooze never silences. Undefined
 * when no reminder is left before that last one (nothing to snooze).
 */
export function snoozeLimit(plan: Plan, milestone: MilestoneKey, zone?: string): string | undefined {
  const reminders = remindersOf(plan, milestone).filter(
    (reminder) => Date.parse(reminder.sendAt) > Date.parse(plan.now),
  );
  const last = lastRungs(reminders).values().next().value;
  if (last === undefined) return undefined;
  const quietable = reminders.filter((reminder) => reminder.deadline === last.deadline && reminder !== last);
  if (quietable.length === 0) return undefined;
  return zone ? localDate(zone, Date.parse(last.sendAt)) : last.sendAtLocal.slice(0, 10);
}

/** The last rung (latest sendAt) of each deadline: never silenced by a snooze. */
function lastRungs(reminders: readonly Reminder[]): Set<Reminder> {
  const byDeadline = new Map<string, Reminder>();
  for (const reminder of reminders) {
    const known = byDeadline.get(reminder.deadline);
    if (!known || Date.parse(reminder.sendAt) > Date.parse(known.sendAt))
      byDeadline.set(reminder.deadline, reminder);
  }
  return new Set(
    [...byDeadline.values()].sort((left, right) => Date.parse(left.deadline) - Date.parse(right.deadline)),
  );
}

/**
 * The date a snooze of `days` from `today` (local "YYYY-MM-DD") ends, capped at the step's snooze
 * limit. Undefined when the step cannot be snoozed.
 */
export function snoozeUntil(
  plan: Plan,
  milestone: MilestoneKey,
  today: string,
  days: number,
  zone: string,
): string | undefined {
  const limit = snoozeLimit(plan, milestone, zone);
  if (limit === undefined) return undefined;
  const wanted = localDate(zone, startOfLocalDate(zone, today) + (days * 24 + 12) * 3_600_000);
  return [wanted, limit].sort()[0];
}

/** One snooze length offered: the days, the local date it ends on, and whether that is the last reminder's day. */
export interface SnoozeOption {
  days: number;
  until: string;
  lastReminder?: true;
}

/**
 * The snooze lengths worth offering on `today` (the applicant's local "YYYY-MM-DD"): each of
 * SNOOZE_DAYS with the date it would end on (snoozeUntil, capped at the last rung: `lastReminder`
 * then), once per end date, and only when a reminder it silences (applySnoozes: one still to come,
 * not a deadline's last rung) is sent before that date. Empty: a snooze would silence nothing, so
 * none is offered (tester s10 issue 14d C2: a 7-day snooze was offered and "recorded" on letters
 * whose next reminder was three months away).
 */
export function snoozeOptions(
  plan: Plan,
  milestone: MilestoneKey,
  today: string,
  zone: string,
): SnoozeOption[] {
  const limit = snoozeLimit(plan, milestone, zone);
  const options: SnoozeOption[] = [];
  for (const days of SNOOZE_DAYS) {
    const until = snoozeUntil(plan, milestone, today, days, zone);
    if (until === undefined || options.some((option) => option.until === until)) continue;
    if (silencedBefore(plan, milestone, until, zone).length === 0) continue;
    options.push({ days, until, ...(until === limit ? { lastReminder: true as const } : {}) });
  }
  return options;
}

/** The step's reminders still to come that a snooze ending on `until` silences (as applySnoozes does). */
function silencedBefore(plan: Plan, milestone: MilestoneKey, until: string, zone: string): Reminder[] {
  const ends = startOfLocalDate(zone, until);
  const reminders = remindersOf(plan, milestone);
  const last = lastRungs(reminders);
  const now = Date.parse(plan.now);
  return reminders.filter((reminder) => {
    const at = Date.parse(reminder.sendAt);
    return at > now && at < ends && !last.has(reminder);
  });
}

/**
 * Why a snooze of the step silences nothing, in the applicant's words: with `days`, a length a
 * link asked for ("Nothing to snooze in 2 days: … before Wed 10 Jun 2026"); without, the longest.
 * Names the step's next reminder, or says it is the last before the deadline, which always comes.
 */
export function nothingToSnoozeText(
  plan: Plan,
  milestone: MilestoneKey,
  zone: string,
  title: string,
  days?: number,
): string {
  const now = Date.parse(plan.now);
  const reminders = remindersOf(plan, milestone);
  const next = reminders.find((reminder) => Date.parse(reminder.sendAt) > now);
  const nextWords = next && renderDate(localDate(zone, Date.parse(next.sendAt)));
  if (next === undefined) return `Nothing to snooze: no reminder about “${title}” is planned`;
  if (lastRungs(reminders).has(next) && snoozeLimit(plan, milestone, zone) === undefined)
    return `Nothing to snooze: the next reminder about “${title}”, on ${nextWords}, is the last before its deadline, which always comes`;
  const longest = SNOOZE_DAYS[SNOOZE_DAYS.length - 1];
  if (days === undefined)
    return `Nothing to snooze: no reminder about “${title}” is due in the next ${longest} days; the next one comes on ${nextWords}`;
  const today = localDate(zone, now);
  const until = localDate(zone, startOfLocalDate(zone, today) + (days * 24 + 12) * 3_600_000);
  return `Nothing to snooze in ${days} days: no reminder about “${title}” is due before ${renderDate(until)}; the next one comes on ${nextWords}`;
}

/**
 * Drops the reminders a snooze silences: those of a snoozed milestone sent before the snooze's
 * end (local midnight starting `snoozedUntil`), except each deadline's last rung.
 */
export function applySnoozes(plan: Plan, milestones: readonly MilestoneEntry[], zone: string): Plan {
  const snoozed = new Map(
    milestones.flatMap((entry) => (entry.snoozedUntil ? [[entry.key, entry.snoozedUntil] as const] : [])),
  );
  if (snoozed.size === 0) return plan;
  const kept = new Set<Reminder>();
  for (const [milestone, until] of snoozed) {
    const ends = startOfLocalDate(zone, until);
    const reminders = remindersOf(plan, milestone);
    const last = lastRungs(reminders);
    for (const reminder of reminders) {
      if (last.has(reminder) || Date.parse(reminder.sendAt) >= ends) kept.add(reminder);
    }
  }
  return {
    ...plan,
    reminders: plan.reminders.filter(
      (reminder) =>
        reminder.milestone === "interview" || !snoozed.has(reminder.milestone) || kept.has(reminder),
    ),
  };
}
