export * from "./applicant.ts";
export * from "./cohort.ts";
export * from "./erase.ts";
export * from "./html.ts";
export * from "./shell.ts";
export * from "./what-if.ts";
