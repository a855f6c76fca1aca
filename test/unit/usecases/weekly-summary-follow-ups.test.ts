import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../shared/cli/plan.ts";

/**
 * Ngozi (Lagos, J-1, a couple in the 2027 Match) has every exam and the Pathway done, so the plan
 * asks about every four weeks whether ECFMG has issued her certificate. She chose one weekly summary,
 * on Wednesdays. The question due Mon 28 Dec 2026 was moved to Wednesday's summary, but the plan
 * made at that summary no longer held it (its own instant had passed), so it was never sent, nor
 * were the ones after it; with each reminder as due she got them all. Every follow-up of a series
 * (this question, a passed target's chase, NRMP's late window) went the same way.
 */
const FIXTURE = new URL("../../fixtures/couples/couple-registered-lagos-2027.json", import.meta.url);
const NOW = "2026-12-07T10:00:00+01:00";
const QUESTION = "has ECFMG issued it?";

/** Each email's send line ("Wed 30 Dec 2026, 09:00 (Africa/Lagos), …") where it asks the question. */
async function asked(preferences: string | undefined): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "matchpath-weekly-"));
  const args = [
    "ngozi.json",
    "--now",
    NOW,
    "--emails",
    dir,
    "--count",
    "12",
    "--until",
    "2027-02-24T12:00:00Z",
  ];
  const code = await runCli(preferences === undefined ? args : [...args, "--preferences", "weekly.json"], {
    readFile: (path) => (path === "weekly.json" ? (preferences ?? "") : readFileSync(FIXTURE, "utf8")),
    now: () => new Date(NOW),
    out: () => {},
    err: () => {},
  });
  expect(code).toBe(0);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .filter((text) => text.includes(QUESTION))
    .map((text) => /^Sent: (.*)$/m.exec(text)?.[1] ?? "");
}

describe("Ngozi's certificate question with a weekly summary on Wednesdays", () => {
  it("goes into the summary after each question's day, as often as it goes without the summary", async () => {
    const each = await asked(undefined);
    const weekly = await asked('{"digest":"weekly","digestDay":3}');
    expect(each.length).toBeGreaterThanOrEqual(4);
    expect(weekly.some((sent) => sent.startsWith("Wed 30 Dec 2026, 09:00"))).toBe(true);
    expect(weekly.length).toBe(each.length);
  });
});
