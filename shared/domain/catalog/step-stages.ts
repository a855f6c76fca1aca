/**
 * The stages a step can put an applicant in (the catalog's `stage`; the console's stages, in
 * console/stage.ts, add "season-over"): "complete" is for a step that never decides where someone
 * stands (the budget runs through the whole season); "season-over" is the plan's, never a step's.
 * Match Week, SOAP and Match Day close the ranking stage; Step 3 is the visa stage's, since it
 * matters only for an H-1B petition. Catalog data, so the catalog's schema reads it from here and
 * does not import the console's rules.
 */
export const STEP_STAGES = ["exams", "application", "interviews", "ranking", "visa", "complete"] as const;
