import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { ET_ZONE } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { isFinished, statusOf } from "./context.ts";
import type { DueDate } from "./deadlines.ts";

/** Title of SOAP once Match Week has begun: preparation is over, taking part is what is left. */
export const SOAP_PARTICIPATION_TITLE =
  "Take part in SOAP if you did not match (it ends Thursday of Match Week)";

const soapEnds = new WeakMap<PlanContext["calendar"], DueDate>();

/**
 * SOAP from Monday of Match Week (nrmp_match_week_start_and_soap_start) on: its deadline is SOAP's
 * end (nrmp_soap_ends, Thursday 5 PM ET; NRMP Match Week page), never the Monday preparation date,
 * so a participant (or an applicant who has not reported Monday's result) is not shown overdue.
 * Returns `undefined` before Monday (the catalog's preparation deadline applies), `null` when
 * the step is moot (the applicant reported Monday's result and is not in SOAP: drop it), else
 * SOAP's end as a DueDate (one object per calendar, so its rendering is cached).
 */
export function soapFromMatchWeek(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
): DueDate | null | undefined {
  if (entry.key !== "soap") return undefined;
  if (context.now < context.calendar.dates.nrmp_match_week_start_and_soap_start.at) return undefined;
  // Reported Monday's result (match_week done) and not in SOAP: matched, nothing to do.
  if (status !== "in_progress" && isFinished(statusOf(context, "match_week"))) return null;
  let end = soapEnds.get(context.calendar);
  if (end === undefined) {
    const date = context.calendar.dates.nrmp_soap_ends;
    end = { at: date.at, zone: ET_ZONE, status: date.status, source: date.source };
    soapEnds.set(context.calendar, end);
  }
  return end;
}
