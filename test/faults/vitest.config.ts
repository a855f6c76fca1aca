import { defineConfig } from "vitest/config";

/**
 * `npm run test:faults`: the whole fault suite. The fast cases live in test/integration/faults*.test.ts
 * (so `npm test` runs them too); slower ones in test/faults/. None needs the local stack: they run
 * the real use cases and adapters over the bench's behaving in-memory AWS services.
 */
export default defineConfig({
  test: {
    name: "faults",
    root: new URL("../../", import.meta.url).pathname,
    include: ["test/integration/faults*.test.ts", "test/faults/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
