/**
 * The one table's physical design, as data: the local stack creates the table from it and the CDK
 * stack declares it from it, so the two cannot drift. Entities and access patterns are documented
 * in DATA-MODEL.md beside this file (linked from the README).
 */
export const TABLE_KEYS = { partitionKey: "pk", sortKey: "sk" } as const;

/** Secondary index: due wake-ups and missed wake-ups, by time (16 shards; see keys.ts and DATA-MODEL.md). */
export const GSI1 = { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" } as const;

/**
 * Secondary index: the advisor's cohort. PLAN items carry their applicant's cohort row (`cohort`,
 * the only projected attribute), keyed by shard and advisor, so one advisor's cohort is 16 Queries
 * on a sort-key prefix and an admin's the same 16 Queries whole (see keys.ts and DATA-MODEL.md).
 */
export const GSI2 = {
  indexName: "gsi2",
  partitionKey: "gsi2pk",
  sortKey: "gsi2sk",
  projectedAttributes: ["cohort"],
} as const;

/** Items with this attribute (epoch seconds) expire: intake idempotency records. */
export const TTL_ATTRIBUTE = "expiresAt";

/**
 * The planner reads only the keys of a changed item (which applicant, which kind of item) and then
 * loads the applicant, so the stream carries keys only: smaller records, and no personal data in
 * them (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
 */
export const STREAM_VIEW_TYPE = "KEYS_ONLY" as const;

/**
 * Only these items drive planning (DESIGN decision 4): writes of plans, the ledger, wake-ups,
 * idempotency and suppression records never wake the planner, so there is no feedback loop.
 */
export const PLANNING_SORT_KEY_PREFIXES = ["PROFILE", "MILESTONE#", "INTERVIEW#"] as const;

/**
 * The event-source-mapping filter pattern (Lambda FilterCriteria), used verbatim by the cloud
 * mapping and by the local stream poller. Keys are present on INSERT, MODIFY and REMOVE alike.
 */
export const planningStreamFilterPattern = {
  dynamodb: {
    Keys: { [TABLE_KEYS.sortKey]: { S: PLANNING_SORT_KEY_PREFIXES.map((prefix) => ({ prefix })) } },
  },
} as const;

/**
 * Records per planner invocation, read by the cloud mapping and by the local stream poller: the
 * planner's time budget is sized for a batch of this many applicants inside its timeout.
 */
export const PLANNER_STREAM_BATCH_SIZE = 10;
