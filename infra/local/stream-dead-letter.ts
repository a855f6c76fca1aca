import { randomUUID } from "node:crypto";
import type { DynamoDBBatchResponse, DynamoDBRecord } from "aws-lambda";

/**
 * What Lambda sends to an on-failure destination when a stream batch exhausts its retries
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-async-destinations,
 * "DDBStreamBatchInfo"): where the records are, not the records. Locally the records are added too.
 */
export interface StreamDeadLetter {
  version: "1.0";
  timestamp: string;
  requestContext: { requestId: string; condition: "RetryAttemptsExhausted"; approximateInvokeCount: number };
  responseContext: { statusCode: number; functionError?: string };
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
  /** Local addition: the failed records themselves (the cloud re-reads them from the stream). */
  records: DynamoDBRecord[];
  /** Local addition: the last error thrown by onBatch, if it threw. */
  lastError?: string;
}

/** Stream sequence numbers are decimal strings of up to 40 digits: compare them as integers. */
export function sequence(value: string | undefined): bigint {
  return BigInt(value ?? "0");
}

/** The dead letter of a batch given up on after `invocations` attempts. */
export function streamDeadLetter(
  failed: DynamoDBRecord[],
  batch: { shardId: string; streamArn: string; invocations: number; lastError?: string | undefined },
): StreamDeadLetter {
  const first = failed[0]?.dynamodb;
  const last = failed.at(-1)?.dynamodb;
  const arrival = (seconds: number | undefined): string => new Date((seconds ?? 0) * 1000).toISOString();
  return {
    version: "1.0",
    timestamp: new Date().toISOString(),
    requestContext: {
      requestId: randomUUID(),
      condition: "RetryAttemptsExhausted",
      approximateInvokeCount: batch.invocations,
    },
    responseContext: { statusCode: 200, ...(batch.lastError ? { functionError: "Unhandled" } : {}) },
    DDBStreamBatchInfo: {
      shardId: batch.shardId,
      startSequenceNumber: first?.SequenceNumber ?? "",
      endSequenceNumber: last?.SequenceNumber ?? "",
      approximateArrivalOfFirstRecord: arrival(first?.ApproximateCreationDateTime),
      approximateArrivalOfLastRecord: arrival(last?.ApproximateCreationDateTime),
      batchSize: failed.length,
      streamArn: batch.streamArn,
    },
    records: failed,
    ...(batch.lastError ? { lastError: batch.lastError } : {}),
  };
}

/**
 * The lowest failed sequence number, or undefined for full success. As documented for
 * ReportBatchItemFailures (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html):
 * an empty or missing list is success; an empty, null or unknown itemIdentifier fails the whole batch.
 */
export function lowestFailure(
  response: DynamoDBBatchResponse | undefined,
  batch: DynamoDBRecord[],
): string | undefined {
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return undefined;
  const inBatch = new Set(batch.map((r) => r.dynamodb?.SequenceNumber));
  const whole = batch[0]?.dynamodb?.SequenceNumber;
  let lowest: string | undefined;
  for (const failure of failures) {
    const id = failure?.itemIdentifier;
    if (typeof id !== "string" || id === "" || !inBatch.has(id)) return whole;
    if (lowest === undefined || sequence(id) < sequence(lowest)) lowest = id;
  }
  return lowest;
}
