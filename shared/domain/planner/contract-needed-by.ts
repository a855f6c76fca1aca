import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/** The visa chain's steps that wait on the program's contract (catalog prerequisites: J-1's sponsorship, H-1B's petition). */
const WAITS_ON_CONTRACT: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) =>
    entry.stage === "visa" && entry.prerequisites.some((prerequisite) => prerequisite.key === "contract"),
);

/** The contract's next step in the visa chain and the date the plan gives it: the date the chain needs the contract by. */
export interface ContractNeededBy {
  step: CatalogEntry;
  due: DueDate;
}

/**
 * The date the visa chain needs the contract by: the earliest date the plan gives an open step of
 * the applicant's route that waits on it (the J-1 sponsorship, the H-1B petition), each counted back
 * from residency's start by the chain's own allowances. Null when no such step applies (no visa
 * needed: the contract is the whole chain). The contract's own date (two weeks after Match Day) is
 * our advice, and programs set their own signing window (the catalog's source): past it alone, the
 * contract is a question for the program, not a visa already behind.
 */
export function contractNeededBy(context: PlanContext, dates: PlanDates): ContractNeededBy | null {
  let found: ContractNeededBy | null = null;
  for (const step of WAITS_ON_CONTRACT) {
    if (!applies(context, step) || isFinished(statusOf(context, step.key))) continue;
    const due = dates.due(step.key);
    if (due !== null && (found === null || due.at < found.due.at)) found = { step, due };
  }
  if (found !== null) noteRiskChange(context, found.due.at);
  return found;
}

/**
 * VISA_NOT_READY_FOR_START as a warning: the contract, alone in the chain, is past the date this plan
 * allows it but not past the date the chain needs it by (contractNeededBy), so the advice is to ask
 * the program's GME office, naming that date; critical only once it passes (visaStartRisks). `own`:
 * the contract's own date; `startWords`: residency's start as the risk names it.
 */
export function contractAwaitedRisk(
  context: PlanContext,
  own: DueDate,
  needed: ContractNeededBy,
  startWords: string,
  sources: string[],
): Risk {
  const ownDay = `${dueDay(context, own)}${basisMark(own)}`;
  const neededDay = `${dueDay(context, needed.due)}${basisMark(needed.due)}`;
  return {
    code: "VISA_NOT_READY_FOR_START",
    severity: "warning",
    message: `Your program's contract is not marked signed yet: this plan allowed until ${ownDay} for it, but programs set their own signing window. If it has not reached you, ask your program's GME office when it will send it. Your ${needed.step.advisorName} waits on it and is planned by ${neededDay} for residency starting ${startWords}: sign and return the contract before then, and tell us when it is done.`,
    milestones: ["contract"],
    sources,
  };
}
