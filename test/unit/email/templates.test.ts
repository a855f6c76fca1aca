import { describe, expect, it } from "vitest";
import { compileTemplate, TEMPLATES } from "#email/templates/build.ts";

describe("email templates", () => {
  it.each(TEMPLATES)(
    "$compiled holds the HTML MJML makes of the current $source (else run npm run email:build)",
    async (template) => {
      const compiled = (await import(`#email/templates/${template.compiled}`)) as Record<string, string>;
      expect(compiled[template.constant]).toBe(await compileTemplate(template));
    },
  );
});
