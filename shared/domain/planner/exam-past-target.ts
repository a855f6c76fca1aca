import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { fill } from "./step-text.ts";

/**
 * An exam's card once its target (advice: e.g. Step 2 CK's score on the application when programs
 * start reviewing) has passed, not started, with its deadline (its last sitting day, {due}) still
 * ahead: the catalog's `statusActions.targetPassed`, what to do now ("Book the earliest USMLE Step 2
 * CK seat you can and sit it by Wed 27 Jan 2027 (projected), …"), never the target's "early enough"
 * (advA2's notes, s22: a tight applicant in December), once less than its typical preparation time
 * (`leadTimeDays`, advice) is left before that day. Null otherwise: the usual words stand.
 */
export function pastTargetExamAction(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  target: DueDate | null,
  due: DueDate | null,
): string | null {
  const text = entry.statusActions?.targetPassed;
  if (text === undefined || status !== "not_started" || target === null || due === null) return null;
  if (target.at >= context.now || due.at < context.now) return null;
  // Only once less than the typical preparation time is left (the lead's merge ruling): earlier,
  // "book the earliest seat you can" would cut a study period that still fits.
  const preparation = entry.leadTimeDays?.days;
  if (preparation !== undefined && due.at - context.now >= preparation * DAY_MS) return null;
  return fill(context, text, entry, context.entries.get(entry.key), due);
}
