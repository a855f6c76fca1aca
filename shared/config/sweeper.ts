import * as z from "zod";
import { awsPieces, type Environment, eventPieces, parse, withoutEmpty } from "./env-pieces.ts";
import { loadPlannerConfig, type PlannerConfig } from "./planner.ts";

/** The sweeper function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface SweeperConfig extends PlannerConfig {
  /** How late a stored wake-up may be before the sweep re-arms it. */
  graceMs: number;
  /** Re-plans per run at most; the next run continues. */
  maxApplicants: number;
}

const SweeperSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  SWEEP_GRACE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SWEEP_MAX_APPLICANTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
});

/** sweeper: the planner's settings plus SWEEP_GRACE_MINUTES (default 15) and SWEEP_MAX_APPLICANTS (default 20000). */
export function loadSweeperConfig(env: Environment = process.env): SweeperConfig {
  const planner = loadPlannerConfig(env);
  const sweep = parse(SweeperSchema, withoutEmpty(env));
  return {
    ...planner,
    graceMs: sweep.SWEEP_GRACE_MINUTES * 60_000,
    maxApplicants: sweep.SWEEP_MAX_APPLICANTS,
  };
}
