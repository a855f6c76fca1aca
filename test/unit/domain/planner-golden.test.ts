import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { withStepSources } from "#domain/step-sources.ts";
import { type Case, cases } from "./golden-cases.ts";
import { hiddenWaits } from "./hidden-waits.ts";

/**
 * The planner's output, byte for byte, on a fixed set of inputs: random snapshots (fast-check with a
 * fixed seed), the benchmark's inputs and every scenario fixture, each at several instants. The
 * planner keeps process-wide memos for speed (due dates per season and zone, reminder ladders,
 * renderings); this pins that they never change a plan: the hashes were recorded from the planner
 * before those memos were extended, and every case is planned cold, warm and in reverse order.
 * A deliberate change to plans regenerates the file: UPDATE_PLANNER_GOLDEN=1 npx vitest run <this file>.
 */

const GOLDEN = new URL("../../fixtures/planner-golden.json", import.meta.url);

/** Internal tester and session ids, never in text that reaches applicants. */
const TESTER_ID = /\btester\b|\bt9[a-z]\b|\bs\d+ issue\b/i;

/**
 * `hidden`, when given, collects the plan's waits on steps it does not show (hiddenWaits);
 * `leaked`, the plan's strings that name a tester or session, once per distinct string.
 */
function hashOf(entry: Case, hidden?: string[], leaked?: Set<string>): string {
  // riskChangesAt came after these hashes: its own tests pin it. The step cards' sources were
  // cited by plan() when they were recorded; withStepSources cites them now, where cards are shown.
  const { riskChangesAt: _noted, ...result } = withStepSources(
    plan(entry.input, seasonCalendar(entry.input.applicant.matchYear), entry.now),
    entry.input.applicant.timezone,
  );
  if (hidden !== undefined) for (const wait of hiddenWaits(result)) hidden.push(`${entry.name}: ${wait}`);
  const text = JSON.stringify(result);
  if (leaked !== undefined && TESTER_ID.test(text))
    JSON.stringify(result, (_key, value) => {
      if (typeof value === "string" && TESTER_ID.test(value)) leaked.add(value);
      return value;
    });
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

describe("planner golden plans", () => {
  const all = cases();

  it("gives byte-identical plans to the recorded ones, cold, warm and in reverse order", () => {
    const hidden: string[] = [];
    const leaked = new Set<string>();
    const cold = Object.fromEntries(all.map((entry) => [entry.name, hashOf(entry, hidden, leaked)]));
    // No plan's text names a tester or session: applicants' words never carry review history.
    expect([...leaked]).toEqual([]);
    if (process.env.UPDATE_PLANNER_GOLDEN === "1")
      writeFileSync(GOLDEN, `${JSON.stringify(cold, null, 1)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, string>;
    expect(Object.keys(golden).length).toBe(all.length);
    const warm = Object.fromEntries(all.map((entry) => [entry.name, hashOf(entry)]));
    const reversed = Object.fromEntries([...all].reverse().map((entry) => [entry.name, hashOf(entry)]));
    const differing = all.map((entry) => entry.name).filter((name) => cold[name] !== golden[name]);
    expect(differing).toEqual([]);
    expect(warm).toEqual(golden);
    expect(reversed).toEqual(golden);
    // A property of every plan here: a step the plan waits on is always visible.
    expect(hidden).toEqual([]);
    // About 3,200 plans: 10 s alone, measured at 50-70 s beside other test workers on a loaded
    // 2-core machine, so the project's 60 s default would fail it by load, not by a wrong plan.
  }, 300_000);
});
