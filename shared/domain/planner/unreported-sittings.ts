import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { plannedDayAt } from "./earliest-certification.ts";

/**
 * The catalog indices of the exams NRMP needs (`neededForRanking`) that the applicant sits on a day
 * they book (`schedule`): Step 1 and Step 2 CK. The Pathway is an application, not a sitting.
 */
const SITTINGS_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.neededForRanking !== undefined && entry.stepActions.includes("schedule") ? [index] : [],
);

/** An exam sat with no result reported: its advisor name and the day of the sitting ("Wed 20 Jan 2027"). */
export interface UnreportedSitting {
  name: string;
  sat: string;
  /** The exam's catalog index (stepIndex). */
  index: number;
}

/**
 * The exams NRMP needs sat before `before`, with no result reported (the step not done): "USMLE
 * Step 2 CK" (the catalog's advisorName) with the day sat, in catalog order. The catalog's
 * `reportingDays` is a cautious advice figure, and scores often post sooner: a sitting before the
 * deadline may have reported by it (a sitting 14 days before the
 * deadline, list certified, was written off with Match Week blocked).
 * NRMP withdraws an IMG from the Match and from SOAP unless ECFMG confirms these by the rank order
 * list deadline (official: the catalog's `neededForRanking` source), and Matchpath cannot know that
 * a result it was never told of reached ECFMG: such a sitting counts like an exam not done for the
 * Match it was meant for. Empty for most plans.
 */
export function unreportedSittings(context: PlanContext, before: number): readonly UnreportedSitting[] {
  let found: UnreportedSitting[] | undefined;
  for (const index of SITTINGS_AT) {
    if (context.applicable[index] !== true || isFinished(statusAt(context, index))) continue;
    const day = plannedDayAt(context, index);
    const date = context.entries.at(index)?.date;
    // A sitting on or after `before` could not have reported by it: that is an exam not done.
    if (day === null || day >= before || date === undefined) continue;
    found ??= [];
    found.push({
      name: (MILESTONE_CATALOG[index] as CatalogEntry).advisorName,
      sat: renderDate(date),
      index,
    });
  }
  return found ?? NONE;
}

const NONE: readonly UnreportedSitting[] = Object.freeze([]);

/** "your USMLE Step 2 CK result" or "your USMLE Step 1 and USMLE Step 2 CK results". */
export function unreportedResults(sittings: readonly { name: string }[]): string {
  return sittings.length === 1
    ? `your ${sittings[0]?.name} result`
    : `your ${sittings.map((sitting) => sitting.name).join(" and ")} results`;
}

/** The rank order list's catalog index (stepIndex). */
export const RANK_ORDER_LIST_AT = stepIndex("rank_order_list");

/**
 * A certified list whose exams ECFMG may not have confirmed by the rank order list deadline `rol`:
 * a sitting before it with no result reported (unreportedSittings). Matchpath cannot tell that the
 * result reached ECFMG in time, so the list counts as one with exams not done (assessFeasibility)
 * until the result is reported (Match Week and SOAP urged as for a live Match).
 */
export function listAwaitsResult(context: PlanContext, rol: number): boolean {
  return statusAt(context, RANK_ORDER_LIST_AT) === "done" && unreportedSittings(context, rol).length > 0;
}
