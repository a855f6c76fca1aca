import type { PlanContext } from "./context.ts";
import { waitsOnMatchDay } from "./match-week.ts";
import { noListSoapOutcome } from "./season-over-state.ts";
import type { WaitingFor } from "./waiting-for.ts";

/**
 * Whether a step of a Match that is over (SEASON_OVER) is planned all the same because an applicant
 * with no certified list has yet to tell us SOAP's outcome (noListSoapOutcome "awaited"): Match Day,
 * which asks it (matchDayStep), and the contract and visa steps, which wait on its answer as they do
 * for a SOAP participant with a certified list. `index`: the step's catalog index.
 */
export function noListSoapAsked(context: PlanContext, key: string, index: number): boolean {
  return (key === "match_day" || waitsOnMatchDay(index)) && noListSoapOutcome(context) === "awaited";
}

/** Match Day then waits on nothing: its question needs no certified list. */
export const ASKED_NOW: Readonly<WaitingFor> = Object.freeze({
  waitingFor: null,
  resolvedBy: undefined,
  prerequisitePending: false,
});
