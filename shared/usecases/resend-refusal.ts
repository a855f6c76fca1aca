import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan, Reminder, StepSubject } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { noticeOfPassedMatch } from "#domain/planner/notice-of-passed-match.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderDate } from "#domain/time.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { ESCALATION_ID_PREFIX } from "./escalation.ts";
import { FRESH_LINKS_ID_PREFIX } from "./fresh-links-id.ts";
import { RESEND_ID_PREFIX } from "./resend-id.ts";

/**
 * Whether "Resend the latest notice" can send, and what: the one rule the POST follows
 * (resendLatestNotice) and the applicant page asks before offering the button
 * (the page offered "It is sent now" where the POST then refused). No I/O and nothing
 * sent: the caller passes the plan (the reminders' own planning) and whether the address is on the
 * suppression list.
 */
/** The latest email the applicant got from their reminders: its message id and the reminders it held. */
export function latestNotice(
  state: ApplicantState,
): { messageId: string; reminderIds: string[] } | undefined {
  let latest: { messageId: string; sentAt: string; reminderIds: string[] } | undefined;
  for (const entry of state.ledger) {
    if (entry.status !== "sent" || entry.messageId === undefined || entry.sentAt === undefined) continue;
    // Not a reminder email: an advisor's escalation, a resend, or fresh links the applicant asked for.
    if (
      [ESCALATION_ID_PREFIX, RESEND_ID_PREFIX, FRESH_LINKS_ID_PREFIX].some((p) =>
        entry.reminderId.startsWith(p),
      )
    )
      continue;
    if (latest?.messageId === entry.messageId) latest.reminderIds.push(entry.reminderId);
    else if (latest === undefined || entry.sentAt > latest.sentAt)
      latest = { messageId: entry.messageId, sentAt: entry.sentAt, reminderIds: [entry.reminderId] };
  }
  return latest && { messageId: latest.messageId, reminderIds: latest.reminderIds };
}

/** What resendDecision found: why nothing is sent, or the notice and the reminders it resends. */
export type ResendDecision =
  | { refused: string }
  | { latest: { messageId: string; reminderIds: string[] }; plan: Plan; reminders: Reminder[] };

/**
 * Refused, with the reason in the advisor's words, when the applicant unsubscribed, reminders are
 * paused, the address is suppressed (bounce or complaint), no reminder email was sent yet, or none
 * of the reminders the latest one held is still ahead (each reason from nothingLeftBecause; the
 * out-of-reach notice of a Match that is over or no longer the target counts as past). Otherwise
 * the latest notice and the reminders, with today's text, that a resend sends. Pure.
 */
export function resendDecision(
  state: ApplicantState,
  plan: Plan,
  suppressed: boolean,
  now: Date,
): ResendDecision {
  const { profile } = state;
  if (profile.unsubscribedAt !== undefined) return { refused: "the applicant unsubscribed from reminders" };
  if (profile.remindersPausedAt !== undefined) return { refused: "reminders are paused; resume them first" };
  if (suppressed) return { refused: "the address is suppressed after a bounce or a complaint" };
  const latest = latestNotice(state);
  if (latest === undefined) return { refused: "no reminder email has been sent yet" };
  const held = new Set(latest.reminderIds);
  const ahead = plan.reminders.filter(
    (reminder) => held.has(reminder.id) && Date.parse(reminder.deadline) > now.getTime(),
  );
  // The out-of-reach notice's deadline is the feasible Match's; its words are the target Match's.
  const reminders = ahead.filter((reminder) => !noticeOfPassedMatch(reminder, plan.matchYear, now.getTime()));
  if (reminders.length === 0)
    return {
      refused:
        ahead.length > 0
          ? aboutAnotherMatch(plan.matchYear, plan, now)
          : nothingLeftBecause(state, plan, latest.reminderIds, now),
    };
  return { latest, plan, reminders };
}

/**
 * Why an out-of-reach notice about the `year` Match is not resent: that Match's rank order list
 * deadline has passed (the Match is over), the plan now targets another Match, or no longer finds
 * it out of reach. Its advice (pay no fee for that Match) is about that Match only.
 */
function aboutAnotherMatch(year: number, plan: Plan, now: Date): string {
  const deadline = seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline;
  if (now.getTime() > deadline.at)
    return `that email was about the ${year} Match, whose rank order list deadline (${renderDate(deadline.date)}) has passed: its advice is no longer current`;
  if (year === plan.matchYear)
    return `that email said the ${year} Match was out of reach, which the plan no longer finds: its advice is no longer current`;
  return `that email was about the ${year} Match; the plan is now for the ${plan.matchYear} Match, so its advice is no longer current`;
}

/**
 * Why none of the reminders a notice held is left to resend, step by step: done (or waived), the
 * applicant's own date it counted down to has come (a booked exam's day: the step stays open, so
 * "done or past its deadline" would be untrue of an exam sat that day),
 * the target it aimed at has passed, or the deadline has.
 */
function nothingLeftBecause(
  state: ApplicantState,
  plan: Plan,
  reminderIds: readonly string[],
  now: Date,
): string {
  const reasons = new Set<string>();
  for (const id of reminderIds) {
    const planned = plan.reminders.find((reminder) => reminder.id === id);
    const stored = state.ledger.find((entry) => entry.reminderId === id)?.subject;
    const subject = planned ?? stored;
    if (subject === undefined) {
      reasons.add("the steps that email was about are no longer planned");
      continue;
    }
    const milestone = subject.milestone as StepSubject;
    const step = stepForAdvisor({ milestone, title: subject.title });
    const entry = state.milestones.find((stored) => stored.key === milestone);
    const road = [...plan.nextSteps, ...plan.overdue].find((open) => open.milestone === milestone);
    const ownDateCame =
      planned?.countsDownTo === "own-date" ||
      (road?.ownDate !== undefined && Date.parse(road.ownDate.at) <= now.getTime());
    // The out-of-reach notice is filed under a step, but its words are about a Match
    // ("the deadline of ECFMG Pathway has passed" after a switch to the next Match).
    if (subject.rung === OUT_OF_REACH_RUNG)
      reasons.add(
        aboutAnotherMatch(planned ? plan.matchYear : (stored?.matchYear ?? plan.matchYear), plan, now),
      );
    else if (entry?.status === "done" || entry?.status === "waived")
      reasons.add(`${step} is ${entry.status === "done" ? "done" : "waived"}`);
    else if (ownDateCame)
      reasons.add(
        `the exam day (their own date) that email counted down to has come for ${step}: the countdown is over, the step itself stays open until they report it`,
      );
    else if (planned?.countsDownTo === "target")
      reasons.add(`the target date that email aimed at for ${step} has passed`);
    else reasons.add(`the deadline of ${step} has passed`);
  }
  return [...reasons].join("; ");
}
