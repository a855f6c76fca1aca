import type { SimulateOptions } from "../simulate.ts";
import type { SeasonReport } from "./memory-season.ts";

/** Placeholder replaced below once the local-stack driver lands. */
export async function simulateOnLocalStack(_options: SimulateOptions): Promise<SeasonReport> {
  throw new Error("--store local is not available yet; use --store memory");
}
