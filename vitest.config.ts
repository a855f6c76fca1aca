import { defineConfig } from "vitest/config";

// Two layers: unit (pure, plus CDK template assertions) and integration (against the local stack:
// DynamoDB Local with real Streams and the SES emulator, started once by the global setup).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/infra/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One local stack serves all files; files run one after another against it.
          fileParallelism: false,
        },
      },
    ],
  },
});
