import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseMapping } from "#intake/mapping/registry.ts";
import type { FormMapping } from "#intake/mapping/schema.ts";
import type { ProviderName } from "#intake/providers/common.ts";
import type { ProviderIntakeDeps } from "#intake/providers/index.ts";
import type { Clock } from "#ports/clock.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");

export function fixtureBytes(relative: string): Buffer {
  return readFileSync(join(ROOT, "test", "fixtures", "providers", relative));
}

export function fixtureText(relative: string): string {
  return fixtureBytes(relative).toString("utf8");
}

/** A multipart fixture stored with LF line ends, as HTTP sends it (CRLF). */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** The Standard Webhooks official vector, kept once in the repository (see its SOURCES.md). */
export function standardWebhooksVectors(): string {
  return readFileSync(
    join(ROOT, "test", "unit", "intake", "fixtures", "standard-webhooks.test-vectors.json"),
    "utf8",
  );
}

export function exampleMapping(name: string): FormMapping {
  return parseMapping(JSON.parse(readFileSync(join(ROOT, "shared", "intake", "forms", name), "utf8")), name);
}

export const TEST_SECRETS: Record<ProviderName, string> = {
  typeform: "typeform-test-secret-7f3a9c",
  tally: "tally-test-secret-41be02",
  jotform: "jotform-test-token-0d9e7c5a1b3f",
  // 32 random bytes, base64, as Standard Webhooks secrets are.
  "google-forms": "whsec_ZGV2LW9ubHktbWF0Y2hwYXRoLWdvb2dsZS1mb3Jtcy0zMmI=",
};

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => instant };
}

export const EXAMPLE_MAPPINGS = [
  "typeform-applicant-intake.json",
  "tally-progress-update.json",
  "jotform-applicant-intake.json",
  "google-forms-applicant-intake.json",
] as const;

export function depsWith(
  mappings: readonly FormMapping[],
  clock: Clock = fixedClock("2026-09-01T12:00:00Z"),
): ProviderIntakeDeps {
  return {
    secretFor: (provider) => TEST_SECRETS[provider],
    mappingFor: (provider, formId) => mappings.find((m) => m.provider === provider && m.formId === formId),
    clock,
  };
}

export { mapSubmission };
