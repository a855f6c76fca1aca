import type { Clock } from "#ports/clock.ts";

/** The real clock: used in the cloud, and always for webhook signature tolerance. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The local stack's controllable clock. It starts at the real time (or a chosen instant) and
 * then runs with real time from wherever it was last set, so a season can be fast-forwarded.
 * One per process: the local stack and the handlers it hosts share it.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps to an instant (forwards or backwards). */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const localClock = new LocalClock();

/** The clock a function plans with: the real one in the cloud, the shared local one in the local stack. */
export function clockFor(setting: "system" | "local"): Clock {
  return setting === "local" ? localClock : systemClock;
}
