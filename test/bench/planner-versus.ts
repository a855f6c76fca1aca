import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Plan } from "#domain/plan.ts";
import type { PlannerInput } from "#domain/planner.ts";
import type { SeasonCalendar } from "#domain/seasons/index.ts";
import { variants } from "./planner-inputs.ts";

const USAGE = `npx tsx test/bench/planner-versus.ts --baseline=<worktree> [--rounds=400] [--batch=240] [--fresh]

Compares this worktree's planner with another worktree's (e.g. /work/lead, or a checkout of main)
in CPU time, interleaved in one process so both meet the same machine load: each round plans
--batch full snapshots (the planner bench's inputs) with one version then the other, the order
alternating every round. Prints plans per CPU-second (process.cpuUsage) for each, the ratio of the
totals, the median of the per-round ratios, and the 1-minute load average before and after.
--fresh plans every input on its own snapshot, decoded from JSON before each batch is timed, as the
bench's fresh-snapshot figure does (new objects, and new strings for any over 10 characters).
The two versions are separate module instances (each worktree resolves its own #domain imports).

On a loaded machine one process can favour either instance by about 5% with identical code. Run
it twice, the second time from the other worktree with --baseline pointing back, and take the
geometric mean sqrt(first ratio / second ratio); even so, trust a gain under about 5% only after
several such pairs. Two A/A pairs at load 12-36 gave 1.079 / 0.951 (mean 1.065) and 0.958 / 0.951
(mean 1.004).`;

interface Planner {
  name: string;
  plan: (input: PlannerInput, calendar: SeasonCalendar, now: Date) => Plan;
  calendar: SeasonCalendar;
  cpuMicros: number;
}

async function load(name: string, root: string): Promise<Planner> {
  const planner = (await import(resolve(root, "shared/domain/planner.ts"))) as Pick<Planner, "plan">;
  const seasons = (await import(resolve(root, "shared/domain/seasons/index.ts"))) as {
    seasonCalendar: (year: number) => SeasonCalendar;
  };
  return { name, plan: planner.plan, calendar: seasons.seasonCalendar(2027), cpuMicros: 0 };
}

let sink = 0;
let fresh = false;
let texts: string[] = [];

function runBatch(planner: Planner, cases: { input: PlannerInput; now: Date }[], batch: number): number {
  // --fresh: every plan on its own snapshot decoded before the batch's timing, as the bench's
  // fresh-snapshot figure and the planner Lambda plan (equal content, new objects and strings).
  const decoded = fresh
    ? Array.from(
        { length: batch },
        (_, index) => JSON.parse(texts[index % texts.length] ?? "") as PlannerInput,
      )
    : [];
  const start = process.cpuUsage();
  for (let index = 0; index < batch; index++) {
    const chosen = cases[index % cases.length];
    if (chosen === undefined) continue;
    const result = planner.plan(decoded[index] ?? chosen.input, planner.calendar, chosen.now);
    sink += result.reminders.length;
  }
  const used = process.cpuUsage(start);
  const micros = used.user + used.system;
  planner.cpuMicros += micros;
  return micros;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: "string" },
      rounds: { type: "string", default: "400" },
      batch: { type: "string", default: "240" },
      fresh: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true || values.baseline === undefined) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(values.help === true ? 0 : 1);
  }
  const rounds = Number(values.rounds);
  const batch = Number(values.batch);
  const here = await load("this worktree", resolve(import.meta.dirname, "../.."));
  const baseline = await load(`baseline ${values.baseline}`, values.baseline);
  const cases = variants(10);
  fresh = values.fresh === true;
  texts = cases.map((chosen) => JSON.stringify(chosen.input));
  const loadBefore = loadavg()[0] ?? Number.NaN;
  for (let warm = 0; warm < 20; warm++) {
    runBatch(here, cases, batch);
    runBatch(baseline, cases, batch);
  }
  here.cpuMicros = 0;
  baseline.cpuMicros = 0;
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0 ? here : baseline;
    const second = first === here ? baseline : here;
    const firstMicros = runBatch(first, cases, batch);
    const secondMicros = runBatch(second, cases, batch);
    const hereMicros = first === here ? firstMicros : secondMicros;
    const baseMicros = first === here ? secondMicros : firstMicros;
    if (hereMicros > 0) ratios.push(baseMicros / hereMicros);
    if ((round + 1) % 100 === 0) process.stderr.write(`round ${round + 1}/${rounds}\n`);
  }
  ratios.sort((left, right) => left - right);
  const perCpuSecond = (planner: Planner): number => Math.round((rounds * batch) / (planner.cpuMicros / 1e6));
  const lines = [
    `rounds ${rounds} x ${batch} plans each, order alternating; load average (1 min) ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? Number.NaN).toFixed(2)} after`,
    `${here.name}: ${perCpuSecond(here)} plans/CPU-s`,
    `${baseline.name}: ${perCpuSecond(baseline)} plans/CPU-s`,
    `ratio of totals (this / baseline): ${(baseline.cpuMicros / here.cpuMicros).toFixed(3)}`,
    `median per-round ratio: ${(ratios[Math.floor(ratios.length / 2)] ?? Number.NaN).toFixed(3)} (p10 ${(ratios[Math.floor(ratios.length * 0.1)] ?? Number.NaN).toFixed(3)}, p90 ${(ratios[Math.floor(ratios.length * 0.9)] ?? Number.NaN).toFixed(3)})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (sink === -1) process.stdout.write("");
}

await main();
