import { localClock, systemClock } from "#adapters/clock.ts";
import type { Clock } from "#ports/clock.ts";

/** The clock a function plans with: the real one in the cloud, the shared local one in the local stack. */
export function clockFor(setting: "system" | "local"): Clock {
  return setting === "local" ? localClock : systemClock;
}
