import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { IMPLIED_AT, indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const SOAP = indexedStep("soap");
const MATCH_WEEK = indexedStep("match_week");
const MATCH_DAY = indexedStep("match_day");

/**
 * Whether the applicant reports a SOAP position accepted: SOAP
 * "done" as an answer, from NRMP's Match Week Monday release on (an answer dated before its local day
 * was reset to not started by buildContext: soapAnsweredTooEarly; so was a done dated before SOAP's
 * first offer round, or undated before that round: soap-done-before-offers.ts). NRMP: a SOAP offer accepted in R3
 * is a binding commitment, as a match is (https://www.nrmp.org/residency-applicants/soap/), so the
 * applicant holds a position; "still taking part" is SOAP in progress. Pure (notes Monday's release
 * as the instant the plan changes when an undated answer came before it).
 */
export function soapPositionReported(context: PlanContext): boolean {
  if (statusAt(context, SOAP.index) !== "done" || context.entries.at(SOAP.index)?.status !== "done")
    return false;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= monday) return true;
  noteRiskChange(context, monday);
  return false;
}

/**
 * Whether Match Day reads as done only because of the SOAP position (soapPositionReported): the
 * applicant did not report Match Day done itself. The contract's words then name that evidence.
 */
export function matchDayFromSoapPosition(context: PlanContext): boolean {
  return context.entries.at(MATCH_DAY.index)?.status !== "done" && soapPositionReported(context);
}

/**
 * The context with Match Week and Match Day done, and what Match Day's done implies (IMPLIED_AT: the
 * certified list, NRMP registration...), when the applicant reports a SOAP position accepted
 * (soapPositionReported): the presumption a later step's done makes of earlier ones (buildContext's
 * prerequisites), the SOAP position being the later step here. The contract and the visa steps then
 * unblock at once and run their ladders, dated as for a matched applicant (the contract two weeks
 * after Match Day, advice); Match Day reported later with its program only confirms it. The same
 * context when nothing changes.
 */
export function acceptedSoapPosition(context: PlanContext): PlanContext {
  if (isFinished(statusAt(context, MATCH_DAY.index)) && isFinished(statusAt(context, MATCH_WEEK.index)))
    return context;
  if (!soapPositionReported(context)) return context;
  const statuses: MilestoneStatus[] = context.statuses.slice();
  for (const index of [MATCH_WEEK.index, MATCH_DAY.index, ...(IMPLIED_AT[MATCH_DAY.index]?.done ?? [])])
    if (!isFinished(statuses[index] ?? "not_started")) statuses[index] = "done";
  return contextWith(context, { statuses });
}

const soapPositionEntries = new WeakMap<CatalogEntry, CatalogEntry>();

/**
 * The contract as it reads when Match Day is done only from the SOAP position
 * (matchDayFromSoapPosition): its words name that evidence. `undefined` for any other step or
 * applicant (the catalog's text applies). Its date is the catalog's (two weeks after Match Day).
 */
export function soapPositionStep(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
): { due: DueDate; entry: CatalogEntry; followUpOnly: false } | undefined {
  if (entry.key !== "contract" || !matchDayFromSoapPosition(context)) return undefined;
  const due = dates.due("contract");
  if (due === null) return undefined;
  let phased = soapPositionEntries.get(entry);
  if (phased === undefined) {
    phased = Object.freeze({
      ...entry,
      action: `${SOAP_POSITION_WORDS} ${entry.action}`,
    }) as CatalogEntry;
    soapPositionEntries.set(entry, phased);
  }
  return { due, entry: phased, followUpOnly: false };
}

/** What the contract says first for a SOAP position (NRMP: an accepted SOAP offer is binding). */
export const SOAP_POSITION_WORDS =
  "You marked SOAP done: the SOAP offer you accepted in R3 is your position, as binding as a match, so this plan counts Match Day as done from your accepted SOAP position (marking Match Day done later only confirms it).";
