import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

/**
 * How a function's bundle is built, as the CDK function construct builds it
 * (infra/constructs/matchpath-function.ts: ESM, minified, node24, AWS SDK bundled, module before
 * main, the createRequire banner, source map beside the bundle). Shared by the bundles benchmark
 * and the test that reads each bundle's metafile for the SDK clients it carries.
 */

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const BANNER =
  "import { createRequire as __matchpathCreateRequire } from 'node:module'; const require = __matchpathCreateRequire(import.meta.url);";

/** Every folder under functions/ with a handler.ts: one Lambda function each. */
export function functionNames(): string[] {
  return readdirSync(join(ROOT, "functions")).filter((name) => {
    try {
      return statSync(join(ROOT, "functions", name, "handler.ts")).isFile();
    } catch {
      return false;
    }
  });
}

export function bundleOptions(name: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(ROOT, "functions", name, "handler.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    mainFields: ["module", "main"],
    banner: { js: BANNER },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(ROOT, "tsconfig.json"),
    outfile,
    logLevel: "error",
  };
}
