import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lowerFirst } from "../../../shared/domain/planner/lower-first.ts";

const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("a sentence's start lower-cased to follow other words", () => {
  it("lower-cases a leading capitalised word: the H-1B route question after 'H-1B visa:'", () => {
    expect(lowerFirst("Will your program file a change of status or consular processing?")).toBe(
      "will your program file a change of status or consular processing?",
    );
    expect(lowerFirst("File the DS-160 with your receipt number")).toBe(
      "file the DS-160 with your receipt number",
    );
  });

  it("keeps a date, a name in capitals and a form's name as written", () => {
    expect(lowerFirst("Fri 26 Feb 2027: register")).toBe("Fri 26 Feb 2027: register");
    expect(lowerFirst("NRMP registration closes")).toBe("NRMP registration closes");
    expect(lowerFirst("DS-160 first, then the fee")).toBe("DS-160 first, then the fee");
    expect(lowerFirst("MyERAS opens")).toBe("MyERAS opens");
  });

  it("is written once in the shared code, so every card lower-cases the same way", () => {
    const defining = sources(SHARED)
      .filter((path) => /function lowerFirst\b/.test(readFileSync(path, "utf8")))
      .map((path) => relative(SHARED, path));
    expect(defining).toEqual(["domain/planner/lower-first.ts"]);
  });
});
