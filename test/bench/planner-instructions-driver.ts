import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { variants } from "./planner-inputs.ts";

/**
 * Runs `warm` + `count` plans of the planner bench's inputs (variants(10)) back to back and exits:
 * the program planner-instructions.sh runs under callgrind. Arguments: warm count. Environment:
 * PLANNER_CASES, comma-separated indexes into variants(10), runs only those (a figure per input;
 * 24-26 are the plans out of reach), else all.
 */
const calendar = seasonCalendar(2027);
const only = process.env.PLANNER_CASES?.split(",").map(Number);
const cases = variants(10).filter((_, index) => only === undefined || only.includes(index));
const warm = Number(process.argv[2] ?? 8000);
const count = Number(process.argv[3] ?? 2500);
let sink = 0;
for (let index = 0; index < warm + count; index++) {
  const chosen = cases[index % cases.length];
  if (chosen === undefined) continue;
  const result = plan(chosen.input, calendar, chosen.now);
  sink += result.reminders.length + result.nextSteps.length;
}
process.stdout.write(`plans ${warm + count} sink ${sink}\n`);
