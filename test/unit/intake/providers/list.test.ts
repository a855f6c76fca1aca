import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORM_PROVIDERS, isProviderName, PROVIDERS, providerNamed } from "#intake/providers/list.ts";
import { staleProviderDocs } from "../../../../shared/cli/provider-docs.ts";

const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");

describe("the form provider list", () => {
  it("names each provider once, with its own secret variable", () => {
    expect(new Set(PROVIDERS).size).toBe(FORM_PROVIDERS.length);
    expect(new Set(FORM_PROVIDERS.map((p) => p.secretVariable)).size).toBe(FORM_PROVIDERS.length);
    for (const provider of FORM_PROVIDERS) {
      expect(providerNamed(provider.name)).toBe(provider);
      expect(isProviderName(provider.name)).toBe(true);
      expect(provider.name).toMatch(/^[a-z][a-z-]*$/);
    }
    expect(isProviderName("webhook")).toBe(false);
  });

  it.each(FORM_PROVIDERS.map((p) => [p.name, p.secretVariable]))(
    "the README documents %s's route and %s",
    (name, variable) => {
      expect(readme).toContain(`/intake/${name}`);
      expect(readme).toContain(variable);
    },
  );

  it("the docs' provider rows, tables and guides are generated from it (else: npm run docs:providers)", async () => {
    const stale = (await staleProviderDocs()).map((block) => `${block.file} ${block.name}`);
    expect(stale, "stale generated docs: run `npm run docs:providers`").toEqual([]);
  });
});
