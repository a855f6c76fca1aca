import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { decisionDue } from "./pathway-review.ts";

/**
 * Whether the step is the OET, dated for the plan's own Match, whose result deadline (ECFMG's for
 * the Pathway's documents) has passed with the sitting's result unreported: a sitting in time is
 * asked about, not written off, so its follow-up announces the
 * rank order list deadline, by which ECFMG must decide the Pathway, as a USMLE sitting's does.
 */
export function oetResultAwaited(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate,
  stepDates: PlanDates,
): boolean {
  return entry.key === "oet_medicine" && due.at <= context.now && stepDates.calendar === context.calendar;
}

/** The Pathway decision's deadline (decisionDue: the rank order list deadline), rendered for the follow-up. */
export function oetResultAnnounced(
  context: PlanContext,
  stepDates: PlanDates,
): { at: number; detail: Deadline } {
  const decision = decisionDue(PATHWAY_ENTRY, context.calendar);
  return { at: decision.at, detail: stepDates.rendered(decision) };
}

const PATHWAY_ENTRY = catalogEntry("ecfmg_pathway");
