import { basisMark } from "../date-basis.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { capitalised, evidenceSuggests } from "./presumption-evidence.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const OET = indexedStep("oet_medicine");

/**
 * Whether presumedInTheMatch read the step at `index` (catalog index) as sent, not done: never
 * reported, in its `presumedDone`, and in progress (the Pathway beside an OET reported not passed,
 * presumed-in-the-match.ts). Such a step keeps that presumption after its own deadline:
 * it is under review, never "not submitted".
 */
export function presumedSent(context: PlanContext, index: number): boolean {
  const presumed = context.presumedDone;
  return (
    presumed !== undefined &&
    statusAt(context, index) === "in_progress" &&
    context.entries.at(index) === undefined &&
    presumed.includes(index)
  );
}

/** Whether the Pathway is presumed sent (presumedSent) and its projected application deadline has passed. */
export function presumedSentPathwayPastDeadline(context: PlanContext): boolean {
  return presumedSentPastDeadline(context, PATHWAY.index);
}

/**
 * Whether the step at `index` (catalog index) is the Pathway, presumed sent (presumedSent), past its
 * projected application deadline: what is left is ECFMG's review, not a step to do. Cheap for every
 * other step and plan (no presumption: one undefined check).
 */
export function presumedSentPastDeadline(context: PlanContext, index: number): boolean {
  if (context.presumedDone === undefined || index !== PATHWAY.index) return false;
  const deadline = pathwayDeadline(context.calendar);
  return deadline !== null && context.now > deadline && presumedSent(context, index);
}

/**
 * The card of a Pathway presumed sent (presumedSent) once its projected application deadline has
 * passed: under ECFMG's review as the catalog's in-progress card says (`weeks`:
 * its review allowance, advice), with one hedge for an application never submitted, naming the
 * Match and its projected deadline as passed only on the projection, ECFMG's own unconfirmed
 * (pathwaysUnconfirmed: check ECFMG's page, submit today if it still accepts), and the rank order list deadline by which NRMP needs ECFMG's
 * acceptance (official rule, projected date). Null otherwise (the catalog's text then).
 */
export function presumedSentPathwayAction(context: PlanContext, weeks: number): string | null {
  if (!presumedSentPathwayPastDeadline(context)) return null;
  const year = context.calendar.matchYear;
  const deadline = pathwayDeadline(context.calendar) as number;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const projected = basisMark(rol);
  // The OET result is asked for only while the OET is not finished (it may be presumed done too).
  const oet = isFinished(statusAt(context, OET.index)) ? "" : "send your OET result and ";
  return `${capitalised(evidenceSuggests(context))} your Pathway application went in, so ECFMG is reviewing it (allow about ${weeks} weeks, advice): ${oet}answer any request for documents in MyIntealth, and mark this step done when ECFMG accepts it. If you never submitted it, the ${year} Match's Pathway deadline, ${dayBy(context, deadline)}, passed on our projection; ${pathwaysUnconfirmed(year)}: check ECFMG's Pathways page, and if it still accepts applications, submit today and tell us. NRMP needs ECFMG's acceptance by the rank order list deadline, ${dayBy(context, rol.at)}${projected}.`;
}

/**
 * Whether an undated Pathway (no own date) in progress may already be under ECFMG's review, for
 * assessFeasibility's chain: before the rank order list deadline always;
 * judged as of that deadline (`pastDeadline`) only when an interview presumes it sent
 * (presumedSent), a reading it keeps past its deadline, so an OET sat in time with its
 * result unreported is judged on that result, not written off.
 */
export function undatedPathwayMaybeSent(context: PlanContext, pastDeadline: boolean): boolean {
  if (statusAt(context, PATHWAY.index) !== "in_progress") return false;
  return !pastDeadline || presumedSent(context, PATHWAY.index);
}
