import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type DesignCost, seasonCosts } from "./cost-model.ts";
import { PRICES } from "./prices.ts";
import type { PartialSeason, SeasonReport } from "./support/memory-season.ts";
import { mergeSeasons } from "./support/memory-season-merge.ts";

/**
 * `npm run simulate -- --applicants N [--quick] [--seed S] [--store memory|local] [--workers W]`
 *
 * A whole 2027 Match season for N seeded applicants. `--store memory` (the default here, and the
 * only way to reach 50,000 on this machine) runs the real use cases and adapters with in-memory
 * AWS behind the SDK clients, counting every call; `--store local` drives the local stack
 * (DynamoDB Local, the SES emulator) with the local clock: see test/bench/support/local-season.ts.
 */

export interface SimulateOptions {
  applicants: number;
  seed: number;
  store: "memory" | "local";
  workers: number;
}

export function parseArgs(argv: readonly string[]): SimulateOptions {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    return inline ? inline.slice(name.length + 3) : index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const applicants = Number(value("applicants") ?? (quick ? 100 : 1000));
  const store = (value("store") ?? (applicants > 5_000 ? "memory" : "local")) as SimulateOptions["store"];
  if (store !== "memory" && store !== "local") throw new Error("--store must be memory or local");
  if (!Number.isInteger(applicants) || applicants < 1)
    throw new Error("--applicants must be a positive integer");
  return {
    applicants,
    seed: Number(value("seed") ?? 2027),
    store,
    workers: Number(value("workers") ?? Math.min(2, availableParallelism())),
  };
}

/**
 * Runs the in-memory season on `workers` threads and merges their shares. `onProgress` gets the
 * applicants scored so far and the simulated clock of the slowest worker (ms since the epoch),
 * at least once per simulated month.
 */
export async function simulateInMemory(
  options: Pick<SimulateOptions, "applicants" | "seed" | "workers">,
  onProgress: (done: number, simulatedAt: number) => void = () => undefined,
): Promise<SeasonReport> {
  const started = Date.now();
  const workers = Math.max(1, Math.min(options.workers, Math.ceil(options.applicants / 50)));
  const share = Math.ceil(options.applicants / workers);
  const progress = new Array<number>(workers).fill(0);
  const clocks = new Array<number>(workers).fill(0);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, n) => {
      const first = n * share;
      const last = Math.min(options.applicants, first + share);
      return new Promise<PartialSeason>((resolve, reject) => {
        // Node 20 does not hand a worker's .ts entry to tsx's loader: register it in the worker first.
        const entry = new URL("./support/season-worker.ts", import.meta.url).href;
        const worker = new Worker(
          `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
          { eval: true, workerData: { first, last, seed: options.seed } },
        );
        type Message = { kind: string; done?: number; simulatedAt?: number; part?: PartialSeason };
        worker.on("message", (message: Message) => {
          if (message.kind === "progress") {
            progress[n] = message.done ?? 0;
            clocks[n] = message.simulatedAt ?? 0;
            // The slowest worker's clock, once every worker has reported one.
            if (clocks.every((at) => at > 0))
              onProgress(
                progress.reduce((sum, done) => sum + done, 0),
                Math.min(...clocks),
              );
          } else if (message.part) resolve(message.part);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new Error(`season worker ${n} exited with ${code}`));
        });
      });
    }),
  );
  return mergeSeasons(parts, Date.now() - started);
}

const usd = (value: number): string => `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;

export function renderSeason(report: SeasonReport, costs: readonly DesignCost[]): string {
  const t = report.totals;
  const lines = [
    `Season 2027, ${report.applicants.toLocaleString("en-US")} applicants, store ${report.store}, run ${(report.runMs / 1000).toFixed(1)} s`,
    "",
    `emails per applicant: mean ${(t.emails / t.applicants).toFixed(1)}, max ${t.maxEmails}; most in one day ${t.maxInOneDay}`,
    `applicant-days with > 1 email outside interview days: ${t.multiEmailDaysOutsideInterviews}`,
    `deadlines covered by >= 2 notices: ${t.deadlinesCoveredTwice} of ${t.deadlinesRequired} (${((100 * t.deadlinesCoveredTwice) / Math.max(1, t.deadlinesRequired)).toFixed(1)} %)${Object.keys(t.uncoveredByMilestone).length ? `; short: ${JSON.stringify(t.uncoveredByMilestone)}` : ""}; re-planned (not required): ${JSON.stringify(t.replannedByMilestone)}`,
    `notices sent after their deadline: ${t.noticesAfterDeadline}`,
    `peak outstanding schedules: ${report.peakSchedules} (applicants ${report.applicants})`,
    `intakes ${report.intakes}, planner runs ${report.plannerRuns}, wake-ups ${report.wakeUps}, emails ${t.emails}, reminders in them ${t.remindersSent}`,
    "",
    "calls by function:service/operation (requests, errors, WCU, RCU):",
    ...report.tallies.map(
      (tally) =>
        `  ${`${tally.service} ${tally.operation}`.padEnd(44)} ${String(tally.requests).padStart(9)} ${String(tally.errors).padStart(7)} ${tally.wcu.toFixed(0).padStart(9)} ${tally.rcu.toFixed(1).padStart(9)}`,
    ),
    "",
    "DynamoDB write units by item written (function:service operation action item kind: items, WCU, WCU per item):",
    ...(report.writeUnitsByItem ?? []).map(
      (tally) =>
        `  ${`${tally.service} ${tally.operation}`.padEnd(56)} ${String(tally.requests).padStart(9)} ${tally.wcu.toFixed(0).padStart(9)} ${(tally.wcu / Math.max(1, tally.requests)).toFixed(2).padStart(7)}`,
    ),
    "",
    "cost per 1,000 applicants per season (list price, us-east-1, no free tier):",
  ];
  for (const cost of costs) {
    lines.push(`  ${cost.design}: total ${usd(cost.totalUsd)}, without SES ${usd(cost.withoutSesUsd)}`);
    for (const line of [...cost.lines].sort((a, b) => b.usd - a.usd)) {
      lines.push(
        `    ${line.service.padEnd(28)} ${Math.round(line.quantity).toLocaleString("en-US").padStart(12)} ${line.unit.padEnd(12)} ${usd(line.usd)}`,
      );
    }
  }
  lines.push(
    "",
    "prices:",
    ...Object.entries(PRICES).map(
      ([name, price]) => `  ${name}: $${price.usd} per ${price.per} — ${price.source} (${price.date})`,
    ),
  );
  return lines.join("\n");
}

const USAGE = `npm run simulate -- [--applicants N] [--quick] [--seed S] [--store memory|local] [--workers W]

A whole 2027 Match season for N seeded, varied applicants (intakes, milestone updates, interviews),
then emails per applicant, deadline coverage, notices after deadlines, peak schedules, calls by
service, run time and the cost per 1,000 applicants in three designs (issue #6).

  --applicants N     default 1000 (100 with --quick); 50000 is national scale
  --store local      the local stack: DynamoDB Local, the SES emulator, the local clock
                     (default up to 5,000 applicants; about 2 s per applicant on 2 cores)
  --store memory     the same use cases and adapters over counted in-memory AWS (default above 5,000)
  --seed S           default 2027: the same seed gives the same applicants
  --workers W        worker threads for --store memory (default: up to 2)`;

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  let report: SeasonReport;
  if (options.store === "memory") {
    let shown = 0;
    let month = "";
    report = await simulateInMemory(options, (done, simulatedAt) => {
      const reached = new Date(simulatedAt).toISOString().slice(0, 7);
      if (
        done - shown >= Math.max(100, options.applicants / 20) ||
        done === options.applicants ||
        reached !== month
      ) {
        shown = done;
        month = reached;
        process.stderr.write(
          `  ${done}/${options.applicants} applicants scored, simulated clock at ${reached}\n`,
        );
      }
    });
  } else {
    const { simulateOnLocalStack } = await import("./support/local-season.ts");
    report = await simulateOnLocalStack(options);
  }
  const costs = seasonCosts(report);
  process.stdout.write(`${renderSeason(report, costs)}\n`);
  const out = fileURLToPath(
    new URL(`../../simulation-${options.store}-${options.applicants}.json`, import.meta.url),
  );
  writeFileSync(out, `${JSON.stringify({ options, report, costs }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
