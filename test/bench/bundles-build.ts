import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";
import { functionBuildOptions } from "../../infra/constructs/function-bundling.ts";

/**
 * How a function's bundle is built: the CDK function construct's own esbuild settings
 * (infra/constructs/function-bundling.ts, one definition for both). Shared by the bundles benchmark
 * and the test that reads each bundle's metafile for the SDK clients it carries.
 */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

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

/** The build options of one function's bundle, written into `outdir` (`index.mjs` and `chunks/`). */
export function bundleOptions(name: string, outdir: string): BuildOptions {
  return functionBuildOptions(ROOT, join("functions", name, "handler.ts"), outdir);
}
