import type { MatchpathFunction } from "./aws-clients.ts";
import type { RequestTiming } from "./request-timing.ts";

/** The clients timed here; DynamoDB's timing is its own table (dynamodb/document-client.ts). */
export type TimedClient = "ses" | "scheduler" | "eventBridge";

/**
 * Someone waits on the answer (an applicant's "Email me a fresh link", an advisor's "Resend the
 * latest notice"), inside a 10 s function: two attempts, then the 5xx. A send of one small email
 * (a few KB of text, an invite or two) takes about 0.3 s (README, "reminderConcurrency"); SES's
 * limits are a message rate per second and a daily quota, and its throttling answer is retried
 * after the backoff.
 */
const PERSON_WAITS: RequestTiming = { requestTimeout: 2_000, connectionTimeout: 500, maxAttempts: 2 };

/**
 * Nobody waits (Lambda, the stream or Scheduler retries the function): one SendEmail, one
 * CreateSchedule or DeleteSchedule, one PutEvents of at most 10 entries (256 KB), each answered
 * in tens of milliseconds; 2.5 s is many times that, and three attempts ride out a dropped
 * connection or a throttled second (CreateSchedule 5,000/s, PutEvents 10,000/s per account).
 */
const BACKGROUND: RequestTiming = { requestTimeout: 2_500, connectionTimeout: 1_000, maxAttempts: 3 };

/**
 * How long an SES, Scheduler or EventBridge request may take, by the function that sends it. Without
 * a limit a service that stops answering holds the request until the function's timeout: the
 * function never reports the failure itself (no partial batch response, no logged failure) and
 * the record's retry is spent on a timeout. A function names only the clients it builds; each
 * function's worst case (failureReserveMs) fits inside its Lambda timeout
 * (test/infra/request-timing.test.ts reads the template).
 */
export const CLIENT_TIMING: Record<MatchpathFunction, Partial<Record<TimedClient, RequestTiming>>> = {
  "http-api": { ses: PERSON_WAITS },
  console: { ses: PERSON_WAITS },
  planner: { ses: BACKGROUND, scheduler: BACKGROUND, eventBridge: BACKGROUND },
  reminder: { ses: BACKGROUND, scheduler: BACKGROUND, eventBridge: BACKGROUND },
  "ses-events": { eventBridge: BACKGROUND },
  sweeper: { ses: BACKGROUND, scheduler: BACKGROUND, eventBridge: BACKGROUND },
};

/**
 * How many requests to one stopped service an invocation's failure path sends before it reports,
 * where more than one: the reminder's advisor escalation keeps its claim when its send fails and
 * the applicant's own email is sent next (send-due-reminders/advisor.ts), so a stopped SES fails
 * twice before the retry is armed. Elsewhere the first failed request ends the applicant's work.
 */
export const FAILED_IN_A_ROW: Partial<Record<MatchpathFunction, Partial<Record<TimedClient, number>>>> = {
  reminder: { ses: 2 },
};

/** The timing a function's client is built with; a client its row does not name is a wiring mistake. */
export function clientTiming(fn: MatchpathFunction, client: TimedClient): RequestTiming {
  const timing = CLIENT_TIMING[fn][client];
  if (timing === undefined) throw new Error(`The ${fn} function has no ${client} timing (client-timing.ts)`);
  return timing;
}
