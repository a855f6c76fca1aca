/**
 * What the CDK stack (and the local stack) hands the sweeper on its schedules: the sweeper's side of
 * the contract, kept apart from its parsing code so the CDK app may import it (as it does the HTTP
 * functions' route lists) without reaching into the function.
 */
/**
 * The UTC hour the digest runs at unless configured: 13:00 UTC is 08:00 or 09:00 in US Eastern
 * time, the start of an advisor's working day where the Match's deadlines are set.
 */
export const DEFAULT_DIGEST_HOUR_UTC = 13;

/** The Input the digest schedule is given (the CDK stack and the local stack both use it). */
export const DIGEST_SCHEDULE_INPUT = {
  kind: "advisor-digest",
  scheduledAt: "<aws.scheduler.scheduled-time>",
} as const;
