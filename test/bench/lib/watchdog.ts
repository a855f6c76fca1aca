import type { BenchOptions, BenchSuite, Figure } from "./report.ts";

/**
 * Runs one suite under two limits, so a stuck benchmark stops with a message naming where it
 * stuck instead of sitting silent (a full pipeline run once sat 400 s at "running pipeline..."
 * until someone killed it):
 * - a stall limit: every suite reports the phase it enters (`options.progress`); no new phase for
 *   `stallSeconds` stops it;
 * - an overall limit: `suite.timeoutMinutes` (quick, full), or the defaults below.
 * On either, the suite's `signal` aborts (a suite stops what it started, e.g. the local stack, so
 * a request waiting on it fails instead of hanging), and the run rejects with BenchTimeoutError.
 */

export const DEFAULT_TIMEOUT_MINUTES = { quick: 10, full: 60 } as const;
export const DEFAULT_STALL_SECONDS = { quick: 180, full: 600 } as const;
/** How long a suite gets to stop what it started once aborted, before the runner gives up on it. */
const CLEANUP_GRACE_MS = 15_000;

export class BenchTimeoutError extends Error {
  override readonly name = "BenchTimeoutError";
}

export interface WatchdogLimits {
  timeoutMs: number;
  stallMs: number;
}

export function limitsFor(suite: BenchSuite, quick: boolean): WatchdogLimits {
  const minutes = suite.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  return {
    timeoutMs: (quick ? minutes.quick : minutes.full) * 60_000,
    stallMs: (quick ? DEFAULT_STALL_SECONDS.quick : DEFAULT_STALL_SECONDS.full) * 1000,
  };
}

export async function runWatched(
  suite: BenchSuite,
  options: Pick<BenchOptions, "quick">,
  limits: WatchdogLimits,
  log: (line: string) => void,
): Promise<Figure[]> {
  const controller = new AbortController();
  const started = Date.now();
  let phase = "starting";
  let phaseAt = started;
  const progress = (next: string) => {
    phase = next;
    phaseAt = Date.now();
    log(`  ${suite.name}: ${next} (${((phaseAt - started) / 1000).toFixed(0)} s)`);
  };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = Date.now();
      const stalled = now - phaseAt > limits.stallMs;
      if (!stalled && now - started <= limits.timeoutMs) return;
      const reason = stalled
        ? `no progress for ${Math.round((now - phaseAt) / 1000)} s in phase "${phase}"`
        : `still running after ${Math.round((now - started) / 60_000)} min, in phase "${phase}"`;
      controller.abort(new BenchTimeoutError(`bench suite "${suite.name}" stopped: ${reason}`));
      reject(controller.signal.reason);
    }, 1000);
    timer.unref();
  });
  const running = Promise.resolve(suite.run({ ...options, progress, signal: controller.signal }));
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    if (controller.signal.aborted) {
      // Let the suite's own `finally` stop its processes (DynamoDB Local's JVM) before reporting.
      await Promise.race([
        running.catch(() => undefined),
        new Promise((r) => setTimeout(r, CLEANUP_GRACE_MS)),
      ]);
      throw controller.signal.reason;
    }
    throw error;
  } finally {
    clearInterval(timer);
  }
}
