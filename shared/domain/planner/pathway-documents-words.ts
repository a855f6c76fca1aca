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
