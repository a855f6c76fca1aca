import { EARLIEST_ZONE, futureDoneProblems } from "#domain/done-date.ts";
import { fieldProblems } from "#domain/field-problems.ts";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { InvalidInputError, LimitExceededError } from "#errors";
import type { Clock } from "#ports/clock.ts";
import type { IntakeResult, IntakeSource, IntakeStore } from "#ports/intake-store.ts";

export interface ReceiveSubmissionDeps {
  intake: IntakeStore;
  clock: Clock;
}

/**
 * Validates a submission (an applicant snapshot or a milestone update) and stores it atomically,
 * idempotently on (provider, submissionId). Throws InvalidInputError naming every bad field
 * (LimitExceededError, 422, when a list is longer than the documented limit; nothing is written),
 * or ApplicantNotFoundError for an update naming no known applicant.
 */
export async function receiveSubmission(
  body: unknown,
  provider: string,
  deps: ReceiveSubmissionDeps,
  /** The milestones as the caller decided on them: see IntakeSource.decidedOn. */
  decidedOn?: IntakeSource["decidedOn"],
  /** What the caller's plan made now still had scheduled: see IntakeSource.shownScheduled. */
  shownScheduled?: IntakeSource["shownScheduled"],
): Promise<IntakeResult> {
  const parsed = SubmissionSchema.safeParse(body);
  if (!parsed.success) {
    // A list longer than a submission may hold (interviews, milestones, specialties) is over a
    // documented limit: 422, so senders can tell "split it" from "fix it"; every problem is named.
    const overLimit = parsed.error.issues.some(
      (issue) => issue.code === "too_big" && issue.origin === "array",
    );
    const problems = fieldProblems(parsed.error);
    throw overLimit
      ? new LimitExceededError("The submission lists more than one submission may hold", problems, 422, {
          cause: parsed.error,
        })
      : new InvalidInputError("The submission is not valid", problems, { cause: parsed.error });
  }
  const submission = parsed.data;
  // A step done in the future is refused, as Mark done refuses it (one rule, done-date.ts): a snapshot
  // in its own zone; an update, which names no zone, against the earliest one (the store holds the
  // applicant's), so a date after today everywhere never reaches the plan.
  const now = deps.clock.now();
  const future = futureDoneProblems(
    submission.milestones,
    submission.type === "applicant.snapshot" ? submission.applicant.timezone : EARLIEST_ZONE,
    now,
  );
  if (future.length > 0)
    throw new InvalidInputError("The submission marks a step done in the future", future);
  // A passing score on an exam not yet done is a typo or a sat exam in the wrong status; a
  // failing score in progress dated after today is a booked retake, whose date the plan would drop:
  // refused, naming the field. Loaded only for such a submission, as the waiver rule below is.
  if (submission.milestones.some((entry) => entry.status !== "done" && entry.score !== undefined)) {
    const { scoreStatusProblems } = await import("#domain/planner/scheduled-score.ts");
    const scored = scoreStatusProblems(submission.milestones, localDate(EARLIEST_ZONE, now.getTime()));
    if (scored.length > 0)
      throw new InvalidInputError("The submission reports a score its exam's status does not fit", scored);
  }
  // A SOAP done or a Match outcome dated before NRMP's hour for the snapshot's Match (SOAP's first
  // offer round, Match Week's notification) cannot be true: refused, naming the field, as Done
  // refuses it. A snapshot only: an update names no Match year. Loaded only for such a submission.
  if (
    submission.type === "applicant.snapshot" &&
    submission.milestones.some(
      (entry) =>
        entry.status === "done" &&
        entry.date !== undefined &&
        (entry.key === "soap" || entry.key === "match_week" || entry.key === "match_day"),
    )
  ) {
    const { outcomeBeforeWindowProblems } = await import("#domain/planner/outcome-before-window.ts");
    const early = outcomeBeforeWindowProblems(
      submission.milestones,
      submission.applicant.matchYear,
      submission.applicant.timezone,
    );
    if (early.length > 0)
      throw new InvalidInputError("The submission dates a Match outcome before NRMP gives it", early);
  }
  // Loaded only for a submission that waives a step: the rule reads the milestone catalog, which the
  // http-api's cold start never parses (test/infra/bundle-clients.test.ts).
  if (submission.milestones.some((entry) => entry.status === "waived")) {
    const { notWaivableProblems } = await import("#domain/console/waivable-steps.ts");
    const zone = submission.type === "applicant.snapshot" ? submission.applicant.timezone : undefined;
    const waived = notWaivableProblems(submission.milestones, zone);
    if (waived.length > 0)
      throw new InvalidInputError("The submission waives a step an applicant may not skip", waived);
  }
  return deps.intake.applySubmission(
    submission,
    {
      provider,
      submissionId: submission.submissionId,
      ...(decidedOn ? { decidedOn } : {}),
      ...(shownScheduled && shownScheduled.length > 0 ? { shownScheduled } : {}),
    },
    now,
  );
}
