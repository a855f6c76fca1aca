import {
  actionsFor,
  type DoneOpens,
  doneCountsFor,
  doneOpensFor,
  seasonPassedFor,
  unavailableActionText,
} from "#domain/applicant-choices.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import { bookedDayAhead } from "#domain/exam-booking.ts";
import {
  conflictWayOut,
  decidedBeside,
  matchedWayOut,
  supersededAnswerText,
} from "#domain/match-week-answers.ts";
import { matchYearDatedFor } from "#domain/match-year-heading.ts";
import { offTrackActionText } from "#domain/off-track-action.ts";
import type { Plan } from "#domain/plan.ts";
import { waiveOpensFor } from "#domain/planner/soap-waive-window.ts";
import { countedAnswer } from "#domain/planner/uncounted-answer.ts";
import { scheduledReminders } from "#domain/scheduled-reminders.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneUpdate } from "#domain/snapshot.ts";
import {
  nothingToSnoozeText,
  type SnoozeOption,
  snoozeOptions as snoozeOptionsFor,
} from "#domain/snoozes.ts";
import { alreadyAnswered } from "#domain/step-actions.ts";
import { localDate } from "#domain/time.ts";
import { ConcurrentChangeError } from "#errors";
import { type ActionClaims, type LinkKeyring, verifyLinkToken } from "#links/link-token.ts";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import { LinkRefusedError } from "./link-refused-error.ts";
import { applicantPlan, type Planning } from "./planning.ts";
import { receiveSubmission } from "./receive-submission.ts";
import {
  type ActionForm,
  asFormError,
  entryFor,
  type ScheduleLastDay,
  scheduleLastDay,
} from "./step-action-entry.ts";

/**
 * One-tap actions from an email or the timeline. A GET previews (never writes: mail
 * scanners follow links); a POST applies the change as a `milestone.update` through the very use
 * case intake forms use, with the token's nonce as the submission id, so the same tap twice is
 * recorded once and answers "already recorded".
 */
export interface StepActionDeps {
  applicants: ApplicantRepository;
  intake: IntakeStore;
  clock: Clock;
  planning: Planning;
  keyring: () => Promise<LinkKeyring>;
}

export interface ActionPreview {
  claims: ActionClaims;
  state: ApplicantState;
  plan: Plan;
  title: string;
  /** The milestone's recorded status now ("not_started" when none is recorded). */
  currentStatus: MilestoneEntry["status"];
  /**
   * True when the step's recorded state already answers this link (alreadyAnswered: done for a
   * Done, waived for a Not for me, done or waived for a Scheduled for… or a Snooze). The GET shows
   * "already recorded"; the POST decides on the same check and writes nothing.
   */
  alreadyApplied: boolean;
  /**
   * For snooze: the day the step's recorded snooze ends ("YYYY-MM-DD"), when one is running and
   * this link could snooze no longer (a used Snooze link, or one whose lengths end no later). Like
   * a used Done, it answers "already recorded" on the GET and the POST, with that day, rather than
   * "nothing to snooze", which would read as a failed snooze. Absent otherwise.
   */
  alreadySnoozedUntil?: string;
  /** The step belonged to a Match season that is over for the applicant: nothing to record (seasonPassedFor). */
  seasonPassed: boolean;
  /**
   * For done: the step's window for the applicant's Match is not open yet (doneOpensFor), so a
   * Done today could not count; the page says when it opens. For SOAP's Not for me, the same for
   * its window (waiveOpensFor). Absent otherwise.
   */
  doneOpens?: DoneOpens;
  /**
   * For done: the exam day the applicant booked, still ahead (bookedDayAhead). Done before the
   * sitting is no pass, so nothing is recorded; the page offers Scheduled for… in case it moved.
   * Absent otherwise.
   */
  bookedDay?: string;
  /** For schedule: this link recorded a date already (it records once), so the GET offers Change the date. */
  linkUsed?: true;
  /**
   * The link's action is not one the step offers now (actionsFor: "Not for me" on a step that
   * cannot be skipped, "Scheduled for…" on one whose date comes from a form, Snooze with no
   * reminder left to quiet), said in the applicant's words. Both sides decide on it: the GET shows
   * no button, the POST records nothing. Absent when it is offered, and for
   * Done (doneOpens and bookedDay say when Done counts).
   */
  unavailable?: string;
  /**
   * SOAP's "Not matched: I'm in SOAP" beside "Matched" (MATCH_WEEK_SOAP_CONFLICT: conflictWayOut):
   * the POST also records Match Week not started, so the applicant's last answer stands alone.
   */
  settlesConflict?: true;
  /**
   * For snooze: the days offered, each with the date it would end on (capped at the last rung);
   * `lastReminder` when it ends on the day of the last reminder, however many days were asked
   * ("4 days" that lasted 3); only lengths that silence a reminder (snoozeOptions).
   */
  snoozeOptions: SnoozeOption[];
  /** The applicant's local date today ("YYYY-MM-DD"), the earliest date "scheduled for" accepts. */
  today: string;
  /**
   * For schedule: the step's deadline for this Match and its last day ("YYYY-MM-DD", the earlier of
   * the applicant's and the ET day, as the plan's risks say "take it by"). A later date is still
   * recorded (the applicant may have no earlier seat), but the pages say it is too late, in the
   * words of what the day decides (`means`). Absent when the step has no deadline.
   */
  lastDay?: ScheduleLastDay;
  /** The latest date "scheduled for" accepts: residency's start after the Match the plan is dated for ("YYYY-MM-DD"). */
  latest: string;
}

async function verifiedAction(
  applicantId: string | undefined,
  token: string | undefined,
  deps: StepActionDeps,
): Promise<{ claims: ActionClaims; state: ApplicantState }> {
  const result = verifyLinkToken(await deps.keyring(), token, "action", deps.clock.now());
  if (!result.ok) throw new LinkRefusedError(result.reason);
  if (result.claims.applicantId !== applicantId) throw new LinkRefusedError("other-applicant");
  const state = await deps.applicants.loadApplicant(result.claims.applicantId);
  if (!state) throw new LinkRefusedError("unknown-applicant");
  return { claims: result.claims, state };
}

/** What a GET of an action link shows. Reads only. @throws LinkRefusedError */
export async function previewStepAction(
  applicantId: string | undefined,
  token: string | undefined,
  deps: StepActionDeps,
): Promise<ActionPreview> {
  const { claims, state } = await verifiedAction(applicantId, token, deps);
  const now = deps.clock.now();
  const plan = applicantPlan(deps.planning, state, now);
  // An answer the plan does not count (too early: countedAnswer) is no answer here either.
  const current = countedAnswer(claims.milestone, state.milestones, state.profile, now.getTime());
  const today = localDate(state.profile.timezone, now.getTime());
  // Match Week's two answers exclude each other (match-week-answers.ts), as the plan counts them.
  const answers = {
    soap: countedAnswer("soap", state.milestones, state.profile, now.getTime())?.status ?? "not_started",
    matchWeek:
      countedAnswer("match_week", state.milestones, state.profile, now.getTime())?.status ?? "not_started",
  };
  const superseded = supersededAnswerText(claims.milestone, claims.action, answers);
  const wayOut = conflictWayOut(claims.milestone, claims.action, answers);
  const answered =
    alreadyAnswered(claims.action, current?.status) &&
    !wayOut &&
    !matchedWayOut(claims.milestone, claims.action, answers);
  const title = catalogEntry(claims.milestone).title;
  // A step the visa track no longer has (an email from before the switch) takes no answer at all.
  const offTrack = answered ? undefined : offTrackActionText(claims.milestone, state.profile.visa, title);
  const open = !answered && offTrack === undefined;
  const snoozeOptions =
    claims.action === "snooze" ? snoozeOptionsFor(plan, claims.milestone, today, state.profile.timezone) : [];
  // SOAP's Not for me waits for the same window as the answer it stands for (waiveOpensFor).
  const opensFor =
    claims.action === "done" ? doneOpensFor : claims.action === "waive" ? waiveOpensFor : undefined;
  const doneOpens =
    opensFor !== undefined && open
      ? opensFor(
          claims.milestone,
          seasonCalendar(doneCountsFor(plan)),
          today,
          state.profile.timezone,
          now.getTime(),
        )
      : undefined;
  const bookedDay =
    claims.action === "done" && open ? bookedDayAhead(claims.milestone, current, today) : undefined;
  const alreadySnoozedUntil =
    claims.action === "snooze" &&
    open &&
    current?.snoozedUntil !== undefined &&
    current.snoozedUntil > today &&
    snoozeOptions.every((option) => option.until <= (current.snoozedUntil ?? ""))
      ? current.snoozedUntil
      : undefined;
  const unavailable =
    offTrack ??
    superseded ??
    (claims.action !== "done" &&
    doneOpens === undefined &&
    alreadySnoozedUntil === undefined &&
    !answered &&
    !actionsFor({ milestone: claims.milestone }, plan, state.profile.timezone, state.milestones).includes(
      claims.action,
    )
      ? claims.action === "snooze" && catalogEntry(claims.milestone).stepActions.includes("snooze")
        ? // Held back (a critical notice, SOAP in Match Week), or silencing nothing now: says which.
          nothingToSnoozeText(plan, claims.milestone, state.profile.timezone, title)
        : unavailableActionText(claims.milestone, claims.action, title)
      : undefined);
  const lastDay =
    claims.action === "schedule"
      ? scheduleLastDay(deps.planning, state, now, plan, claims.milestone, today)
      : undefined;
  const linkUsed =
    claims.action === "schedule" &&
    open &&
    current?.status === "scheduled" &&
    (await deps.intake.submissionApplied?.("link", `link-${claims.nonce}`));
  return {
    claims,
    state,
    plan,
    ...(doneOpens ? { doneOpens } : {}),
    ...(bookedDay ? { bookedDay } : {}),
    ...(linkUsed ? { linkUsed: true as const } : {}),
    ...(unavailable ? { unavailable } : {}),
    ...(wayOut ? { settlesConflict: true as const } : {}),
    ...(alreadySnoozedUntil ? { alreadySnoozedUntil } : {}),
    ...(lastDay ? { lastDay } : {}),
    title,
    currentStatus: current?.status ?? "not_started",
    alreadyApplied: answered,
    seasonPassed: seasonPassedFor({ milestone: claims.milestone }, plan),
    snoozeOptions,
    today,
    latest: seasonCalendar(matchYearDatedFor(plan)).dates.residency_start.date,
  };
}

export type ActionOutcome = "recorded" | "already-recorded";

/**
 * Applies an action link's change (POST). Idempotent on the token and on the step: a second POST
 * of the same token, or any POST on a step whose stored state already answers the action
 * (alreadyAnswered: the GET's check), records nothing and answers "already-recorded". `entry` is
 * the milestone entry this POST sent (what it recorded when the outcome is "recorded"; the stored
 * one when the step already answered it). A concurrent change to the step is
 * re-read and the action decided again on it (a Snooze of a step done meanwhile is refused as for
 * any done step); still racing after a few tries, ConcurrentChangeError (503, nothing written).
 * @throws LinkRefusedError (401/410), InvalidInputError (a bad date or snooze length; nothing written)
 */
export async function applyStepAction(
  applicantId: string | undefined,
  token: string | undefined,
  form: ActionForm,
  deps: StepActionDeps,
): Promise<{ preview: ActionPreview; outcome: ActionOutcome; entry: MilestoneEntry }> {
  for (let attempt = 1; ; attempt++) {
    const preview = await previewStepAction(applicantId, token, deps);
    // The GET's check, on the step as read now: a step another link (another email, the timeline),
    // the console or a form already recorded is not recorded again: a second Done would move the
    // pass date, an old Scheduled for… would undo a Done. The nonce alone covers only the same link twice.
    const stored = preview.state.milestones.find((entry) => entry.key === preview.claims.milestone);
    if (stored && (preview.alreadyApplied || preview.alreadySnoozedUntil))
      return { preview, outcome: "already-recorded", entry: stored };
    const entry = entryFor(preview, form);
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `link-${preview.claims.nonce}`,
      applicant: { externalId: preview.state.profile.externalId },
      milestones: preview.settlesConflict ? [entry, { key: "match_week", status: "not_started" }] : [entry],
    };
    try {
      const decided = [
        ...(update.milestones ?? []).map((written) => written.key),
        ...decidedBeside(entry.key),
      ];
      const decidedOn = new Map(
        decided.map((key) => [key, preview.state.milestones.find((stored) => stored.key === key)]),
      );
      // What the applicant's timeline and the ledger showed as scheduled.
      const shown = scheduledReminders(
        preview.plan,
        preview.state.storedPlan?.computedAt ?? deps.clock.now().toISOString(),
      );
      const result = await receiveSubmission(update, "link", deps, decidedOn, shown);
      return { preview, outcome: result.outcome === "duplicate" ? "already-recorded" : "recorded", entry };
    } catch (error) {
      // Another change to this step landed between the read and the write (a second tap, the
      // console, an intake form) and nothing was written: decide again on what is stored now, so
      // the page never says "Recorded" for a change the plan does not hold.
      if (error instanceof ConcurrentChangeError && attempt < CONCURRENT_CHANGE_ATTEMPTS) continue;
      throw asFormError(error);
    }
  }
}

/** Reads and decisions one POST makes before a lasting race is answered 503 (retriable). */
const CONCURRENT_CHANGE_ATTEMPTS = 4;
