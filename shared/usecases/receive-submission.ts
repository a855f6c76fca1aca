import { everyProblem, parsableParts } from "#domain/console/parsable-parts.ts";
import {
  oneRefusal,
  type RefusalInput,
  type RefusalRules,
  refusalRulesNeeded,
  submissionRefusals,
} from "#domain/console/submission-refusals.ts";
import { fieldProblems } from "#domain/field-problems.ts";
import { SubmissionSchema } from "#domain/snapshot.ts";
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
  const now = deps.clock.now();
  if (!parsed.success) {
    // A list longer than a submission may hold (interviews, milestones, specialties) is over a
    // documented limit: 422, so senders can tell "split it" from "fix it"; every problem is named.
    const overLimit = parsed.error.issues.some(
      (issue) => issue.code === "too_big" && issue.origin === "array",
    );
    // The refusals beyond the schema on the parts that parse, in the same answer: one round, not two.
    const parts = overLimit ? null : parsableParts(body);
    const rules = parts === null ? {} : await loadRefusalRules(parts.input);
    const problems = everyProblem(
      parts,
      fieldProblems(parsed.error),
      (input) => oneRefusal(submissionRefusals(input, now, rules))?.problems ?? [],
    );
    throw overLimit
      ? new LimitExceededError("The submission lists more than one submission may hold", problems, 422, {
          cause: parsed.error,
        })
      : new InvalidInputError("The submission is not valid", problems, { cause: parsed.error });
  }
  const submission = parsed.data;
  // What the intake refuses beyond the schema, in one module with `npm run plan` (submission-refusals.ts):
  // every refusal that holds, as one answer naming every field. Its rules that read the catalog or the seasons
  // are loaded only for a submission that needs them: the http-api's cold start never parses the
  // catalog (test/infra/bundle-clients.test.ts).
  const refused = oneRefusal(submissionRefusals(submission, now, await loadRefusalRules(submission)));
  if (refused !== undefined) throw new InvalidInputError(refused.message, refused.problems);
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

/** The refusal rules `submission` needs (refusalRulesNeeded), each behind import(): one that needs none loads none. */
async function loadRefusalRules(submission: RefusalInput): Promise<Partial<RefusalRules>> {
  const need = refusalRulesNeeded(submission);
  return {
    ...(need.scoreStatusProblems
      ? { scoreStatusProblems: (await import("#domain/planner/scheduled-score.ts")).scoreStatusProblems }
      : {}),
    ...(need.outcomeBeforeWindowProblems
      ? {
          outcomeBeforeWindowProblems: (await import("#domain/planner/outcome-before-window.ts"))
            .outcomeBeforeWindowProblems,
        }
      : {}),
    ...(need.notWaivableProblems
      ? { notWaivableProblems: (await import("#domain/console/waivable-steps.ts")).notWaivableProblems }
      : {}),
  };
}
