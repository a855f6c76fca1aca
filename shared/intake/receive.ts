import type { Submission } from "#domain/snapshot.ts";
import { ConfigError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import type { FormMapping } from "#intake/mapping/schema.ts";
import type { ParsedForm, ProviderName, ProviderRequest } from "#intake/providers/common.ts";
import { UnknownFormError } from "#intake/providers/errors.ts";
import { providerNamed } from "#intake/providers/list.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeSource } from "#ports/intake-store.ts";

export type { ProviderRequest } from "#intake/providers/common.ts";
export { UnknownFormError } from "#intake/providers/errors.ts";
export { isProviderName, PROVIDERS, type ProviderName } from "#intake/providers/list.ts";

export interface ProviderIntakeDeps {
  /** The provider's signing secret (Jotform: the URL token); from the config module's SecretSource. */
  secretFor(provider: ProviderName): string | Promise<string>;
  /** The mapping that connects this form, or undefined when none does. */
  mappingFor(
    provider: ProviderName,
    formId: string,
  ): FormMapping | undefined | Promise<FormMapping | undefined>;
  /** The real clock: judges the Standard Webhooks replay window (Google Forms). */
  clock: Clock;
}

export interface ProviderIntake {
  submission: Submission;
  source: IntakeSource;
  /** The mapping that read it: names the form field behind a problem the store finds later. */
  mapping: FormMapping;
}

/**
 * Verifies, reads and maps one provider delivery, in that order: nothing in the body is read before
 * its signature (or, for Jotform, the URL token) is checked. Pure orchestration: no I/O beyond `deps`.
 *
 * Throws only:
 * - SignatureError — missing or wrong signature/token, stale Standard Webhooks timestamp (HTTP 401);
 * - UnknownFormError — no mapping connects the form (HTTP 404, naming it);
 * - InvalidInputError — the body is not the provider's shape, or the answers do not map; every
 *   problem is listed (HTTP 422: the request was authentic and readable, its content is not);
 * - ConfigError — no secret configured (a deployment fault, never the sender's).
 * A returned submission has passed SubmissionSchema; `source` carries the provider's own submission id,
 * the idempotency key a provider's retries repeat.
 */
export async function receiveProviderForm(
  provider: ProviderName,
  request: ProviderRequest,
  deps: ProviderIntakeDeps,
): Promise<ProviderIntake> {
  const secret = await deps.secretFor(provider);
  if (typeof secret !== "string" || secret === "") {
    throw new ConfigError(`no secret is configured for ${provider}; refusing every delivery`);
  }
  const form = await verifiedForm(provider, request, secret, deps.clock);
  const mapping = await deps.mappingFor(provider, form.formId);
  if (mapping === undefined || mapping.provider !== provider)
    throw new UnknownFormError(provider, form.formId);
  return {
    submission: mapSubmission(mapping, form),
    source: { provider, submissionId: form.submissionId },
    mapping,
  };
}

/** Signature check, then parse. */
async function verifiedForm(
  provider: ProviderName,
  request: ProviderRequest,
  secret: string,
  clock: Clock,
): Promise<ParsedForm> {
  const { verify, parse } = providerNamed(provider);
  verify(request, secret, clock);
  return parse(request);
}

/** Reads a delivery WITHOUT checking its signature: only for `npm run forms -- check` on a saved body. */
export async function parseUnverified(provider: ProviderName, request: ProviderRequest): Promise<ParsedForm> {
  return providerNamed(provider).parse(request);
}
