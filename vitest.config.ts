import { configDefaults, defineConfig } from "vitest/config";
import { UNIT_ISOLATED } from "./test/support/unit-isolated.ts";

// Three layers: unit (pure, plus CDK template assertions), integration (against the local stack:
// DynamoDB Local with real Streams and the SES emulator, started once by the global setup), and
// browser (Debian's Chromium driven by playwright-core against its own local stack: what a person
// sees, emails and pages, checked with axe-core).
export default defineConfig({
  test: {
    env: {
      // The SDK warns once per process that its 2027 releases need Node 22. Known and documented (the
      // machines run Node 20, Lambda runs nodejs22.x); silenced so test output shows test results.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    // Two workers for the parallel projects: left unset, vitest takes availableParallelism() - 1,
    // one worker on CI's two cores, and the unit phase ran on one core while the other idled.
    maxWorkers: 2,
    // Property tests draw from one seed unless FC_SEED says otherwise (test/support/property-seed.ts).
    setupFiles: ["test/support/property-seed.ts"],
    projects: [
      {
        extends: true,
        test: {
          // The pure unit files (no mocks, no stubbed environment: test/unit/no-mocks.test.ts) share
          // one module graph per worker instead of importing the domain, the SDK and the email
          // templates again for every file: with isolation, importing took 300 s of CI's 1,149 s.
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT_ISOLATED],
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "unit-isolated",
          include: [...UNIT_ISOLATED],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The fast part of `npm run test:deploy`: Scheduler, SES, EventBridge and SSM stand-ins
          // that keep the API references' rules, around the real use cases and adapters.
          name: "deploy",
          include: ["test/deploy/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/support/park-earlier-wake-ups.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One local stack serves all files; files run one after another against it.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // Chromium first: a missing browser fails the run with how to install it, never a skip.
          globalSetup: ["test/browser/support/global-setup.ts", "test/integration/global-setup.ts"],
          setupFiles: ["test/integration/support/park-earlier-wake-ups.setup.ts"],
          // One module graph for the layer, as for `unit`: re-importing Playwright, the SDK, the
          // domain and the templates per file was 40 % of the layer's time. Browser files leave no
          // global or environment state behind. Its own group (1) since it shares the graph on one
          // worker; it runs after the unit projects and before integration.
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
