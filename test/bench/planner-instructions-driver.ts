import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { variants } from "./planner-inputs.ts";

/**
 * Runs `warm` + `count` plans of the planner bench's inputs (variants(10)) back to back and exits:
 * the program planner-instructions.sh runs under callgrind. Arguments: warm count. Environment:
 * PLANNER_CASES, comma-separated indexes into variants(10), runs only those (a figure per input;
 * 24-26 are the plans out of reach), else all. PLANNER_FRESH=1 plans every case on its own snapshot
 * object, parsed from the case's JSON text just before, as the bench's fresh-snapshot loop and the
 * planner Lambda do: the figure then includes one JSON.parse per plan (the same for both trees
 * compared, so a difference is the planner's).
 */
const calendar = seasonCalendar(2027);
const only = process.env.PLANNER_CASES?.split(",").map(Number);
const fresh = process.env.PLANNER_FRESH === "1";
const cases = variants(10).filter((_, index) => only === undefined || only.includes(index));
const texts = cases.map((entry) => JSON.stringify(entry.input));
const warm = Number(process.argv[2] ?? 8000);
const count = Number(process.argv[3] ?? 2500);
let sink = 0;
for (let index = 0; index < warm + count; index++) {
  const at = index % cases.length;
  const chosen = cases[at];
  const text = texts[at];
  if (chosen === undefined || text === undefined) continue;
  const input = fresh ? (JSON.parse(text) as typeof chosen.input) : chosen.input;
  const result = plan(input, calendar, chosen.now);
  sink += result.reminders.length + result.nextSteps.length;
}
process.stdout.write(`plans ${warm + count} sink ${sink}\n`);
