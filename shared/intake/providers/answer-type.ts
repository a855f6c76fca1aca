import type { TargetKind } from "#intake/answers/targets.ts";

/**
 * One answer type a provider documents, and what Matchpath does with it: the kinds of snapshot path
 * it can fill, or why it is refused and what to ask instead. Each provider lists its own
 * (`FormProvider.answerTypes`, with its source); the providers guide (shared/intake/PROVIDERS.md,
 * "Answer types") shows them all, and a test keeps the two equal.
 */
export interface AnswerType {
  /** The provider's own name for the type: Tally `INPUT_TIME`, Typeform `date`, Jotform `control_time`. */
  type: string;
  /** What the answer looks like, for the guide. */
  sends: string;
  /** The path kinds it can fill; empty when refused. */
  fills: readonly TargetKind[];
  /** For a refused type: why, and what to ask instead. */
  refused?: string;
}

/** Every kind a path can be: what a text or a choice can fill. */
export const ALL: readonly TargetKind[] = [
  "text",
  "number",
  "boolean",
  "list",
  "date",
  "time",
  "zone",
  "instant",
];
export const TEXT: readonly TargetKind[] = ALL;
export const NUMBER: readonly TargetKind[] = ["number", "text"];
export const YESNO: readonly TargetKind[] = ["boolean", "text"];
export const DATE: readonly TargetKind[] = ["date", "text"];
export const TIME: readonly TargetKind[] = ["time", "text"];
export const INSTANT: readonly TargetKind[] = ["instant"];
export const CHOICE: readonly TargetKind[] = [...ALL];
export const MANY: readonly TargetKind[] = ["list", "text"];

/** Why refused answers are refused, shared by the providers. */
export const FILES =
  "Matchpath keeps no uploaded files (they are personal documents): leave the question out of the mapping, or ask a yes/no such as “I have uploaded my CV” and map it to the milestone's status";
export const SIGNATURE = "a signature is not applicant data: leave it out of the mapping";
export const PAYMENT =
  "Matchpath tracks no payments: ask a yes/no such as “I paid the ERAS fee” and map it to the milestone's status";
export const GRID =
  "a grid gives one answer per row: ask each row as its own question (e.g. one dropdown per milestone) and map each";

/** A type Matchpath refuses, with why and what to ask instead. */
export function refused(type: string, sends: string, why: string): AnswerType {
  return { type, sends, fills: [], refused: why };
}
