/**
 * The unit files that need a process of their own (vitest's default, `isolate: true`; the
 * `unit-isolated` project in vitest.config.ts). Every other unit file runs in the `unit` project,
 * `isolate: false`: the files share one module graph per worker, so a file there must leave no
 * environment, global or patched class behind (test/unit/unit-isolation.test.ts checks it).
 * - cold-start: stubs the environment, then imports the handlers as Lambda does at a cold start;
 * - adapters: aws-sdk-client-mock patches the AWS client classes (allowed there only);
 * - infra: synthesises the CDK app (its own module state, esbuild bundling).
 */
export const UNIT_ISOLATED = [
  "test/unit/functions/cold-start*.test.ts",
  "test/unit/adapters/**/*.test.ts",
  "test/infra/**/*.test.ts",
] as const;
