import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// README, "Development": unit tests use fakes, not mocks; aws-sdk-client-mock only in test/unit/adapters/,
// for the AWS error paths the local stack cannot produce (throttling, conditional failures mid-batch).
const UNIT = fileURLToPath(new URL("./", import.meta.url));
const MOCKS_ALLOWED_UNDER = "adapters/";

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("unit tests use fakes", () => {
  it.each(testFiles(UNIT).map((path) => [relative(UNIT, path), path]))("%s mocks nothing", (name, path) => {
    const text = readFileSync(path, "utf8");
    if (!name.startsWith(MOCKS_ALLOWED_UNDER)) expect(text).not.toMatch(/from\s+["']aws-sdk-client-mock/);
    expect(text).not.toMatch(/\bvi\.(mock|doMock|spyOn|fn)\(/);
  });
});
