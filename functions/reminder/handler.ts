import { setupReminder } from "./setup.ts";

/** The Lambda entry: the reminder function built once per cold start (setup.ts). */
export const handler = setupReminder();
