import { describe, expect, it } from "vitest";
import { USAGE } from "../../../shared/cli/plan-args.ts";

describe("npm run plan -- --help", () => {
  it("names in its usage lines every option the list below them documents", () => {
    const [usageLines = "", ...rest] = USAGE.split("\n\n");
    const documented = [...rest.join("\n").matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]);
    expect(documented).toContain("--preferences");
    for (const option of documented)
      if (option !== "--help") expect(usageLines).toMatch(new RegExp(`[[ ]${option}[ \\]]`));
  });
});
