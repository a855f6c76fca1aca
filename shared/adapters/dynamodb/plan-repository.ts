import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import {
  type ScheduledReminder,
  scheduledReminderOf,
  scheduledReminders,
} from "#domain/scheduled-reminders.ts";
import type { DomainEvent } from "#ports/event-publisher.ts";
import type { PlanRepository, SavePlanOptions, StoredPlanSummary } from "#ports/plans.ts";
import { eventItems } from "./event-log.ts";
import { cohortGsiKeys, keys, type WakeUpKind, wakeUpGsiKeys } from "./keys.ts";
import type { DynamoTable, Item, TransactItem } from "./table.ts";
import { type DueWakeUp, queryDueWakeUps } from "./wake-up-index.ts";
import { transactWhileApplicantExists } from "./while-applicant-exists.ts";

/**
 * Each applicant's PLAN item: the plan's summary (planItem), not the plan itself. The item also
 * carries the armed wake-up on GSI1 (PLANWAKE# shards), which the sweeper queries.
 *
 * savePlan holds only while the applicant exists, so a planner run that raced an erase leaves
 * nothing (while-applicant-exists.ts):
 * - with the copies of events published with the plan: 1 TransactWriteItems (the PLAN item, the
 *   copies, the check that the profile exists), whether or not a plan was stored;
 * - without events, replacing a stored plan or the empty plan slot a new applicant's intake writes
 *   (intake-writes.ts; SavePlanOptions.replacesStoredPlan): 1 PutItem of the PLAN item on
 *   condition that it still exists. An erase deletes it by key after the profile, so a plan written
 *   while it exists is deleted by that erase, and one written after fails its condition: the same
 *   guarantee as the profile check, for the item the condition is on, billed once instead of twice;
 * - without events and without a stored plan: 1 TransactWriteItems (the PLAN item, the check).
 * New items (the copies) need the profile check: nothing else can tell a writer that the applicant
 * is gone. Writing the copies' transaction and then the plan's conditional PutItem would bill the
 * plan once instead of twice, but the PLAN item is about 2 KB, so that second request would save
 * only about 2 WCU: one transaction is cheaper (BENCHMARKS.md).
 */
export class DynamoPlanRepository implements PlanRepository {
  constructor(private readonly table: DynamoTable) {}

  async savePlan(
    applicantId: string,
    plan: Plan,
    summary: StoredPlanSummary,
    events: readonly DomainEvent[] = [],
    options: SavePlanOptions = {},
  ): Promise<void> {
    const put = (Item: Item) => ({ Put: { TableName: this.table.name, Item } });
    const item = planItem(applicantId, plan, summary);
    const copies = eventItems(events).map(put);
    if (options.replacesStoredPlan !== true || copies.length > 0) {
      await transactWhileApplicantExists(this.table, applicantId, [put(item), ...copies]);
      return;
    }
    const replaced = await this.table.putUnlessConditionFails("PutItem(plan)", {
      Item: item,
      ConditionExpression: "attribute_exists(pk)",
    });
    // No stored plan after all (erased since it was read, or never there): as a first plan.
    if (!replaced) await transactWhileApplicantExists(this.table, applicantId, [put(item)]);
  }

  /**
   * Applicants whose armed wake-up is at or before `instant`: kind "plan" reads the PLAN items'
   * wakeUpAt (the cloud's daily sweeper re-arms missed ones), kind "local" the local scheduler's
   * WAKEUP items. 16 Queries in parallel.
   */
  async listWakeUpsDueBefore(instant: Date, kind: WakeUpKind): Promise<DueWakeUp[]> {
    return queryDueWakeUps(this.table.client, this.table.name, kind, instant);
  }
}

/**
 * The PLAN item: the plan's summary, its cohort row, and the reminders it still had scheduled, not
 * the plan itself. Every reader of the applicant re-plans from the state (the timeline,
 * the console, the feed, the reminder function, the what-if); the only reader of the stored plan
 * was the next re-plan, for the reminders it drops (RemindersCancelled, cancelled-reminders.ts),
 * which needs their keys, instants and titles alone. DynamoDB bills a write by the whole item's
 * size, twice in a transaction (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html),
 * and the reminder function writes this item in its sent-marks transaction after every email: the
 * whole plan (about 6.5 KB brotli, 35 KB of JSON) cost about 16 of its write units, the scheduled
 * reminders about 0.6-1 KB. They are kept as brotli-compressed JSON in a Binary attribute
 * (`remindersBr`; never queried by field, and JSON avoids marshalling rules for a structure the
 * domain owns). Plans stored whole before (`planBr`, `planGz`, `planJson`) are still read for
 * their reminders until their next write replaces the item.
 */
export function planItem(applicantId: string, plan: Plan, summary: StoredPlanSummary): Item {
  const item: Item = {
    ...keys.plan(applicantId),
    entity: "plan",
    applicantId,
    remindersBr: compressJson(JSON.stringify(scheduledReminders(plan, summary.computedAt))),
    planHash: summary.planHash,
    computedAt: summary.computedAt,
  };
  if (summary.calendarVersion !== undefined) item.calendarVersion = summary.calendarVersion;
  if (summary.overdue !== undefined && summary.overdue.length > 0) item.overdue = summary.overdue;
  if (summary.cohort !== undefined) {
    // One value, not a map: the console reads every row of the cohort through GSI2 on each page,
    // and one attribute is one value for DynamoDB to return and the SDK to unmarshall instead of a
    // dozen nested ones (about half the read time on DynamoDB Local, see the console bench notes).
    // Gzipped like the plan: the row's facts over time repeat (about 2.3 KB of JSON, 0.55 KB
    // gzipped), and the row is written on every plan write, once in the item and once in GSI2.
    // Nothing queries inside the row.
    item.cohort = gzipSync(JSON.stringify(summary.cohort));
    Object.assign(item, cohortGsiKeys(applicantId, summary.cohort.advisorEmail));
  }
  if (summary.wakeUpAt !== undefined) {
    item.wakeUpAt = summary.wakeUpAt;
    Object.assign(item, wakeUpGsiKeys("plan", applicantId, new Date(summary.wakeUpAt)));
  }
  return item;
}

/**
 * Brotli at quality 5, text mode: on the in-memory season's 794 whole plans (35 KB of JSON on
 * average) 6.5 KB against gzip's 7.0 KB for about 1.5 ms against 0.9 ms; quality 9 saved no more,
 * quality 11 was 18 % smaller but took 300 ms.
 */
function compressJson(json: string): Uint8Array {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  });
}

/**
 * The reminders a PLAN item's plan still had scheduled (`remindersBr`), or, on a plan stored whole
 * before, that plan's reminders (brotli `planBr`, gzip `planGz` or a JSON string `planJson`; the
 * re-plan skips those due before the plan was computed either way). Empty when none is stored.
 */
export function storedRemindersOf(item: Item): readonly ScheduledReminder[] {
  const stored =
    item.remindersBr instanceof Uint8Array
      ? (JSON.parse(brotliDecompressSync(item.remindersBr).toString("utf8")) as ScheduledReminder[])
      : (wholePlanOf(item)?.reminders ?? []);
  if (!(item.shownBr instanceof Uint8Array)) return stored;
  // What a change's caller showed as scheduled (IntakeSource.shownScheduled), once each by id.
  const shown = JSON.parse(brotliDecompressSync(item.shownBr).toString("utf8")) as ScheduledReminder[];
  const ids = new Set(stored.map((reminder) => reminder.id));
  return [...stored, ...shown.filter((reminder) => !ids.has(reminder.id))];
}

/**
 * The Update that keeps, beside the stored plan, the reminders a change's caller showed as
 * scheduled (`shownBr`, IntakeSource.shownScheduled), in the change's own transaction. The next
 * stored plan (planItem, a whole Put) drops them.
 */
export function shownScheduledUpdate(
  tableName: string,
  applicantId: string,
  shown: readonly ScheduledReminder[],
): TransactItem {
  const kept = shown.map(scheduledReminderOf);
  return {
    Update: {
      TableName: tableName,
      Key: keys.plan(applicantId),
      UpdateExpression: "SET shownBr = :shown",
      ExpressionAttributeValues: { ":shown": compressJson(JSON.stringify(kept)) },
    },
  };
}

function wholePlanOf(item: Item): Plan | undefined {
  if (item.planBr instanceof Uint8Array)
    return JSON.parse(brotliDecompressSync(item.planBr).toString("utf8")) as Plan;
  if (item.planGz instanceof Uint8Array) return JSON.parse(gunzipSync(item.planGz).toString("utf8")) as Plan;
  return typeof item.planJson === "string" ? (JSON.parse(item.planJson) as Plan) : undefined;
}

/** The summary a PLAN item carries (the inverse of planItem's summary fields). */
export function toPlanSummary(item: Item): StoredPlanSummary {
  const summary: StoredPlanSummary = { planHash: String(item.planHash), computedAt: String(item.computedAt) };
  if (typeof item.wakeUpAt === "string") summary.wakeUpAt = item.wakeUpAt;
  if (typeof item.calendarVersion === "string") summary.calendarVersion = item.calendarVersion;
  if (Array.isArray(item.overdue)) summary.overdue = item.overdue.map(String);
  const cohort = storedCohortRow(item.cohort);
  if (cohort !== undefined) summary.cohort = cohort;
  return summary;
}

/**
 * A PLAN item's `cohort` attribute as a row: gzipped JSON, or on plans stored before, a JSON
 * string or a map (they stay readable until their next write).
 */
export function storedCohortRow(attribute: unknown): CohortRow | undefined {
  if (attribute instanceof Uint8Array) return JSON.parse(gunzipSync(attribute).toString("utf8")) as CohortRow;
  if (typeof attribute === "string") return JSON.parse(attribute) as CohortRow;
  return typeof attribute === "object" && attribute !== null ? (attribute as CohortRow) : undefined;
}
