import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DOMAIN_DIR = fileURLToPath(new URL("../../../shared/domain/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(DOMAIN_DIR);

describe("the domain is pure", () => {
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((path) => [path.slice(DOMAIN_DIR.length), path]))(
    "%s imports no AWS or I/O and reads no clock",
    (_name, path) => {
      const text = readFileSync(path, "utf8");
      expect(text).not.toMatch(/from\s+["']@aws-sdk\//);
      expect(text).not.toMatch(/from\s+["']aws-cdk-lib/);
      expect(text).not.toMatch(/from\s+["']node:/);
      expect(text).not.toMatch(/from\s+["'](fs|path|child_process|http|https|net|os)["']/);
      expect(text).not.toMatch(/\bimport\s*\(/);
      expect(text).not.toMatch(/Date\.now\s*\(/);
      expect(text).not.toMatch(/new\s+Date\s*\(\s*\)/);
      expect(text).not.toMatch(/process\.(env|argv|stdout|hrtime)/);
    },
  );
});
