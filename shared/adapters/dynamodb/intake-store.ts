import { storedZoneRefusal } from "#domain/console/submission-refusals.ts";
import type { FieldProblem } from "#domain/field-problems.ts";
import type {
  Applicant,
  ApplicantRef,
  ApplicantSnapshot,
  MilestoneUpdate,
  Submission,
} from "#domain/snapshot.ts";
import { MAX_INTERVIEWS } from "#domain/snapshot-keys.ts";
import {
  ApplicantNotFoundError,
  ConcurrentChangeError,
  InvalidInputError,
  LimitExceededError,
} from "#errors";
import { fingerprint } from "#observability/logger.ts";
import type { IntakeResult, IntakeSource, IntakeStore } from "#ports/intake-store.ts";
import { readApplicantItems } from "./applicant-repository.ts";
import { type Child, childWrite, milestoneAsRead, unlistedDeletes } from "./child-writes.ts";
import {
  interviewWithId,
  onceEach,
  profileGuard,
  profileWrites,
  sameContent,
  snapshotInterviewsWithIds,
} from "./intake-writes.ts";
import { applicantIdFor, keys, normalizeEmail } from "./keys.ts";
import { snapshotDropsMilestone, snapshotMilestone } from "./milestone-merge.ts";
import { shownScheduledUpdate } from "./plan-repository.ts";
import { commitSubmission } from "./submission-commit.ts";
import { type DynamoTable, type TransactItem, withoutUndefined } from "./table.ts";

/**
 * Idempotency records live 90 days. Providers retry failed webhook deliveries for hours to a few
 * days (Standard Webhooks' reference schedule ends after about 1.5 days; form tools retry less), and
 * operators re-send exports by hand within weeks: 90 days covers every retry horizon with margin
 * while keeping the table from growing without bound. DynamoDB deletes expired items "typically
 * within a few days" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html),
 * so the exact expiry instant never matters.
 */
export const IDEMPOTENCY_TTL_DAYS = 90;

/**
 * Intake on the one table: profile, EMAIL# lookup, milestones, interviews and the SUBMISSION#
 * idempotency record, written together.
 *
 * Requests: 1 Query (+1 GetItem when a milestone update names the applicant by email, +1 GetItem
 * when a re-snapshot changes the email) + 1 TransactWriteItems. Only items whose content changed
 * are written, so an unchanged milestone produces no stream record.
 */
export class DynamoIntakeStore implements IntakeStore {
  constructor(
    private readonly table: DynamoTable,
    /** Defaults to IDEMPOTENCY_TTL_DAYS. */
    private readonly ttlDays: number = IDEMPOTENCY_TTL_DAYS,
  ) {}

  async applySubmission(
    submission: Submission,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    return submission.type === "applicant.snapshot"
      ? this.applySnapshot(submission, source, receivedAt)
      : this.applyUpdate(submission, source, receivedAt);
  }

  async submissionApplied(provider: string, submissionId: string): Promise<boolean> {
    return (
      (await this.table.get(keys.submission(provider, submissionId), { consistent: true })) !== undefined
    );
  }

  private async applySnapshot(
    snapshot: ApplicantSnapshot,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    const now = receivedAt.toISOString();
    const applicantId = applicantIdFor(snapshot.applicant.externalId);
    const current = await readApplicantItems(this.table, applicantId);
    const writes: TransactItem[] = [
      ...(await profileWrites(this.table, applicantId, snapshot.applicant, current, now)),
    ];

    const write = (child: Child) =>
      pushDefined(writes, childWrite(this.table.name, applicantId, child, current, now));
    const listedMilestones = new Set<string>();
    for (const milestone of snapshot.milestones) {
      listedMilestones.add(milestone.key);
      const merged = snapshotMilestone(milestone, current.milestones.get(milestone.key));
      write({ kind: "milestone", id: milestone.key, ...merged });
    }
    writes.push(
      ...unlistedDeletes(
        this.table.name,
        applicantId,
        "milestone",
        current.milestones,
        listedMilestones,
        snapshotDropsMilestone,
      ),
    );

    const listedInterviews = new Set<string>();
    const interviewIndex = new Map<string, number>();
    for (const [index, withId] of snapshotInterviewsWithIds(
      snapshot.interviews,
      current.interviews,
    ).entries()) {
      onceEach(interviewIndex, withId.id, index);
      listedInterviews.add(withId.id);
      write({ kind: "interview", id: withId.id, content: withId });
    }
    writes.push(
      ...unlistedDeletes(this.table.name, applicantId, "interview", current.interviews, listedInterviews),
    );

    const outcome = current.profile === undefined ? "created" : "updated";
    return commitSubmission(
      this.table,
      this.ttlDays,
      applicantId,
      outcome,
      writes,
      snapshot.type,
      source,
      receivedAt,
    );
  }

  private async applyUpdate(
    update: MilestoneUpdate,
    source: IntakeSource,
    receivedAt: Date,
  ): Promise<IntakeResult> {
    const now = receivedAt.toISOString();
    const applicantId = await this.resolveApplicant(update.applicant);
    // The strongly consistent Query finds the applicant; the transaction checks the PROFILE again
    // (an advisor's erase may delete it meanwhile), so an update never recreates erased items.
    const current = applicantId === undefined ? undefined : await readApplicantItems(this.table, applicantId);
    if (applicantId === undefined || current?.profile === undefined) {
      throw new ApplicantNotFoundError(`No applicant matches ${describeRef(update.applicant)}`);
    }
    const refused = storedZoneRefusal(update, (current.profile.applicant as Applicant).timezone, receivedAt);
    if (refused !== undefined) throw new InvalidInputError(refused.message, refused.problems);
    for (const [key, seen] of source.decidedOn ?? []) {
      if (
        !sameContent(
          current.milestones.get(key)?.milestone,
          seen === undefined ? undefined : withoutUndefined(seen),
        )
      )
        throw new ConcurrentChangeError(`Milestone ${key} changed since the update was decided`);
    }
    const writes: TransactItem[] = [];
    const write = (child: Child) =>
      pushDefined(writes, childWrite(this.table.name, applicantId, child, current, now));
    for (const milestone of update.milestones)
      write({ kind: "milestone", id: milestone.key, content: milestone });
    // An update upserts the interviews it names and leaves the others alone (a snapshot replaces);
    // the same id with a new start moves an interview, and the re-plan moves its reminders.
    const unknownCancels: FieldProblem[] = [];
    const interviewIndex = new Map<string, number>();
    const interviewsAfter = new Set(current.interviews.keys());
    for (const [index, change] of (update.interviews ?? []).entries()) {
      const id = change.status === "cancelled" ? change.id : interviewWithId(change, current.interviews).id;
      onceEach(interviewIndex, id, index);
      if (change.status === "cancelled") interviewsAfter.delete(id);
      else interviewsAfter.add(id);
      if (change.status === "cancelled") {
        if (current.interviews.has(change.id)) {
          writes.push({
            Delete: { TableName: this.table.name, Key: keys.interview(applicantId, change.id) },
          });
        } else {
          unknownCancels.push({
            path: `interviews.${index}.id`,
            message: `the applicant has no interview ${change.id} to cancel`,
          });
        }
        continue;
      }
      const { status: _scheduled, ...interview } = change;
      const withId = interviewWithId(interview, current.interviews);
      write({ kind: "interview", id: withId.id, content: withId });
    }
    if (unknownCancels.length > 0) {
      throw new InvalidInputError(
        "the update cancels an interview the applicant does not have",
        unknownCancels,
      );
    }
    if (interviewsAfter.size > MAX_INTERVIEWS && interviewsAfter.size > current.interviews.size) {
      // Kept to the snapshot's own limit, so a later snapshot replacing them all still fits in one
      // transaction (snapshot.ts, MAX_INTERVIEWS).
      throw new LimitExceededError(
        `the update would leave the applicant with ${interviewsAfter.size} interviews`,
        [
          {
            path: "interviews",
            message: `an applicant may have at most ${MAX_INTERVIEWS} interviews; cancel past ones first`,
          },
        ],
        422,
      );
    }
    // Only when something is written: a change that writes nothing needs no guard.
    if (writes.length > 0)
      for (const key of source.decidedOn?.keys() ?? [])
        if (!update.milestones.some((milestone) => milestone.key === key))
          writes.push(milestoneAsRead(this.table.name, applicantId, key, current));
    const profileExists = profileGuard(this.table.name, applicantId, update.track, current, now);
    // What the caller showed as scheduled, kept beside the stored plan for the re-plan this change
    // causes (IntakeSource.shownScheduled); not when nothing changes, or no plan is stored yet.
    const changes = writes.length > 0 || profileExists.Update !== undefined;
    if (changes && current.plan?.entity === "plan" && (source.shownScheduled?.length ?? 0) > 0)
      writes.push(shownScheduledUpdate(this.table.name, applicantId, source.shownScheduled ?? []));
    return commitSubmission(
      this.table,
      this.ttlDays,
      applicantId,
      "updated",
      writes,
      update.type,
      source,
      receivedAt,
      profileExists,
    );
  }

  private async resolveApplicant(ref: ApplicantRef): Promise<string | undefined> {
    if ("externalId" in ref) return applicantIdFor(ref.externalId);
    const lookup = await this.table.get(keys.emailLookup(ref.email));
    return typeof lookup?.applicantId === "string" ? lookup.applicantId : undefined;
  }
}

/** Names the reference for a log line without the typed value (an address or an operator's id). */
function describeRef(ref: ApplicantRef): string {
  return "externalId" in ref
    ? `externalId ${fingerprint(ref.externalId.trim())}`
    : `email ${fingerprint(normalizeEmail(ref.email))}`;
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}
