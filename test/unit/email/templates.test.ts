import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { compileTemplate, TEMPLATES } from "#email/templates/build.ts";

describe("email templates", () => {
  it.each(TEMPLATES)(
    "$compiled is compiled from the current $source (run npm run email:build)",
    async (template) => {
      const committed = await readFile(
        new URL(`../../../shared/email/templates/${template.compiled}`, import.meta.url),
        "utf8",
      );
      expect(committed).toBe(await compileTemplate(template));
    },
  );
});
