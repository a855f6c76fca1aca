import { defineConfig } from "vitest/config";

/**
 * `npm run test:deploy`: the deploy-shaped tests. The fast ones (test/deploy/*.test.ts) also run
 * in `npm test`; the chain (test/deploy/chain/) runs the bundles a `cdk synth` produced, so it
 * synthesizes first (about a minute on two busy cores) and runs only here.
 */
export default defineConfig({
  test: {
    name: "deploy",
    root: new URL("../../", import.meta.url).pathname,
    include: ["test/deploy/**/*.test.ts"],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
