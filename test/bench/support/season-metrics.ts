import type { Plan } from "#domain/plan.ts";
import type { Planning } from "#usecases/planning.ts";
import type { SimApplicant } from "./season.ts";

/**
 * What the season did to each applicant, judged from the reminder ledger (one email = one message
 * id) and from the plans the pipeline computed (which deadlines each reminder announced), so the
 * same measures apply to the local-stack run and the in-memory run.
 */

export interface SentReminder {
  reminderId: string;
  messageId: string;
  sentAt: number;
}

export interface DeadlineSeen {
  milestone: string;
  deadline: number;
  /**
   * Ids of the rungs the first plan that named the deadline held for it. Counted by id, not by
   * send instant: a rung whose slot has passed is re-timed by every later plan to the next delivery
   * slot under the same id (the catch-up), so its instants are many while it is one notice.
   */
  rungs: Set<string>;
  firstSeen: number;
  /**
   * When a plan made before the deadline stopped naming it because the season was re-planned
   * (MATCH_YEAR_NOT_FEASIBLE: the early steps and the season's own steps
   * dated for the earliest feasible Match); undefined while it is named, and cleared if a
   * later plan names it again.
   */
  replannedAt?: number;
  /** The instant of the last plan that named it. */
  lastNamed: number;
}

/** What one notice announces: a milestone's deadline, or one interview's (prep or thank-you). */
type Announced = { milestone: string; interviewId: string | undefined; deadline: number };

/**
 * Interviews share the milestone "interview", so the interview id is part of the key: one
 * interview's thank-you deadline (start + 48 h) is another's start when they are two days apart
 * at the same hour.
 */
function deadlineKey(announced: Announced): string {
  return `${announced.milestone}|${announced.interviewId ?? ""}|${announced.deadline}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function localDay(zone: string, ms: number): string {
  let format = dayFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(zone, format);
  }
  return format.format(ms);
}

/**
 * Watches every plan the use cases act on: reminder id → (milestone, deadline), per applicant.
 *
 * Given the simulated clock, it ignores plans made for an instant after it: the console's cohort
 * row re-runs the planner at each future instant where time alone changes the row (see
 * `upcomingFacts`), and those look-ahead plans announce nothing. Counting them named deadlines
 * "first" from a future that had not happened (a late NRMP ladder seen on the day an out-of-reach
 * season was re-planned), and set the rungs a deadline was held to from a hypothetical plan.
 */
export class PlanObserver {
  private readonly reminders = new Map<string, Map<string, Announced>>();
  private readonly deadlines = new Map<string, Map<string, DeadlineSeen>>();
  /** Each applicant's last observed plan instant. */
  private readonly lastPlanAt = new Map<string, number>();

  constructor(private readonly clockNow?: () => number) {}

  /** The planning functions, with plan() observed. */
  wrap(planning: Planning): Planning {
    return {
      ...planning,
      plan: (state, now) => this.seen(state.profile.applicantId, planning.plan(state, now), now),
    };
  }

  seen(applicantId: string, plan: Plan, now: Date): Plan {
    if (this.clockNow !== undefined && now.getTime() > this.clockNow()) return plan;
    let byId = this.reminders.get(applicantId);
    let byDeadline = this.deadlines.get(applicantId);
    if (!byId || !byDeadline) {
      byId = new Map();
      byDeadline = new Map();
      this.reminders.set(applicantId, byId);
      this.deadlines.set(applicantId, byDeadline);
    }
    const nowMs = now.getTime();
    const named = new Set<string>();
    for (const reminder of plan.reminders) {
      const announced: Announced = {
        milestone: reminder.milestone,
        interviewId: reminder.interviewId,
        deadline: Date.parse(reminder.deadline),
      };
      byId.set(reminder.id, announced);
      const key = deadlineKey(announced);
      named.add(key);
      let seen = byDeadline.get(key);
      if (!seen) {
        seen = {
          milestone: reminder.milestone,
          deadline: announced.deadline,
          rungs: new Set(),
          firstSeen: nowMs,
          lastNamed: nowMs,
        };
        byDeadline.set(key, seen);
      }
      // The plan's reminders are all at or after its `now`; only the first plan's count.
      if (seen.firstSeen === nowMs) seen.rungs.add(reminder.id);
      seen.replannedAt = undefined;
      seen.lastNamed = nowMs;
    }
    // Dropped by this plan (named by the one before it) while the season is re-planned.
    const previous = this.lastPlanAt.get(applicantId);
    if (plan.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")) {
      for (const [key, seen] of byDeadline) {
        if (named.has(key) || seen.lastNamed !== previous || nowMs >= seen.deadline) continue;
        seen.replannedAt ??= nowMs;
      }
    }
    this.lastPlanAt.set(applicantId, nowMs);
    return plan;
  }

  /** Called for each required deadline left with fewer than two notices (the diagnostic overrides it). */
  shortfall(
    _applicant: SimApplicant,
    _applicantId: string,
    _key: string,
    _seen: DeadlineSeen,
    _notices: number,
  ): void {}

  /** Called for each applicant-day with more than one email outside interviews (the diagnostic overrides it). */
  multiEmailDay(
    _applicant: SimApplicant,
    _applicantId: string,
    _day: string,
    _sent: readonly SentReminder[],
  ): void {}

  forget(applicantId: string): void {
    this.reminders.delete(applicantId);
    this.deadlines.delete(applicantId);
    this.lastPlanAt.delete(applicantId);
  }

  reminder(applicantId: string, reminderId: string): Announced | undefined {
    return this.reminders.get(applicantId)?.get(reminderId);
  }

  deadlinesOf(applicantId: string): Iterable<[key: string, seen: DeadlineSeen]> {
    return this.deadlines.get(applicantId)?.entries() ?? [];
  }
}

export interface SeasonTotals {
  applicants: number;
  emails: number;
  maxEmails: number;
  maxInOneDay: number;
  /** Applicant-days with more than one email that are not one of the applicant's interview days. */
  multiEmailDaysOutsideInterviews: number;
  remindersSent: number;
  noticesAfterDeadline: number;
  deadlinesRequired: number;
  deadlinesCoveredTwice: number;
  /** Required deadlines with fewer than two notices, by milestone (for the note). */
  uncoveredByMilestone: Record<string, number>;
  /** Deadlines left unrequired because the season was re-planned before them, by milestone. */
  replannedByMilestone: Record<string, number>;
}

export function emptyTotals(): SeasonTotals {
  return {
    applicants: 0,
    emails: 0,
    maxEmails: 0,
    maxInOneDay: 0,
    multiEmailDaysOutsideInterviews: 0,
    remindersSent: 0,
    noticesAfterDeadline: 0,
    deadlinesRequired: 0,
    deadlinesCoveredTwice: 0,
    uncoveredByMilestone: {},
    replannedByMilestone: {},
  };
}

/**
 * When the applicant first told us each milestone was done (or waived): the script's `doneAt`, or
 * earlier when an event reported it first (interview invitations re-send `eras_application: done`,
 * and can arrive before the script's own completion date). The planner stops reminding from then.
 */
function reportedDoneAt(applicant: SimApplicant): Map<string, number> {
  const done = new Map<string, number>(Object.entries(applicant.doneAt));
  for (const event of applicant.events) {
    for (const entry of event.submission.milestones ?? []) {
      if (entry.status !== "done" && entry.status !== "waived") continue;
      const known = done.get(entry.key);
      if (known === undefined || event.at < known) done.set(entry.key, event.at);
    }
  }
  return done;
}

/** Folds one applicant's season into the totals. `seasonEnd` bounds deadlines the run could cover. */
export function scoreApplicant(
  totals: SeasonTotals,
  applicant: SimApplicant,
  applicantId: string,
  sent: readonly SentReminder[],
  observer: PlanObserver,
  seasonEnd: number,
): void {
  totals.applicants += 1;
  const emails = new Map<string, number>();
  const noticesPerDeadline = new Map<string, Set<string>>();
  for (const entry of sent) {
    emails.set(entry.messageId, entry.sentAt);
    totals.remindersSent += 1;
    const reminder = observer.reminder(applicantId, entry.reminderId);
    if (!reminder) continue;
    if (entry.sentAt >= reminder.deadline) totals.noticesAfterDeadline += 1;
    const key = deadlineKey(reminder);
    const notices = noticesPerDeadline.get(key) ?? new Set<string>();
    notices.add(entry.messageId);
    noticesPerDeadline.set(key, notices);
  }
  totals.emails += emails.size;
  totals.maxEmails = Math.max(totals.maxEmails, emails.size);

  const interviewDays = new Set<string>();
  for (const event of applicant.events) {
    for (const interview of event.submission.interviews ?? []) {
      if (!("startsAt" in interview)) continue;
      const start = Date.parse(interview.startsAt);
      // The interview day and the day after (thank-you notes) in the applicant's own zone.
      interviewDays.add(localDay(applicant.zone, start));
      interviewDays.add(localDay(applicant.zone, start + 86_400_000));
    }
  }
  const perDay = new Map<string, number>();
  for (const at of emails.values()) {
    const day = localDay(applicant.zone, at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  for (const [day, count] of perDay) {
    totals.maxInOneDay = Math.max(totals.maxInOneDay, count);
    if (count > 1 && !interviewDays.has(day)) {
      totals.multiEmailDaysOutsideInterviews += 1;
      observer.multiEmailDay(applicant, applicantId, day, sent);
    }
  }

  const doneAt = reportedDoneAt(applicant);
  for (const [key, seen] of observer.deadlinesOf(applicantId)) {
    // A deadline needs two notices when the first plan that named it held at least two distinct
    // rungs for it (a catch-up of a missed rung counts as one of them), it fell inside the
    // simulated season, the milestone was still open at it, and no plan before it dropped it by
    // re-planning the season (the planner's contract: with the Match out of reach, the steps are
    // dated for the earliest feasible Match, the season's own ones included, which are new
    // deadlines). A re-planned deadline that got its two notices
    // anyway still counts as required and covered.
    if (seen.rungs.size < 2 || seen.deadline > seasonEnd) continue;
    const done = doneAt.get(seen.milestone);
    if (done !== undefined && done < seen.deadline) continue;
    const notices = noticesPerDeadline.get(key)?.size ?? 0;
    if (notices < 2 && seen.replannedAt !== undefined) {
      totals.replannedByMilestone[seen.milestone] = (totals.replannedByMilestone[seen.milestone] ?? 0) + 1;
      continue;
    }
    totals.deadlinesRequired += 1;
    if (notices >= 2) totals.deadlinesCoveredTwice += 1;
    else {
      totals.uncoveredByMilestone[seen.milestone] = (totals.uncoveredByMilestone[seen.milestone] ?? 0) + 1;
      observer.shortfall(applicant, applicantId, key, seen, notices);
    }
  }
}
