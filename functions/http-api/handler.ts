import { setupHttpApi } from "./setup.ts";

/** The Lambda entry: the http-api function built once per cold start (setup.ts). */
export const handler = setupHttpApi();
