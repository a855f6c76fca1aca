import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchemas, SCHEMA_DIRECTORY } from "../../../shared/cli/schema.ts";

describe("published JSON Schemas", () => {
  it.each(Object.entries(generateSchemas()))(
    "%s equals a fresh generation (run npm run schema)",
    (name, fresh) => {
      expect(readFileSync(`${SCHEMA_DIRECTORY}${name}`, "utf8")).toBe(fresh);
    },
  );
});
