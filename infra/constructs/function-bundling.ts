import { join } from "node:path";
import type { BuildOptions } from "esbuild";

/**
 * How every Matchpath function is bundled by esbuild: one definition, read by the CDK function
 * construct (matchpath-function.ts, through NodejsFunction's `bundling`) and by the bundles
 * benchmark and the bundle tests (test/bench/bundles-build.ts, through esbuild's own API), so what is
 * measured is what is deployed.
 *
 * - ESM for the nodejs24.x runtime (Lambda's Node.js 24).
 * - `module` before `main`: the ESM build of dependencies, which esbuild can tree-shake.
 * - Minified (about a third fewer bytes for V8 to parse at every cold start), with a source map
 *   beside the bundle (not inlined, so it costs nothing to parse unless source maps are enabled)
 *   and without the sources' text in it.
 * - The AWS SDK bundled, not taken from the runtime: the code runs with the SDK version pinned in
 *   package-lock.json (the one the tests ran against), not whatever the runtime ships.
 * - The banner gives CommonJS dependencies inside the ESM bundle the `require` they call for Node
 *   built-ins.
 *
 * Code splitting is not used: NodejsFunction writes one `index.mjs`. A module behind a dynamic import
 * therefore stays in the file (parsed, not evaluated, at cold start) and esbuild keeps it whole,
 * without tree-shaking (BENCHMARKS.md, bundles).
 */
export const FUNCTION_BUNDLING = {
  format: "esm",
  target: "node24",
  mainFields: ["module", "main"],
  banner:
    "import { createRequire as __matchpathCreateRequire } from 'node:module'; const require = __matchpathCreateRequire(import.meta.url);",
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  /** Nothing left out of the bundle, the AWS SDK included. */
  externalModules: [] as string[],
} as const;

/**
 * The same bundle through esbuild's API: `entry` from the repository root (e.g.
 * `functions/planner/handler.ts`), written to `outfile` with its `.map` beside it.
 */
export function functionBuildOptions(projectRoot: string, entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(projectRoot, entry)],
    bundle: true,
    platform: "node",
    format: FUNCTION_BUNDLING.format,
    target: FUNCTION_BUNDLING.target,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    minify: FUNCTION_BUNDLING.minify,
    sourcemap: FUNCTION_BUNDLING.sourceMap,
    sourcesContent: FUNCTION_BUNDLING.sourcesContent,
    external: [...FUNCTION_BUNDLING.externalModules],
    tsconfig: join(projectRoot, "tsconfig.json"),
    outfile,
    logLevel: "error",
  };
}
