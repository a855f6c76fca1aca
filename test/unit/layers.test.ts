import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The house in layers (README, "Layout"): dependencies point inward, none runs back up. Each rule
// names the imports a folder must not make; the domain's own purity is test/unit/domain/purity.test.ts.
const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
const UP = ["functions/", "infra/"];
const RULES: Record<string, string[]> = {
  ports: ["#adapters", "#config", "#usecases", "#intake", "#email", ...UP],
  adapters: ["#config", "#usecases", "#intake", "#email", ...UP],
  usecases: ["#adapters", "#config", ...UP],
  config: ["#usecases", ...UP],
  email: ["#adapters", "#config", "#usecases", ...UP],
  intake: ["#config", "#usecases", ...UP],
  links: ["#adapters", "#config", "#usecases", "#intake", "#email", ...UP],
  calendar: ["#adapters", "#config", "#usecases", "#intake", ...UP],
  // The HTTP edge's shared reading and RFC 9457 problems, used by every HTTP function.
  http: ["#adapters", "#config", "#usecases", "#intake", "#email", ...UP],
  // Pages render what a use case returns (its types); they call nothing themselves.
  pages: ["#adapters", "#config", "#intake", ...UP],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const cases = Object.entries(RULES).flatMap(([folder, forbidden]) =>
  sourceFiles(join(SHARED, folder)).map((path) => [path.slice(SHARED.length), path, forbidden] as const),
);

describe("layers", () => {
  it("has files in every layer", () => {
    for (const folder of Object.keys(RULES)) {
      expect(cases.some(([name]) => name.startsWith(`${folder}/`))).toBe(true);
    }
  });

  it.each(cases)("shared/%s imports nothing from a layer above it", (_name, path, forbidden) => {
    const imports = [...readFileSync(path, "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map(
      (m) => m[1] ?? "",
    );
    const upward = imports.filter((target) =>
      forbidden.some((layer) => target.startsWith(layer) || target.includes(`../${layer}`)),
    );
    expect(upward).toEqual([]);
  });
});
