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

interface DeadlineSeen {
  milestone: string;
  deadline: number;
  /**
   * Ids of the rungs the first plan that named the deadline held for it. Counted by id, not by
   * send instant: a rung whose slot has passed is re-timed by every later plan to the next delivery
   * slot under the same id (the catch-up), so its instants are many while it is one notice.
   */
  rungs: Set<string>;
  firstSeen: number;
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

/** Watches every plan the use cases compute: reminder id → (milestone, deadline), per applicant. */
export class PlanObserver {
  private readonly reminders = new Map<string, Map<string, Announced>>();
  private readonly deadlines = new Map<string, Map<string, DeadlineSeen>>();

  /** The planning functions, with plan() observed. */
  wrap(planning: Planning): Planning {
    return {
      ...planning,
      plan: (state, now) => this.seen(state.profile.applicantId, planning.plan(state, now), now),
    };
  }

  seen(applicantId: string, plan: Plan, now: Date): Plan {
    let byId = this.reminders.get(applicantId);
    let byDeadline = this.deadlines.get(applicantId);
    if (!byId || !byDeadline) {
      byId = new Map();
      byDeadline = new Map();
      this.reminders.set(applicantId, byId);
      this.deadlines.set(applicantId, byDeadline);
    }
    const nowMs = now.getTime();
    for (const reminder of plan.reminders) {
      const announced: Announced = {
        milestone: reminder.milestone,
        interviewId: reminder.interviewId,
        deadline: Date.parse(reminder.deadline),
      };
      byId.set(reminder.id, announced);
      const key = deadlineKey(announced);
      let seen = byDeadline.get(key);
      if (!seen) {
        seen = {
          milestone: reminder.milestone,
          deadline: announced.deadline,
          rungs: new Set(),
          firstSeen: nowMs,
        };
        byDeadline.set(key, seen);
      }
      // The plan's reminders are all at or after its `now`; only the first plan's count.
      if (seen.firstSeen === nowMs) seen.rungs.add(reminder.id);
    }
    return plan;
  }

  forget(applicantId: string): void {
    this.reminders.delete(applicantId);
    this.deadlines.delete(applicantId);
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
    if (count > 1 && !interviewDays.has(day)) totals.multiEmailDaysOutsideInterviews += 1;
  }

  const doneAt = reportedDoneAt(applicant);
  for (const [key, seen] of observer.deadlinesOf(applicantId)) {
    // A deadline needs two notices when the first plan that named it held at least two distinct
    // rungs for it (a catch-up of a missed rung counts as one of them), it fell inside the
    // simulated season, and the milestone was still open at it.
    if (seen.rungs.size < 2 || seen.deadline > seasonEnd) continue;
    const done = doneAt.get(seen.milestone);
    if (done !== undefined && done < seen.deadline) continue;
    totals.deadlinesRequired += 1;
    const notices = noticesPerDeadline.get(key)?.size ?? 0;
    if (notices >= 2) totals.deadlinesCoveredTwice += 1;
    else totals.uncoveredByMilestone[seen.milestone] = (totals.uncoveredByMilestone[seen.milestone] ?? 0) + 1;
  }
}
