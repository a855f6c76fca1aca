import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";

const SOAP = indexedStep("soap");

/**
 * `later` (a moved plan's later Match, enteredLaterMatch) without the SOAP answer the applicant gave
 * in the entered Match's Match Week: SOAP belongs to one Match, and
 * no answer about the later Match's SOAP can exist before that Match Week's Monday release, when
 * NRMP tells applicants whether they matched (season date nrmp_match_week_start_and_soap_start). An
 * undated SOAP in progress, done or "Not for me" would otherwise carry into the later plan once its
 * ERAS season has begun (pastSeasonWork resets an undated step only before then), and its SOAP card
 * would read "You are in SOAP" a year early. The step counts as not started, as for any applicant of
 * the later Match. `later` itself when nothing changes. Pure.
 */
export function withoutEnteredSoapAnswer(later: PlanContext): PlanContext {
  if (statusAt(later, SOAP.index) === "not_started") return later;
  if (later.now >= later.calendar.dates.nrmp_match_week_start_and_soap_start.at) return later;
  const entries = later.entries.copy();
  entries.set({ key: "soap", status: "not_started" });
  const statuses = later.statuses.slice();
  statuses[SOAP.index] = "not_started";
  return contextWith(later, { entries, statuses });
}
