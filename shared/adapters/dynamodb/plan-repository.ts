import { gunzipSync, gzipSync } from "node:zlib";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import type { DomainEvent } from "#ports/event-publisher.ts";
import type { PlanRepository, StoredPlanSummary } from "#ports/plans.ts";
import { eventItems } from "./event-log.ts";
import { cohortGsiKeys, keys, type WakeUpKind, wakeUpGsiKeys } from "./keys.ts";
import type { DynamoTable, Item } from "./table.ts";
import { type DueWakeUp, queryDueWakeUps } from "./wake-up-index.ts";
import { transactWhileApplicantExists } from "./while-applicant-exists.ts";

/**
 * Each applicant's PLAN item: savePlan 1 TransactWriteItems (the plan gzipped, the copies of the
 * events published with it, and the check that the applicant still exists, so a planner run that
 * raced an erase leaves nothing: while-applicant-exists.ts); loadPlan 1 GetItem. The item also carries the armed wake-up on GSI1 (PLANWAKE#
 * shards), which the sweeper queries.
 */
export class DynamoPlanRepository implements PlanRepository {
  constructor(private readonly table: DynamoTable) {}

  async savePlan(
    applicantId: string,
    plan: Plan,
    summary: StoredPlanSummary,
    events: readonly DomainEvent[] = [],
  ): Promise<void> {
    const items = [planItem(applicantId, plan, summary), ...eventItems(events)];
    await transactWhileApplicantExists(
      this.table,
      applicantId,
      items.map((Item) => ({ Put: { TableName: this.table.name, Item } })),
    );
  }

  async loadPlan(applicantId: string): Promise<Plan | undefined> {
    const item = await this.table.get(keys.plan(applicantId), { consistent: true });
    if (item?.planGz instanceof Uint8Array)
      return JSON.parse(gunzipSync(item.planGz).toString("utf8")) as Plan;
    // Plans stored before compression (a JSON string) stay readable until their next write.
    return typeof item?.planJson === "string" ? (JSON.parse(item.planJson) as Plan) : undefined;
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
 * The PLAN item. The plan is read whole, never queried by field, so it is kept as gzip-compressed
 * JSON in a Binary attribute: about a seventh of the JSON's size (a 20 KB plan becomes about 3 KB),
 * and DynamoDB bills writes per KB of item and reads per 4 KB, on every write of the plan and on
 * every Query of the applicant's partition (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
 * JSON also avoids marshalling rules (undefined members, empty sets) for a structure the domain owns.
 */
export function planItem(applicantId: string, plan: Plan, summary: StoredPlanSummary): Item {
  const item: Item = {
    ...keys.plan(applicantId),
    entity: "plan",
    applicantId,
    planGz: gzipSync(JSON.stringify(plan)),
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
