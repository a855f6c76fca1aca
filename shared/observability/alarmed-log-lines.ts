/**
 * Log messages an operator alarm counts (infra/constructs/operator-alarms.ts, a metric filter on
 * the `message` field of the JSON log line): change one only together with its alarm.
 */

/** An escalation SES rejected for good: recorded as not sent, while the invocation succeeds. */
export const ESCALATION_REJECTED_MESSAGE = "escalation rejected by SES for good, recorded as not sent";
