import type { CatalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { DONE_RECORDS, START_RECORDS } from "../step-actions.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { NRMP_SOAP_URL } from "./risk-sources.ts";
import { SOAP_CAP } from "./soap-cap-words.ts";

const MATCH_WEEK = indexedStep("match_week");
const SOAP = indexedStep("soap");
const MATCH_DAY = indexedStep("match_day");

/** NRMP's Match Week page: Monday's release tells each applicant whether they matched; SOAP is for those who did not. */
const NRMP_MATCH_WEEK_URL = "https://www.nrmp.org/residency-applicants/match-week/";

/**
 * Whether the applicant's two Match Week answers contradict each other:
 * Match Week marked done (matched, as the SOAP card asks a matched applicant to mark it) and SOAP in
 * progress (not matched, taking part in SOAP), from NRMP's Monday release on, Match Day not done. NRMP
 * admits to SOAP only applicants who did not match, or matched partially
 * (https://www.nrmp.org/residency-applicants/match-week/), so both cannot hold. While they conflict
 * the plan asserts neither outcome: Match Day and SOAP keep their conditional words, the plan does
 * not move for SOAP's outcome (unmatchedReported), the contract and visa steps stay planned. Before
 * Monday SOAP in progress means preparing: no conflict, Monday noted as the instant the plan changes.
 * Pure.
 */
export function matchWeekSoapConflict(context: PlanContext): boolean {
  // Match Week as the applicant marked it: one only implied (a Match Day booked) is no answer of theirs.
  if (
    statusAt(context, SOAP.index) !== "in_progress" ||
    context.entries.at(MATCH_WEEK.index)?.status !== "done"
  )
    return false;
  if (isFinished(statusAt(context, MATCH_DAY.index))) return false;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= monday) return true;
  noteRiskChange(context, monday);
  return false;
}

/**
 * Whether the applicant marked Match Week done (matched) and SOAP done (accepted a SOAP offer): SOAP
 * is for applicants who did not match (NRMP_MATCH_WEEK_URL), so one answer is wrong. Read from their
 * own entries once those told too early are reset (context.ts); either answer gives a position, so
 * the plan goes on to the contract and visa steps while it asks. Pure.
 */
export function soapAcceptedBesideMatched(context: PlanContext): boolean {
  return (
    context.entries.at(MATCH_WEEK.index)?.status === "done" &&
    context.entries.at(SOAP.index)?.status === "done"
  );
}

/**
 * How to settle the conflict, with the two buttons SOAP's card and the notice offer (actionsFor):
 * Not for me keeps "Matched"; Not matched: I'm in SOAP records Match Week not started
 * (conflictWayOut). Said by the risk and by the SOAP step.
 */
const HOW_TO_FIX = `If you matched, tap “Not for me” on SOAP; if you did not match and are in SOAP, tap “${START_RECORDS.soap?.applicant}”.`;

/**
 * How to settle the conflict over an accepted SOAP offer: the same two SOAP buttons, offered by the
 * notice and the risk though SOAP, done, is no card (conflictWayOutActions); "I accepted a SOAP
 * offer" then records Match Week not started (conflictWayOut).
 */
const HOW_TO_FIX_ACCEPTED = `If you matched, tap “Not for me” on SOAP; if you did not match and accepted a SOAP offer, tap “${DONE_RECORDS.soap?.applicant}”, and Match Week is marked not started.`;

/**
 * MATCH_WEEK_SOAP_CONFLICT (critical, its notice sent at once: critical-notice-titles.ts): names both
 * answers and how to settle each. Null when they do not conflict (matchWeekSoapConflict,
 * soapAcceptedBesideMatched).
 */
export function matchWeekSoapConflictRisk(context: PlanContext): Risk | null {
  if (soapAcceptedBesideMatched(context))
    return {
      code: "MATCH_WEEK_SOAP_CONFLICT",
      severity: "critical",
      message: `You marked Match Week done, which says you matched, and SOAP done, which says you did not match and accepted a SOAP offer: only applicants who did not match can take part in SOAP, so both cannot be right. ${HOW_TO_FIX_ACCEPTED} Either way you have a position, so your ${contractSteps(context.applicant.visa)} stay planned.`,
      milestones: ["match_week", "soap"],
      sources: [NRMP_MATCH_WEEK_URL, NRMP_SOAP_URL],
    };
  if (!matchWeekSoapConflict(context)) return null;
  return {
    code: "MATCH_WEEK_SOAP_CONFLICT",
    severity: "critical",
    message: `You marked Match Week done, which says you matched, and SOAP in progress, which says you did not match and are taking part in SOAP: only applicants who did not match can take part in SOAP, so both cannot be right. ${HOW_TO_FIX} Until you tell us which is right, this plan assumes neither: SOAP keeps its "if you did not match" steps and your ${contractSteps(context.applicant.visa)} stay planned.`,
    milestones: ["match_week", "soap"],
    sources: [NRMP_MATCH_WEEK_URL, NRMP_SOAP_URL],
  };
}

/**
 * SOAP's in-progress words while the answers conflict: the conflict and its fix first, then how to
 * take part only if NRMP said "not matched" (the 45: SOAP_CAP), never
 * "You are in SOAP".
 */
const SOAP_CONFLICT_ACTION = `You marked Match Week done (matched) and SOAP in progress (not matched): which is it? ${HOW_TO_FIX} If NRMP told you on Monday that you did not match, take part in SOAP now: send your applications through ERAS to programs on the List of Unfilled Programs in R3 (${SOAP_CAP}), then be at R3 for the offer rounds (check NRMP's Match Week schedule for the round times): each offer must be accepted or rejected within its round, or it expires.`;

const conflictEntries = new WeakMap<CatalogEntry, CatalogEntry>();

/** `soap` (SOAP's Match Week entry) with the conflict's in-progress words, made once per entry. */
export function soapConflictEntry(soap: CatalogEntry): CatalogEntry {
  let phased = conflictEntries.get(soap);
  if (phased === undefined) {
    phased = Object.freeze({
      ...soap,
      statusActions: { ...soap.statusActions, inProgress: SOAP_CONFLICT_ACTION },
    }) as CatalogEntry;
    conflictEntries.set(soap, phased);
  }
  return phased;
}
