import { setupPlanner } from "./setup.ts";

/** The Lambda entry: the planner function built once per cold start (setup.ts). */
export const handler = setupPlanner();
