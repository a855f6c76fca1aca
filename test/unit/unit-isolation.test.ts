import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UNIT_ISOLATED } from "#test/support/unit-isolated.ts";

// The `unit` project shares one module graph per worker (isolate: false, vitest.config.ts): a file
// there that stubs the environment or a global, or patches an AWS client class, would leave it to
// the files after it in that worker. Such a file belongs in UNIT_ISOLATED.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LEAVES_STATE =
  /\bvi\.(stubEnv|stubGlobal|useFakeTimers|setSystemTime)\(|from\s+["']aws-sdk-client-mock|process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|globalThis\.\w+\s*=(?!=)/;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return path.endsWith(".test.ts") ? [relative(ROOT, path)] : [];
  });
}

/** The globs UNIT_ISOLATED uses: `**` any folders, `*` any characters but "/". */
function matches(glob: string, path: string): boolean {
  const pattern = glob
    .split("**/")
    .map((part) =>
      part
        .split("*")
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join("(?:.+/)?");
  return new RegExp(`^${pattern}$`).test(path);
}

const isolated = (path: string) => UNIT_ISOLATED.some((glob) => matches(glob, path));

describe("unit files that leave state behind run isolated", () => {
  it("reads the globs as vitest does", () => {
    expect(isolated("test/unit/functions/cold-start.test.ts")).toBe(true);
    expect(isolated("test/unit/functions/cold-start-ses-events-sweeper.test.ts")).toBe(true);
    expect(isolated("test/unit/adapters/aws/ses-mailer.test.ts")).toBe(true);
    expect(isolated("test/infra/matchpath-stack.test.ts")).toBe(true);
    expect(isolated("test/unit/functions/http-api.test.ts")).toBe(false);
    expect(isolated("test/unit/adapters.test.ts")).toBe(false);
  });

  it("finds the state-leaving files it is about (the cold-start and adapter files)", () => {
    const leaving = testFiles(join(ROOT, "test/unit")).filter((path) =>
      LEAVES_STATE.test(readFileSync(join(ROOT, path), "utf8")),
    );
    expect(leaving).toContain("test/unit/functions/cold-start.test.ts");
    expect(leaving).toContain("test/unit/adapters/aws/ses-mailer.test.ts");
  });

  it.each(testFiles(join(ROOT, "test/unit")).filter((path) => !isolated(path)))(
    "%s (isolate: false) stubs no environment or global and patches no AWS client",
    (path) => {
      expect(readFileSync(join(ROOT, path), "utf8")).not.toMatch(LEAVES_STATE);
    },
  );
});
