import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { INTERVIEW_DOCUMENTS } from "./visa-document-awaited.ts";

/** What the card of a consular interview booked before its document came adds, per interview. */
const AWAITED_WORDS: Readonly<Record<string, string>> = {
  visa_j1:
    " Your DS-2019 is not marked received yet: the consulate needs it at the interview, so it comes first. Ask your program's liaison when it will reach you, and tell us the day it does (advice).",
  visa_h1b_stamping:
    " Your H-1B petition is not marked approved yet: the consulate needs the approval notice at the interview, so the approval comes first. Ask your program's immigration office when USCIS will decide; if the approval is not in by your interview, ask the consulate to move your interview, and tell us the new date and the day USCIS approves the petition (advice).",
};

/**
 * The sentence a booked consular interview's card adds while its document is still awaited
 * (keepVisaDocumentAwaited kept it open): "" for any other step or state.
 */
export function awaitedDocumentWords(context: PlanContext, key: MilestoneKey): string {
  const words = AWAITED_WORDS[key];
  if (words === undefined || statusOf(context, key) !== "scheduled") return "";
  const document = INTERVIEW_DOCUMENTS.find((each) => each.interview === stepIndex(key))?.document;
  return document !== undefined && !isFinished(context.statuses[document] ?? "not_started") ? words : "";
}
