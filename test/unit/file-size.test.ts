import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A newcomer reads one concern per file (README, "Architecture": its layout table). Past about 300
// lines a file has always held two concerns here (seven files split in two once it was checked),
// so the limit is checked rather than remembered. Tests and data (JSON, templates) are not counted.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m?ts|m?js)$/.test(path) ? [path] : [];
  });
}

const files = ["shared", "functions", "infra"].flatMap((top) =>
  sourceFiles(join(ROOT, top)).map((path) => relative(ROOT, path)),
);

describe("production source files stay readable in one sitting", () => {
  it("finds the production sources", () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it(`has no file over ${MAX_LINES} lines (split along a real seam, not by cutting)`, () => {
    const tooLong = files
      .map((path) => ({ path, lines: readFileSync(join(ROOT, path), "utf8").split("\n").length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
