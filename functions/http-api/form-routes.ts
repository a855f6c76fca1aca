import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { systemClock } from "#adapters/clock.ts";
import type { SecretSource } from "#config/secrets.ts";
import { InvalidInputError, LimitExceededError } from "#errors";
import { blankProblem, HttpProblem, PROBLEM_TYPES } from "#http/problem.ts";
import { rawBody } from "#http/request.ts";
import { nameFormFields } from "#intake/mapping/problems.ts";
import type { FormMapping } from "#intake/mapping/schema.ts";
import type { QueryMap } from "#intake/providers/common.ts";
import { UnknownFormError } from "#intake/providers/errors.ts";
import type { ProviderName } from "#intake/providers/list.ts";
import { receiveProviderForm } from "#intake/receive.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";

/** What the provider routes need beyond the HTTP API's own deps: one secret per connected provider, and the mappings. */
export interface FormIntake {
  /** A provider without a secret is not connected: its route answers 404. */
  secrets: Partial<Record<ProviderName, SecretSource>>;
  mappingFor(provider: ProviderName, formId: string): Promise<FormMapping | undefined>;
}

/** The slice of the HTTP API's deps the provider routes use. */
export interface FormRouteDeps {
  intake: IntakeStore;
  clock: Clock;
  logger: Pick<Logger, "info">;
  signatureClock?: Clock;
  forms?: FormIntake;
}

export type FormRoute = (
  event: APIGatewayProxyEventV2,
  deps: FormRouteDeps,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** `POST /intake/<provider>`: the route of one connected form provider. */
export function formRoute(provider: ProviderName): FormRoute {
  return async (event, deps) => {
    const secret = deps.forms?.secrets[provider];
    if (deps.forms === undefined || secret === undefined) {
      throw new HttpProblem(blankProblem(404, `${provider} intake is not connected on this deployment.`));
    }
    const forms = deps.forms;
    const body = rawBody(event);
    let intake: Awaited<ReturnType<typeof receiveProviderForm>>;
    try {
      intake = await receiveProviderForm(
        provider,
        { rawBody: body, headers: event.headers ?? {}, query: queryOf(event) },
        {
          secretFor: () => secret(),
          mappingFor: forms.mappingFor,
          clock: deps.signatureClock ?? systemClock,
        },
      );
    } catch (error) {
      throw asProblem(error);
    }
    let result: Awaited<ReturnType<typeof receiveSubmission>>;
    try {
      result = await receiveSubmission(intake.submission, provider, deps);
    } catch (error) {
      // What the intake refuses beyond the mapping (a step done in the future) and what the store
      // refuses (cancelling an interview the applicant does not have) is the form's answer too:
      // 422 naming the form field, like a mapping problem.
      if (error instanceof InvalidInputError && !(error instanceof LimitExceededError)) {
        throw asProblem(
          new InvalidInputError(
            error.message,
            nameFormFields(
              intake.mapping,
              error.problems,
              intake.submission.milestones.map((entry) => entry.key),
            ),
            {
              cause: error,
            },
          ),
        );
      }
      throw error;
    }
    deps.logger.info("form intake accepted", {
      provider,
      applicantId: result.applicantId,
      outcome: result.outcome,
    });
    return {
      statusCode: 202,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(result),
    };
  };
}

/**
 * 404 names the unmapped form. 422, not the generic route's 400: the delivery was authentic and
 * readable, but its answers do not map; `errors` lists every field and why.
 */
function asProblem(error: unknown): unknown {
  if (error instanceof UnknownFormError) {
    return new HttpProblem({
      ...blankProblem(404, `No form mapping connects ${error.provider} form ${error.formId}.`),
      type: PROBLEM_TYPES.unknownForm,
      title: "Unknown form",
    });
  }
  if (error instanceof InvalidInputError && !(error instanceof LimitExceededError)) {
    return new HttpProblem({
      type: PROBLEM_TYPES.invalidInput,
      title: "Answers do not map",
      status: 422,
      detail: error.message,
      errors: error.problems,
    });
  }
  return error;
}

function queryOf(event: APIGatewayProxyEventV2): QueryMap {
  const query: Record<string, string> = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ""));
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  return query;
}
