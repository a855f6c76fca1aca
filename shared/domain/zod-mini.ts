// Matchpath's words for every zod issue a schema does not word itself (issue-words.ts registers them).
import "./issue-words.ts";

/**
 * zod's tree-shakable "mini" API, for the schemas a function builds or parses at cold start (its
 * configuration, its event, the preferences default, the snapshot schemas): classic zod's schema classes cost about 40 ms of
 * module init to build the first schema (BENCHMARKS.md, bundles), mini's a few. Mini registers no
 * locale; issue-words.ts words every issue a schema does not word itself.
 * Import it as a namespace: `import * as z from "#domain/zod-mini.ts"`.
 */

// Re-exported, not exported as one `z` object, so esbuild tree-shakes what a bundle does not use.
export * from "zod/mini";
