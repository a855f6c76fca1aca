import type { SeasonCalendar } from "../seasons/index.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { PATHWAY_DEADLINE_MARK, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const OET = indexedStep("oet_medicine");

/**
 * What a card asking for a Pathway application today says of the documents that follow it (the OET
 * result among them): while ECFMG's deadline for them (projected, pathwayDocumentsDeadline) is
 * ahead, that they can follow by it; once it has passed, that it has and that they go with the
 * application: a card that promised "ECFMG's later deadline for documents" two days after the plan's
 * own risk dated that deadline passed sent an applicant to wait for a day already gone. (On NRMP's
 * later candidate that deadline falls with the application's, the last day the card already names.)
 * Past it the OET result is in: one still to come leaves the Match out of reach (the later Match's
 * card speaks, pathwayPassedAction is null), and one sat with its result awaited has its own card
 * ("it need not wait for your OET result"). The instant it passes is a re-plan (the words change).
 */
export function pathwayDocumentsWords(context: PlanContext): string {
  const due = pathwayDocumentsDeadline(context.calendar);
  if (due === null || context.now <= due) {
    if (due !== null) noteRiskChange(context, due);
    return withOetResultIn(
      context,
      " Your OET result and the other supporting documents can follow it, by ECFMG's later deadline for documents.",
    );
  }
  return ` ECFMG's deadline for supporting documents as we project it, ${dayBy(context, due)}${PATHWAY_DEADLINE_MARK}, has passed too: send your OET result and the other supporting documents with the application, not after it.`;
}

/**
 * A Pathway text with the OET result's "can follow it" dropped once the OET is passed: the result is
 * already in, and "your OET result … can follow it" told an applicant with it in hand to wait for it.
 * The catalog's words name it for one who has not sat it yet. Unchanged while the OET is open. Pure.
 */
export function withOetResultIn(context: PlanContext, text: string): string {
  if (!isFinished(statusAt(context, OET.index)) || !text.includes("OET result and the ")) return text;
  // Only the result said to follow: "send your OET result … with the application" stays.
  return text.replace(FOLLOWS, (_, your: string, rest: string) => `${your === "Y" ? "The" : "the"} ${rest}`);
}

const FOLLOWS = /([Yy])our OET result and the ([^.;]*? can follow it)/g;

/**
 * The Pathway card while its OET result is still to come (the catalog's prerequisitePending, "send
 * the OET result to ECFMG when it arrives, with the other documents"), once ECFMG's deadline for
 * those documents (projected, pathwayDocumentsDeadline of the Pathway's Match, `calendar`) has
 * passed: the OET card beside it said "Tue 26 Jan 2027, projected, has passed" while this card sent
 * the result "when it arrives" as if there were time. It says the deadline has passed and to send
 * the result the day it arrives; null while that deadline is ahead (the catalog's words, a re-plan
 * noted at the deadline) or unknown.
 */
export function pathwayOetAwaitedAction(context: PlanContext, calendar: SeasonCalendar): string | null {
  const due = pathwayDocumentsDeadline(calendar);
  if (due === null) return null;
  if (context.now <= due) {
    noteRiskChange(context, due);
    return null;
  }
  return `Choose the Pathway you qualify for and submit the application now: it need not wait for your OET result. ECFMG's deadline for supporting documents as we project it, ${dayBy(context, due)}${PATHWAY_DEADLINE_MARK}, has passed: send the OET result to ECFMG the day it arrives, with the other documents your Pathway asks for, and check ECFMG's Pathways page now.`;
}
