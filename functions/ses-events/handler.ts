import { setupSesEvents } from "./setup.ts";

/** The Lambda entry: the ses-events function built once per cold start (setup.ts). */
export const handler = setupSesEvents();
