import type { CatalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { seasonInstantEt } from "../seasons/date-words.ts";
import { DONE_RECORDS, START_RECORDS } from "../step-actions.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { positionBesideSoapWords } from "./position-beside-soap.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { NRMP_SOAP_URL } from "./risk-sources.ts";
import { SOAP_CAP } from "./soap-cap-words.ts";

const MATCH_WEEK = indexedStep("match_week");
const SOAP = indexedStep("soap");

/** NRMP's Match Week page: Monday's release tells each applicant whether they matched; SOAP is for those who did not. */
const NRMP_MATCH_WEEK_URL = "https://www.nrmp.org/residency-applicants/match-week/";

/**
 * NRMP: an applicant matched to a PGY-1 (preliminary or transitional) position only, or to an
 * advanced PGY-2 position only, is partially matched, and may take part in SOAP for the positions R3
 * shows them eligible for (official; https://www.nrmp.org/help/item/what-is-a-partially-matched-applicant/).
 */
export const NRMP_PARTIAL_MATCH_URL = "https://www.nrmp.org/help/item/what-is-a-partially-matched-applicant/";
/**
 * NRMP: one matched to an advanced position but to no linked preliminary one stays committed to the
 * advanced position, must seek a first-year position in SOAP or after it, and without one by July 1
 * of the Match year must ask NRMP to waive that commitment (official).
 */
const NRMP_ADVANCED_ONLY_URL =
  "https://www.nrmp.org/residency-applicants/rank-your-programs-main/about-supplemental-rank-order-lists/";

/**
 * Whether the applicant marked Match Week done (matched, as the SOAP card asks a matched applicant
 * to mark it) and SOAP in progress (taking part in SOAP), from NRMP's Monday release on, Match Day
 * done or not: where one matched says nothing of the year a partial match lacks. A legitimate answer pair: NRMP admits to SOAP applicants who did not match and those who
 * matched partially (NRMP_PARTIAL_MATCH_URL: an advanced PGY-2 position only, the usual case in
 * anesthesiology, neurology or radiology, or a PGY-1 position only), so the plan reads it as a
 * partial match and asks only whether it is one: SOAP keeps its steps for the year the match
 * lacks, the plan does not move for SOAP's outcome (unmatchedReported: the applicant holds a
 * position), the contract and visa steps stay planned. Before Monday SOAP in progress means
 * preparing: not read, Monday noted as the instant the plan changes. Pure.
 */
export function matchWeekSoapConflict(context: PlanContext): boolean {
  // Match Week as the applicant marked it: one only implied (a Match Day booked) is no answer of theirs.
  if (
    statusAt(context, SOAP.index) !== "in_progress" ||
    context.entries.at(MATCH_WEEK.index)?.status !== "done"
  )
    return false;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= monday) return true;
  noteRiskChange(context, monday);
  return false;
}

/**
 * Whether the applicant marked Match Week done (matched) and SOAP done (accepted a SOAP offer): read
 * as a partial match completed in SOAP (NRMP_PARTIAL_MATCH_URL), two binding positions, and asked
 * whether it is one. Read from their own entries once those told too early are reset (context.ts);
 * either reading gives a position, so the plan goes on to the contract and visa steps. Pure.
 */
export function soapAcceptedBesideMatched(context: PlanContext): boolean {
  return (
    context.entries.at(MATCH_WEEK.index)?.status === "done" &&
    context.entries.at(SOAP.index)?.status === "done"
  );
}

/** What NRMP calls a partial match (NRMP_PARTIAL_MATCH_URL), said by the risk and SOAP's card. */
const PARTIAL =
  "NRMP calls an applicant matched to an advanced (PGY-2) position only, or to a preliminary or transitional (PGY-1) position only, partially matched, and lets them take part in SOAP for the positions R3 shows them eligible for";

/**
 * The other readings of the pair and their buttons (actionsFor): “Not for me” on SOAP keeps
 * "Matched" (a full match: SOAP is not open to them); “Not matched: I'm in SOAP” records Match Week
 * not started (conflictWayOut). Said by the risk and by the SOAP step.
 */
const IF_NOT_PARTIAL = `If you matched to a full (categorical) position, SOAP is not open to you: tap “Not for me” on SOAP. If you did not match at all, tap “${START_RECORDS.soap?.applicant}”.`;

/** The other readings once SOAP has ended: its card and buttons are gone, the form or the advisor corrects. */
const IF_NOT_PARTIAL_AFTER_SOAP =
  "If you matched to a full (categorical) position, or did not match at all, send your intake form again with the right Match Week and SOAP answers, or ask your advisor.";

/**
 * The same over an accepted SOAP offer: the two SOAP buttons, offered by the notice and the risk
 * though SOAP, done, is no card (conflictWayOutActions); "I accepted a SOAP offer" then records
 * Match Week not started (conflictWayOut).
 */
const IF_NOT_PARTIAL_ACCEPTED = `If you matched to a full (categorical) position, SOAP was not open to you: tap “Not for me” on SOAP. If you did not match at all and accepted a SOAP offer, tap “${DONE_RECORDS.soap?.applicant}”, and Match Week is marked not started.`;

/**
 * MATCH_WEEK_SOAP_CONFLICT (critical, its notice sent when it appears: critical-notice-titles.ts): Match
 * Week done beside SOAP read as a partial match, with the other readings and how to say each
 * (matchWeekSoapConflict, soapAcceptedBesideMatched); or a contract (or a visa step after it)
 * beside "not matched, in SOAP" (positionBesideSoap: counted as not started), asked as a
 * contradiction that names the partial match. Null otherwise.
 */
export function matchWeekSoapConflictRisk(context: PlanContext): Risk | null {
  const steps = contractSteps(context.applicant.visa);
  const sources = [NRMP_PARTIAL_MATCH_URL, NRMP_SOAP_URL];
  if (soapAcceptedBesideMatched(context))
    return {
      code: "MATCH_WEEK_SOAP_CONFLICT",
      severity: "critical",
      message: `You marked Match Week done (matched) and SOAP done (you accepted a SOAP offer), so this plan reads a partial match completed in SOAP: ${PARTIAL}. The position you matched to and the one you accepted in SOAP are both binding: sign each program's contract, and your ${steps} stay planned for the position you start first. ${IF_NOT_PARTIAL_ACCEPTED}`,
      milestones: ["match_week", "soap"],
      sources,
    };
  const besideSoap = context.positionBesideSoap;
  if (besideSoap === null && !matchWeekSoapConflict(context)) return null;
  // In SOAP's tense: "take part now" while it runs, what its end left to do once it has ended
  // (SOAP's card and its buttons are gone then: the other readings are told by the form).
  const soapEnd = context.calendar.dates.nrmp_soap_ends;
  noteRiskChange(context, soapEnd.at);
  const running = context.now < soapEnd.at;
  if (besideSoap !== null)
    return {
      code: "MATCH_WEEK_SOAP_CONFLICT",
      severity: "critical",
      message: `You told us you did not match and are taking part in SOAP, yet you marked ${positionBesideSoapWords(besideSoap)}: a contract comes only with a position, so which is right? If you accepted a SOAP offer, ${running ? `tap “${DONE_RECORDS.soap?.applicant}” on SOAP` : "mark Match Day done"}: your ${steps} then go on from it. If you matched, fully or partially (${PARTIAL}), send your intake form again with Match Week done, or ask your advisor. Until you tell us, this plan plans as if you hold no position yet: SOAP and the question of its outcome stay, and your ${steps} wait for a position, with nothing to pay for them yet.`,
      milestones: ["soap", "match_day", ...besideSoap.map((entry) => entry.key)],
      sources: [NRMP_MATCH_WEEK_URL, ...sources],
    };
  const inSoap = running
    ? "Take part in SOAP now for the year your match lacks: SOAP stays planned."
    : `SOAP ended on ${seasonInstantEt(soapEnd)}: if you accepted a SOAP offer for the year your match lacks, mark SOAP done (“${DONE_RECORDS.soap?.applicant}”); if not, look for that year's position outside SOAP.`;
  return {
    code: "MATCH_WEEK_SOAP_CONFLICT",
    severity: "critical",
    message: `You marked Match Week done (matched) and SOAP in progress, so this plan reads a partial match: ${PARTIAL}. ${inSoap} Your ${steps} stay planned for the position you matched to. Matched to an advanced position only, you are committed to it and must find a first-year position in SOAP or after it; without one by July 1, ${context.calendar.matchYear}, you must ask NRMP to waive your commitment to the advanced program. ${running ? IF_NOT_PARTIAL : IF_NOT_PARTIAL_AFTER_SOAP}`,
    milestones: ["match_week", "soap"],
    sources: [...sources, NRMP_ADVANCED_ONLY_URL],
  };
}

/**
 * SOAP's in-progress words beside Match Week done: a partial match's SOAP (PARTIAL), then the other
 * readings and their buttons, never "You are in SOAP" as for one who did not match.
 */
const SOAP_CONFLICT_ACTION = `You marked Match Week done (matched) and SOAP in progress: a partial match (${PARTIAL})? Then take part in SOAP now for the year your match lacks: send your applications through ERAS to programs on the List of Unfilled Programs in R3 that it shows you eligible for (${SOAP_CAP}), then be at R3 for the offer rounds (check NRMP's Match Week schedule for the round times): each offer must be accepted or rejected within its round, or it expires. ${IF_NOT_PARTIAL}`;

/** SOAP's title beside Match Week done: the partial match's SOAP, not "if you did not match". */
const SOAP_PARTIAL_TITLE = "SOAP: find the year your partial match lacks";

const conflictEntries = new WeakMap<CatalogEntry, CatalogEntry>();

/** `soap` (SOAP's Match Week entry) with a partial match's title and in-progress words, made once per entry. */
export function soapConflictEntry(soap: CatalogEntry): CatalogEntry {
  let phased = conflictEntries.get(soap);
  if (phased === undefined) {
    phased = Object.freeze({
      ...soap,
      title: SOAP_PARTIAL_TITLE,
      statusActions: { ...soap.statusActions, inProgress: SOAP_CONFLICT_ACTION },
    }) as CatalogEntry;
    conflictEntries.set(soap, phased);
  }
  return phased;
}
