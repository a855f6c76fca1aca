import { setupConsole } from "./setup.ts";

/** The Lambda entry: the console function built once per cold start (setup.ts). */
export const handler = setupConsole();
