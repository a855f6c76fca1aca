import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseMapping } from "#intake/mapping/registry.ts";
import type { FormMapping } from "#intake/mapping/schema.ts";
import type { ProviderName } from "#intake/providers/common.ts";
import { FORM_PROVIDERS, MAPPING_FOLDERS } from "#intake/providers/list.ts";
import type { ProviderIntakeDeps } from "#intake/receive.ts";
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

/** The path of a shipped example mapping, by file name, in whichever provider's `forms/` holds it. */
export function examplePath(name: string): string {
  const folder = MAPPING_FOLDERS.find((candidate) => existsSync(join(ROOT, candidate, name)));
  if (folder === undefined) throw new Error(`no provider folder holds the example mapping ${name}`);
  return join(ROOT, folder, name);
}

export function exampleMapping(name: string): FormMapping {
  return parseMapping(JSON.parse(readFileSync(examplePath(name), "utf8")), name);
}

/** A test secret per provider, in its secret's format; a new provider gets one from the list. */
export const TEST_SECRETS = Object.fromEntries(
  FORM_PROVIDERS.map(({ name, secretFormat }) => [
    name,
    secretFormat === "standard-webhooks"
      ? // 32 bytes, base64, as Standard Webhooks secrets are.
        `whsec_${Buffer.from(`dev-only-matchpath-${name}`.padEnd(32, "-").slice(0, 32)).toString("base64")}`
      : `${name}-test-secret-7f3a9c0d9e`,
  ]),
) as Record<ProviderName, string>;

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
