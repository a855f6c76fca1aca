import { join } from "node:path";
import type { BuildOptions } from "esbuild";

/**
 * The Node.js major version the functions run on: Lambda's `nodejs24.x` runtime
 * (matchpath-function.ts, whose runtime a test pins to it), esbuild's target below, and the Node.js
 * the planner bench's children run (test/bench/lambda-node.ts).
 */
export const FUNCTION_NODE_MAJOR = 24;

/**
 * How every Matchpath function is bundled by esbuild: one definition, read by the CDK function
 * construct (matchpath-function.ts, which runs esbuild's API on it when the asset is staged) and by
 * the bundles benchmark and the bundle tests (test/bench/bundles-build.ts), so what is measured is
 * what is deployed.
 *
 * - ESM for the nodejs24.x runtime (Lambda's Node.js 24).
 * - `module` before `main`: the ESM build of dependencies, which esbuild can tree-shake.
 * - Minified (about a third fewer bytes for V8 to parse at every cold start), with a source map
 *   beside each output file (not inlined, so it costs nothing to parse unless source maps are
 *   enabled) and without the sources' text in it.
 * - The AWS SDK bundled, not taken from the runtime: the code runs with the SDK version pinned in
 *   package-lock.json (the one the tests ran against), not whatever the runtime ships.
 * - The banner gives CommonJS dependencies inside the ESM bundle the `require` they call for Node
 *   built-ins (each output file is its own module, so each gets it).
 * - Code splitting: `index.mjs` holds what the handler imports statically (and code shared with
 *   it); each module behind a dynamic import (the calendar code, the SES client on first use,
 *   the SDK's rarely used credential providers) goes to its own file under `chunks/`, read and
 *   compiled only when first imported, and tree-shaken like the rest. Without splitting, esbuild
 *   keeps a lazily imported module whole inside the one file, and every cold start reads and
 *   pre-parses it (esbuild issues #3987, #4255). Measured on the reminder: 1,046 KB in one file
 *   against 359 KB read at cold start, module init CPU 128 -> 103 ms (BENCHMARKS.md, bundles).
 *   NodejsFunction writes one `--outfile` and cannot split, hence the construct's own bundling.
 */
export const FUNCTION_BUNDLING = {
  format: "esm",
  target: `node${FUNCTION_NODE_MAJOR}`,
  mainFields: ["module", "main"],
  banner:
    "import { createRequire as __matchpathCreateRequire } from 'node:module'; const require = __matchpathCreateRequire(import.meta.url);",
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  splitting: true,
  /** The file Lambda loads (`index.handler`); lazily imported chunks go under `chunks/`. */
  entryFile: "index.mjs",
  /** Nothing left out of the bundle, the AWS SDK included. */
  externalModules: [] as string[],
} as const;

/**
 * The Node.js options every function runs with (its NODE_OPTIONS variable): stack traces in the logs
 * point at the TypeScript sources through the bundled source maps. Here, beside the bundling, so the
 * planner bench's child process (test/bench/planner-child.ts) runs with them too.
 */
export const FUNCTION_NODE_OPTIONS = "--enable-source-maps";

/**
 * The bundle through esbuild's API: `entry` from the repository root (e.g.
 * `functions/planner/handler.ts`), written into `outdir` as `index.mjs` and `chunks/*.mjs`, each with
 * its `.map` beside it. Throws esbuild's build failure (with its messages) when the entry does not build.
 */
export function functionBuildOptions(projectRoot: string, entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [{ in: join(projectRoot, entry), out: FUNCTION_BUNDLING.entryFile.replace(/\.mjs$/, "") }],
    bundle: true,
    platform: "node",
    format: FUNCTION_BUNDLING.format,
    target: FUNCTION_BUNDLING.target,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    minify: FUNCTION_BUNDLING.minify,
    sourcemap: FUNCTION_BUNDLING.sourceMap,
    sourcesContent: FUNCTION_BUNDLING.sourcesContent,
    splitting: FUNCTION_BUNDLING.splitting,
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    external: [...FUNCTION_BUNDLING.externalModules],
    tsconfig: join(projectRoot, "tsconfig.json"),
    logLevel: "error",
  };
}
