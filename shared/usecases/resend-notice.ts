import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan, StepSubject } from "#domain/plan.ts";
import { noticeOfPassedMatch, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderDate } from "#domain/time.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { audit, authorizedApplicant, type ConsoleDeps } from "./console.ts";
import { ESCALATION_ID_PREFIX } from "./escalation.ts";
import { FRESH_LINKS_ID_PREFIX } from "./fresh-links-id.ts";
import { lastEmailOf, type Planning } from "./planning.ts";
import { RESEND_ID_PREFIX } from "./resend-id.ts";
import { CLAIM_STALE_AFTER_MS } from "./send-due-reminders/claims.ts";
import { type ReminderMessageDeps, sendReminderMessage } from "./send-due-reminders/reminder-message.ts";

export interface ResendDeps extends ConsoleDeps, ReminderMessageDeps {
  ledger: ReminderLedger;
  suppression: Pick<SuppressionList, "isSuppressed" | "suppressionReason" | "suppressedSince">;
  planning: Planning;
}

export type ResendOutcome =
  /** One email went out again, with today's text for the reminders the notice held. */
  | { outcome: "resent"; messageId: string; resentMessageId: string; reminderIds: string[] }
  /** This notice was resent already (or is being resent): nothing sent twice. */
  | { outcome: "already-resent"; resentMessageId: string }
  /** Nothing sent, and why, in words for the advisor. */
  | { outcome: "refused"; reason: string };

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

/**
 * "Resend the latest notice" from the console: the applicant's latest reminder email, sent again
 * through the reminders' own path (sendReminderMessage: the same template, unsubscribe header,
 * signed links and interview invites), with today's plan text for the reminders it held whose
 * deadline is still ahead. Refused, with the reason, when the applicant unsubscribed, the address is
 * suppressed (bounce or complaint), reminders are paused, or nothing is left to resend. Idempotent:
 * the resend is claimed in the ledger as `resend:<message id>` before sending, so a double click or
 * a retried request sends once; a send that fails gives the claim back. Audited as `notice.resend`.
 */
export async function resendLatestNotice(
  principal: Principal,
  applicantId: string,
  deps: ResendDeps,
): Promise<ResendOutcome> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const { profile } = state;
  const refused = (reason: string): ResendOutcome => ({ outcome: "refused", reason });
  if (profile.unsubscribedAt !== undefined) return refused("the applicant unsubscribed from reminders");
  if (profile.remindersPausedAt !== undefined) return refused("reminders are paused; resume them first");
  if (await deps.suppression.isSuppressed(profile.email))
    return refused("the address is suppressed after a bounce or a complaint");
  const latest = latestNotice(state);
  if (latest === undefined) return refused("no reminder email has been sent yet");

  const now = deps.clock.now();
  const plan = deps.planning.plan(state, now);
  const held = new Set(latest.reminderIds);
  const ahead = plan.reminders.filter(
    (reminder) => held.has(reminder.id) && Date.parse(reminder.deadline) > now.getTime(),
  );
  // The out-of-reach notice's deadline is the feasible Match's; its words are the target Match's.
  const reminders = ahead.filter((reminder) => !noticeOfPassedMatch(reminder, plan.matchYear, now.getTime()));
  if (reminders.length === 0)
    return refused(
      ahead.length > 0
        ? aboutAnotherMatch(plan.matchYear, plan, now)
        : nothingLeftBecause(state, plan, latest.reminderIds, now),
    );

  const resendId = `${RESEND_ID_PREFIX}${latest.messageId}`;
  const claimed = await deps.ledger.claimReminders(applicantId, [resendId], now, CLAIM_STALE_AFTER_MS);
  if (claimed.length === 0) return { outcome: "already-resent", resentMessageId: latest.messageId };
  const sent = await sendReminderMessage(applicantId, state, plan, reminders, {
    ...deps,
    ledger: { releaseClaims: (id, ids) => deps.ledger.releaseClaims(id, [...ids, resendId]) },
  });
  if ("failure" in sent) throw sent.failure;
  await deps.ledger.markRemindersSent(applicantId, [resendId], sent.messageId, deps.clock.now());
  // The cohort row is written with each plan, and a resend writes none: its last email is this
  // one, with SES's report if it is in the ledger already (tester s11 issue 15e B2), or lands
  // while the row is written (the store checks the resend's entry; issue 15).
  const after = await deps.applicants.loadApplicant(applicantId);
  const lastEmail = after === undefined ? undefined : lastEmailOf(after);
  if (lastEmail?.messageId === sent.messageId)
    await deps.console.recordLastEmail(applicantId, lastEmail, resendId);
  const reminderIds = reminders.map((reminder) => reminder.id);
  await audit(principal, applicantId, "notice.resend", deps, {
    before: { messageId: latest.messageId },
    after: { messageId: sent.messageId, reminderIds },
  });
  return { outcome: "resent", messageId: sent.messageId, resentMessageId: latest.messageId, reminderIds };
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
 * applicant's own date it counted down to has come (a booked exam's day: the step stays open;
 * tester s11 issue 15e B3, where "done or past its deadline" was said of an exam sat that day),
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
    // The out-of-reach notice is filed under a step, but its words are about a Match (tester s12
    // issue 15f B1: "the deadline of ECFMG Pathway has passed" after a switch to the next Match).
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
