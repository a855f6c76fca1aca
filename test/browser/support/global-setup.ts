import { assertChromiumInstalled } from "./chromium.ts";

/**
 * Runs before the browser project's local stack starts: a missing Chromium fails the run at once
 * with the command that installs it, rather than skipping the tests.
 */
export default function setup(): void {
  assertChromiumInstalled();
}
