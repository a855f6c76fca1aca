import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";
import { generatedReadme, README_PATH } from "../../../shared/cli/schema.ts";
import { README_END, README_START } from "../../../shared/cli/snapshot-readme.ts";

/**
 * The README's snapshot section listed one milestone and pointed to the JSON Schema: the keys a
 * snapshot may name and the fields it must hold were learned from `npm run plan`'s refusals. They
 * are now a block `npm run schema` writes from the schema, snapshot-keys.ts and the catalog.
 */
const readme = readFileSync(README_PATH, "utf8");
const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));

describe("the README's snapshot keys and required fields", () => {
  it("equal a fresh generation (run npm run schema)", () => {
    expect(readme).toBe(generatedReadme(readme));
  });

  it("list every milestone key of snapshot-keys.ts, in its order, and no other", () => {
    const keys = [...block.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect(keys).toEqual([...MILESTONE_KEYS]);
  });

  it("say waived only for the steps the intake lets an applicant skip", () => {
    const waivable = [...block.matchAll(/^\| `([a-z0-9_]+)` \|.*`waived`/gm)].map((match) => match[1]);
    expect(waivable).toEqual(["research", "soap", "visa_h1b_stamping"]);
    expect(block).toMatch(/^\| `visa_h1b_stamping` \|.*`waived` \(in a US time zone only\) \|$/m);
  });

  it("name the required applicant fields, with programsPlanned and the school's sponsor note", () => {
    expect(block).toMatch(
      /^Required: `type`, `submissionId`, `applicant` \(`externalId`, .*`programsPlanned`\)/m,
    );
    expect(block).toContain("`medicalSchool` (`name`, `country`, `wdomsSponsorNote`: `null` when unknown)");
    expect(block).toContain("in each milestone `key`, `status`");
  });
});
