import type { MilestoneStatus } from "../snapshot.ts";
import { startOfLocalDate } from "../time.ts";
import { indexedStep, stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { ownDayInTime } from "./date-math.ts";
import type { StepEntries } from "./step-entries.ts";

const NRMP_REGISTRATION = indexedStep("nrmp_registration");
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/**
 * The context with now at `deadline` (an instant before now), as feasibility reads it: what the
 * applicant reports today, at the pace possible then. Its noted risk instants are its own. A step
 * reported done on a day that began after the deadline was not done at it: it counts as under
 * way then (a Pathway marked done on 15 Mar 2027 made the 2027 Match,
 * out of reach until that click, "over" with the ERAS, NRMP and ranking steps newly overdue). A
 * done step with no date keeps the benefit of the doubt, as before. Only for an applicant who
 * never registered with NRMP nor reported a rank order list for the season: one who did took part
 * in it as far as they could, and keeps SEASON_OVER with its SOAP and "your list is after the
 * deadline" words.
 */
export function asOfDeadline(context: PlanContext, deadline: number): PlanContext {
  let entries: StepEntries | undefined;
  let statuses: MilestoneStatus[] | undefined;
  const tookPart =
    statusAt(context, NRMP_REGISTRATION.index) !== "not_started" ||
    statusAt(context, RANK_ORDER_LIST.index) !== "not_started" ||
    context.rolRefused !== null;
  for (const entry of tookPart ? [] : context.entries.values()) {
    if (entry.status !== "done" || entry.date === undefined) continue;
    if (ownDayInTime(startOfLocalDate(context.zone, entry.date), deadline)) continue;
    entries ??= context.entries.copy();
    statuses ??= context.statuses.slice();
    entries.set({ key: entry.key, status: "in_progress" });
    statuses[stepIndex(entry.key)] = "in_progress";
  }
  return contextWith(context, {
    now: deadline,
    riskChangesAt: [],
    entries: entries ?? context.entries,
    statuses: statuses ?? context.statuses,
  });
}
