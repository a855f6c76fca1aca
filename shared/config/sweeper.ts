import * as z from "zod/mini";
import { ConfigError } from "#errors";
import { awsPieces, type Environment, eventPieces, parse, withoutEmpty } from "./env-pieces.ts";
import { loadPlannerConfig, type PlannerConfig } from "./planner.ts";

/** The sweeper function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface SweeperConfig extends PlannerConfig {
  /** How late a stored wake-up may be before the sweep re-arms it. */
  graceMs: number;
  /** Re-plans per run at most; the next run continues. */
  maxApplicants: number;
  /** Advisors who asked for the daily digest (DIGEST_ADVISORS), lower-cased; empty: no digest. */
  digestAdvisors: string[];
}

const SweeperSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  SWEEP_GRACE_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1440)), 15),
  SWEEP_MAX_APPLICANTS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1_000_000)),
    20_000,
  ),
  // Comma-separated addresses; the digest goes out from the escalation sender, so it needs one.
  DIGEST_ADVISORS: z._default(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value: string) =>
          value
            .split(",")
            .map((address) => address.trim().toLowerCase())
            .filter((address) => address !== ""),
        ),
      ),
      z.array(z.email({ message: "must be comma-separated email addresses" })),
    ),
    [],
  ),
});

/** sweeper: the planner's settings plus SWEEP_GRACE_MINUTES (default 15), SWEEP_MAX_APPLICANTS (default 20000) and DIGEST_ADVISORS (optional). */
export function loadSweeperConfig(env: Environment = process.env): SweeperConfig {
  const planner = loadPlannerConfig(env);
  const sweep = parse(SweeperSchema, withoutEmpty(env));
  if (sweep.DIGEST_ADVISORS.length > 0 && planner.escalation === undefined)
    throw new ConfigError(
      "DIGEST_ADVISORS needs SENDER_ADDRESS and PUBLIC_BASE_URL (the digest's sender and its console links)",
    );
  return {
    ...planner,
    graceMs: sweep.SWEEP_GRACE_MINUTES * 60_000,
    maxApplicants: sweep.SWEEP_MAX_APPLICANTS,
    digestAdvisors: [...new Set(sweep.DIGEST_ADVISORS)],
  };
}
