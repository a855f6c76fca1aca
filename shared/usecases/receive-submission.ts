import { fieldProblems, SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { Clock } from "#ports/clock.ts";
import type { IntakeResult, IntakeStore } from "#ports/intake-store.ts";

export interface ReceiveSubmissionDeps {
  store: IntakeStore;
  clock: Clock;
}

/**
 * Validates a submission (an applicant snapshot or a milestone update) and stores it atomically,
 * idempotently on (provider, submissionId). Throws InvalidInputError naming every bad field
 * (nothing is written), or ApplicantNotFoundError for an update naming no known applicant.
 */
export async function receiveSubmission(
  body: unknown,
  provider: string,
  deps: ReceiveSubmissionDeps,
): Promise<IntakeResult> {
  const parsed = SubmissionSchema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInputError("The submission is not valid", fieldProblems(parsed.error), {
      cause: parsed.error,
    });
  }
  const submission = parsed.data;
  return deps.store.applySubmission(
    submission,
    { provider, submissionId: submission.submissionId },
    deps.clock.now(),
  );
}
