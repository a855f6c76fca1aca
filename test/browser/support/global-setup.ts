import type { TestProject } from "vitest/node";
import { launchChromiumServer } from "./chromium.ts";

/**
 * Runs before the browser project's local stack starts: a missing Chromium fails the run at once
 * with the command that installs it, rather than skipping the tests. Then launches the one
 * Chromium every test file of the layer connects to (each in contexts of its own), closed at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide("chromiumWsEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
