import { setupSweeper } from "./setup.ts";

/** The Lambda entry: the sweeper function built once per cold start (setup.ts). */
export const handler = setupSweeper();
