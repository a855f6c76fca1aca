import { Worker } from "node:worker_threads";
import { atLeast, type BenchSuite, below, type Figure, info } from "./lib/report.ts";
import type { DrainOptions, DrainReport } from "./support/drain-run.ts";

export const drainSuite: BenchSuite = {
  name: "drain",
  description:
    "50,000 reminders due in the same minute (5,000 with --quick) against SES at 14 sends per second (a new production account's rate), with the real planner, reminder use case and adapters in memory: EventBridge Scheduler fires every wake-up within its minute, Lambda runs the reminder function asynchronously with at most `concurrency` environments at once (0.3 s per invocation), and SES answers TooManyRequestsException past its rate; each setting runs on its own worker thread. A throttled send releases its claims and arms a jittered retry wake-up before the deadline (shared/usecases/send-due-reminders/timing.ts). Two settings: reserved concurrency 4 (`reminderConcurrency`, about the rate × 0.3 s), and a new account's shared pool of 10 with no reservation. Virtual time (test/bench/drain.ts).",
  async run({ quick, progress = () => undefined }) {
    const applicants = quick ? 5_000 : 50_000;
    const figures: Figure[] = [];
    const settings = [
      ["reserved4", 4],
      ["pool10", 10],
    ] as const;
    process.stdout.write(`  ${applicants} applicants, ${settings.length} settings on their own threads...\n`);
    const reports = await Promise.all(
      settings.map(([label, concurrency]) =>
        drainOnThread({ applicants, concurrency, sendRate: 14, invocationMs: 300, seed: 12 }, (step) =>
          progress(`${label}: ${step}`),
        ),
      ),
    );
    for (const [index, [label]] of settings.entries()) {
      const report = reports[index] as DrainReport;
      const name = `drain.${label}`;
      figures.push(
        below(`${name}.lost`, report.lost, "applicants", 1, "target 0"),
        below(`${name}.duplicated`, report.duplicated, "reminders", 1, "target 0"),
        below(`${name}.after_deadline`, report.afterDeadline, "emails", 1, "target 0"),
        below(
          `${name}.failed_invocations`,
          report.failedInvocations,
          "invocations",
          1,
          "left to Lambda retries and the DLQ; target 0",
        ),
        info(
          `${name}.drain_time`,
          round(report.drainSeconds / 60, 1),
          "minutes",
          `${applicants} emails at 14/s; ${round(report.applicants / Math.max(1, report.drainSeconds))} per s`,
        ),
        info(
          `${name}.throttled_sends`,
          report.throttled,
          "SendEmail calls",
          `retries armed ${report.retriesArmed}, highest attempt ${report.maxAttempt}`,
        ),
        atLeast(
          `${name}.applicants`,
          report.applicants,
          "applicants",
          applicants,
          `simulated in ${round(report.runMs / 1000, 0)} s`,
        ),
      );
    }
    return figures;
  },
};

/** `runDrain` on a worker thread, so the settings share the machine's cores; its steps go to `progress`. */
function drainOnThread(options: DrainOptions, progress: (step: string) => void): Promise<DrainReport> {
  return new Promise((resolve, reject) => {
    // Node 20 does not hand a worker's .ts entry to tsx's loader: register it in the worker first.
    const entry = new URL("./support/drain-worker.ts", import.meta.url).href;
    const worker = new Worker(
      `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: options },
    );
    worker.on(
      "message",
      (message: { kind: "progress"; step: string } | { kind: "done"; report: DrainReport }) => {
        if (message.kind === "progress") progress(message.step);
        else resolve(message.report);
      },
    );
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`drain worker exited with ${code}`));
    });
  });
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
