import { heldBackReason, riskForAdvisor, stepForAdvisor } from "#domain/console/advisor-voice.ts";
import { toldBySeasonOver } from "#domain/console/overdue.ts";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import { type DigestEntry, renderDigestEmail } from "#email/digest-email.ts";
import { TransientError } from "#errors";
import type { AdvisorDigestLog, DigestBaseline, LatestDigest } from "#ports/advisor-digests.ts";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { SuppressionList, SuppressionReason } from "#ports/suppression-list.ts";
import { escalatedToday } from "./digest-escalated.ts";
import { cannotReachLine } from "./digest-unreachable.ts";
import { aboutApplicant, overdueSubject, riskTitle } from "./escalation.ts";
import { applicantUnreachable } from "./held-back.ts";
import type { Planning } from "./planning.ts";

/** How long a day's digest claim is held before a retry may make that digest (as for reminders). */
export const DIGEST_CLAIM_STALE_AFTER_MS = 15 * 60_000;

export interface AdvisorDigestDeps {
  /** The advisor's applicants (the console's cohort index): ids only are used. */
  cohort: { listCohort(advisorEmail: string): Promise<readonly { applicantId: string }[]> };
  applicants: Pick<ApplicantRepository, "loadApplicant">;
  digests: AdvisorDigestLog;
  mailer: Mailer;
  planning: Pick<Planning, "plan">;
  /**
   * Whether an applicant's address is suppressed: their risks are then told as not emailed to them,
   * and the digest says once that Matchpath cannot reach them. Absent: only a pause or an
   * unsubscribe on the profile says so.
   */
  suppression?: Pick<SuppressionList, "suppressionReason">;
  /** The applicant's console page; undefined: the cohort page. */
  consoleUrl(applicantId?: string): string;
}

export type DigestOutcome =
  /** One email went out. */
  | "sent"
  /** Nothing new since the last digest: nothing sent, the day recorded. */
  | "nothing-new"
  /** That day's digest was already sent, or a live run holds its claim. */
  | "already-done";

/** What one advisor's digest did; no address or name, so it can be logged. */
export interface DigestResult {
  outcome: DigestOutcome;
  applicants: number;
  withNews: number;
}

/**
 * The daily digest of one advisor who opted in: their applicants' critical and warning
 * risks and overdue steps that are new since their last digest (on the first one: everything
 * open), each applicant linking to their console page. At most one email per advisor and UTC day
 * of `at`: the day is claimed first (a retry or a second delivery of the schedule finds it claimed
 * or sent), marked sent with the new baseline after SES accepts the email, and released when the
 * send throws (rethrown, so the schedule's retry makes it). On a day with nothing new nothing is
 * sent, the baseline is refreshed and the day left open.
 * Every applicant is re-planned at `at` (one partition read each), so the digest is as of now
 * even for applicants nothing re-planned since a deadline passed.
 */
export async function sendAdvisorDigest(
  advisorEmail: string,
  at: Date,
  deps: AdvisorDigestDeps,
): Promise<DigestResult> {
  const day = at.toISOString().slice(0, 10);
  if (!(await deps.digests.claimDay(advisorEmail, day, at, DIGEST_CLAIM_STALE_AFTER_MS)))
    return { outcome: "already-done", applicants: 0, withNews: 0 };
  try {
    // Read before the applicants are: an erase after this read makes finishDay refuse (below).
    const latest = await deps.digests.latestBaseline(advisorEmail);
    const rows = await deps.cohort.listCohort(advisorEmail);
    const planned: PlannedApplicant[] = [];
    for (const { applicantId } of rows) {
      const state = await deps.applicants.loadApplicant(applicantId);
      if (state === undefined) continue;
      const plan = deps.planning.plan(state, at);
      // One suppression-list read per applicant: whether they can be reached at all, and so (the
      // sender's rule, as applicantHeldBack words it) whether their risks were emailed to them.
      const unreachable = await applicantUnreachable(state.profile, deps.suppression);
      const suppressed = heldBackReason(state.profile, unreachable !== undefined) === "suppressed";
      planned.push({
        state,
        plan,
        ...(suppressed ? { suppressed } : {}),
        ...(unreachable === undefined ? {} : { unreachable }),
      });
    }
    const baseline = baselineOf(planned);
    const entries = digestEntries(latest?.baseline, planned, deps.consoleUrl);
    const result = { applicants: planned.length, withNews: entries.length };
    if (entries.length === 0) {
      await finishDay(advisorEmail, day, { status: "nothing-new" }, { baseline, at, latest }, deps);
      return { outcome: "nothing-new", ...result };
    }
    const lastSent = latest?.lastSentDay;
    const email = renderDigestEmail({
      day: dayInWords(at),
      ...(lastSent ? { since: dayInWords(new Date(`${lastSent}T00:00:00Z`)) } : {}),
      ...(latest === undefined ? { first: true } : {}),
      entries,
      cohortUrl: deps.consoleUrl(),
    });
    const { messageId } = await deps.mailer.send({
      to: advisorEmail,
      ...email,
      headers: [],
      tags: { kind: "advisor-digest" },
    });
    await finishDay(advisorEmail, day, { status: "sent", messageId }, { baseline, at, latest }, deps);
    return { outcome: "sent", ...result };
  } catch (error) {
    await deps.digests.releaseDay(advisorEmail, day);
    throw error;
  }
}

/**
 * Stores the new baseline with the day's outcome. When an erase changed the stored baseline since
 * it was read, the applicants erased meanwhile are taken out (each one still in the baseline is
 * checked to exist) and the write is tried again: a digest racing an erase never puts the id back.
 */
async function finishDay(
  advisorEmail: string,
  day: string,
  outcome: Parameters<AdvisorDigestLog["finishDay"]>[2],
  made: { baseline: DigestBaseline; at: Date; latest: LatestDigest | undefined },
  deps: AdvisorDigestDeps,
): Promise<void> {
  let { baseline, latest } = made;
  for (let attempt = 0; attempt < 3; attempt++) {
    const lastSentDay = outcome.status === "sent" ? day : latest?.lastSentDay;
    if (
      await deps.digests.finishDay(
        advisorEmail,
        day,
        outcome,
        baseline,
        made.at,
        latest?.version,
        lastSentDay,
      )
    )
      return;
    latest = await deps.digests.latestBaseline(advisorEmail);
    const ids = Object.keys(baseline);
    const existing = await Promise.all(ids.map((id) => deps.applicants.loadApplicant(id)));
    baseline = Object.fromEntries(
      Object.entries(baseline).filter((_, index) => existing[index] !== undefined),
    );
  }
  throw new TransientError("The digest baseline kept changing while the digest was stored");
}

/** An applicant as the digest sees them: their state, their plan as of the digest, and whether their address is suppressed. */
export interface PlannedApplicant {
  state: ApplicantState;
  plan: Plan;
  /** The address is on the suppression list: reminders to them are held back. */
  suppressed?: boolean;
  /** No Matchpath email reaches them (applicantUnreachable), and why. */
  unreachable?: SuppressionReason;
}

/** What each applicant has open now, and whether they can be reached: the next digest's baseline. Pure. */
export function baselineOf(
  planned: readonly { state: ApplicantState; plan: Plan; unreachable?: SuppressionReason }[],
): DigestBaseline {
  return Object.fromEntries(
    planned.map(({ state, plan, unreachable }) => [
      state.profile.applicantId,
      {
        risks: plan.risks.map(riskKey),
        overdue: plan.overdue.map(overdueSubject),
        ...(unreachable === undefined ? {} : { unreachable }),
      },
    ]),
  );
}

/**
 * Each applicant with something not in `baseline` (undefined: no digest yet, everything open is
 * news), those with a new critical risk first, then by name. An applicant Matchpath cannot reach
 * is named once, risks or not: when the baseline had them reachable, or unreachable for another
 * reason. Pure.
 */
export function digestEntries(
  baseline: DigestBaseline | undefined,
  planned: readonly PlannedApplicant[],
  consoleUrl: (applicantId: string) => string,
): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (const { state, plan, suppressed, unreachable } of planned) {
    const { applicantId, fullName, matchYear } = state.profile;
    // Held back, the applicant was emailed none of this: the digest must not say what they "were told".
    const about = { ...aboutApplicant(state), heldBack: heldBackReason(state.profile, suppressed ?? false) };
    const before = baseline?.[applicantId];
    const escalated = escalatedToday(state, plan);
    // New: a risk not open last time, or one that was a warning and is now critical; not one the
    // advisor was emailed about on its own in the day before (escalatedToday).
    const risks = plan.risks
      .filter(
        (risk) =>
          !before?.risks.includes(riskKey(risk)) &&
          !before?.risks.includes(`critical:${risk.code}`) &&
          !escalated.has(`risk:${risk.code}`),
      )
      .map((risk) => ({
        severity: risk.severity,
        title: riskTitle(risk, plan),
        message: riskForAdvisor(risk, about),
      }));
    // A step past its deadline that a warning risk names is still possible (NRMP registration
    // after early registration, with a late fee until the rank order list deadline): it is told
    // as that risk words it, never as "overdue", which an advisor reads as missed.
    const stillPossible = (step: Plan["overdue"][number]) =>
      plan.risks.find((risk) => risk.severity === "warning" && risk.milestones.includes(step.milestone));
    const newlyPast = plan.overdue.filter(
      (step) =>
        !before?.overdue.includes(overdueSubject(step)) &&
        !toldBySeasonOver(plan, step) &&
        !escalated.has(`overdue:${overdueSubject(step)}`),
    );
    const overdue = newlyPast
      .filter((step) => stillPossible(step) === undefined)
      .map((step) => ({ title: stepForAdvisor(step), due: step.deadline.et }));
    for (const risk of newlyPast.map(stillPossible)) {
      if (risk === undefined || risks.some((listed) => listed.title === riskTitle(risk, plan))) continue;
      risks.push({
        severity: risk.severity,
        title: riskTitle(risk, plan),
        message: riskForAdvisor(risk, about),
      });
    }
    const cannotReach =
      unreachable !== undefined && before?.unreachable !== unreachable
        ? cannotReachLine(fullName, unreachable)
        : undefined;
    if (risks.length === 0 && overdue.length === 0 && cannotReach === undefined) continue;
    const plannedMatchYear = laterPlannedMatchYear(plan);
    entries.push({
      applicantId,
      fullName,
      matchYear,
      ...(plannedMatchYear === undefined ? {} : { plannedMatchYear }),
      ...(cannotReach === undefined ? {} : { cannotReach }),
      risks,
      overdue,
      consoleUrl: consoleUrl(applicantId),
    });
  }
  const critical = (entry: DigestEntry) => (entry.risks.some((risk) => risk.severity === "critical") ? 0 : 1);
  return entries.sort((a, b) => critical(a) - critical(b) || a.fullName.localeCompare(b.fullName, "en"));
}

/** A risk in the baseline: `<severity>:<CODE>`, so a warning turning critical is news. */
function riskKey(risk: Plan["risks"][number]): string {
  return `${risk.severity}:${risk.code}`;
}

function dayInWords(at: Date): string {
  return at.toLocaleDateString("en-US", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Every opted-in advisor's digest for the day of `at`; one advisor's failure never stops the others. */
export async function sendAdvisorDigests(
  advisorEmails: readonly string[],
  at: Date,
  deps: AdvisorDigestDeps,
): Promise<{ results: DigestResult[]; failed: number; errors: string[] }> {
  const results: DigestResult[] = [];
  const errors: string[] = [];
  for (const advisorEmail of advisorEmails) {
    try {
      results.push(await sendAdvisorDigest(advisorEmail, at, deps));
    } catch (error) {
      // The error's class and message only: an SDK message may not name the address, but the log must not.
      errors.push(error instanceof Error ? error.name : "Error");
    }
  }
  return { results, failed: errors.length, errors };
}
