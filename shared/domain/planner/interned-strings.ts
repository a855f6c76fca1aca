import { BoundedMemo } from "../bounded-memo.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { MILESTONE_STATUSES } from "../snapshot-keys.ts";

/**
 * The snapshot's zone name and statuses as the planner compares them, one string object per value.
 *
 * Why: the planner Lambda decodes every stream record anew, and V8 internalizes only a parsed
 * string of up to 10 characters (JSON.parse, checked with %DebugPrint on Node 20): "not_started",
 * "in_progress" and every zone name ("Asia/Kolkata") arrive as new strings each plan. Every `===`
 * between two such strings of the same length (a status against "in_progress", the zone against
 * the one the zone-offset and midnight caches met last, hundreds a plan) then compares them
 * character by character in a runtime call instead of comparing two pointers. Swapping each for a
 * kept instance once, where the context is built, makes those compares pointer compares again.
 */

/** MILESTONE_STATUSES by their first letter, which tells the five apart (a test checks). */
const STATUS_BY_FIRST_LETTER: (MilestoneStatus | undefined)[] = [];
for (const status of MILESTONE_STATUSES) STATUS_BY_FIRST_LETTER[status.charCodeAt(0)] = status;

/** `status` as the literal of MILESTONE_STATUSES equal to it (one compare), else as given. */
export function internedStatus(status: MilestoneStatus): MilestoneStatus {
  const known = STATUS_BY_FIRST_LETTER[status.charCodeAt(0)];
  return known !== undefined && known === status ? known : status;
}

/** Zone names met, each kept as the first string met with it (bounded: a clear costs one compare each). */
const zoneNames = new BoundedMemo<string, string>(1_000);

/** The kept string equal to `zone` (the first met), keeping this one if none is. */
export function internedZone(zone: string): string {
  return zoneNames.get(zone) ?? zoneNames.keep(zone, zone);
}
