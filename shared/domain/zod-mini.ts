import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod's tree-shakable "mini" API, for the schemas a function builds or parses at cold start (its
 * configuration, its event, the preferences default, the snapshot schemas): classic zod's schema classes cost about 40 ms of
 * module init to build the first schema (BENCHMARKS.md, bundles), mini's a few. Mini registers no
 * locale (classic registers English on its first schema), so English is registered here: the same
 * messages as classic in problem details (`config/env-pieces.ts` registers it for the configuration, which may not import the domain); registering twice is harmless.
 * Import it as a namespace: `import * as z from "#domain/zod-mini.ts"`.
 */
config(en());

// Re-exported, not exported as one `z` object, so esbuild tree-shakes what a bundle does not use.
export * from "zod/mini";
