import type { MatchpathFunction } from "./aws-clients.ts";
import { CLIENT_TIMING, FAILED_IN_A_ROW, type TimedClient } from "./client-timing.ts";
import { dynamoFailureReserveMs } from "./dynamodb/document-client.ts";
import { FAILURE_REPORT_MS, longestRequestMs } from "./request-timing.ts";

/**
 * How much of its invocation a function must have left when it starts a piece of work (an
 * applicant) for a stopped service's failure still to be reported: the longest the failure path
 * can wait on that one service (its requests to it in a row, each at its longest), then the report;
 * the worst service counts. The requests to the services still answering are not counted: they
 * take milliseconds. Every function's Lambda timeout is at least this; the planner starts no
 * further applicant of a batch with less left. One service stopped at a time.
 */
export function failureReserveMs(fn: MatchpathFunction): number {
  let longest = dynamoFailureReserveMs(fn);
  const timings = CLIENT_TIMING[fn];
  for (const client of Object.keys(timings) as TimedClient[]) {
    const timing = timings[client];
    if (timing === undefined) continue;
    const inARow = FAILED_IN_A_ROW[fn]?.[client] ?? 1;
    longest = Math.max(longest, inARow * longestRequestMs(timing) + FAILURE_REPORT_MS);
  }
  return longest;
}
