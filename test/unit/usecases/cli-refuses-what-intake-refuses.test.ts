import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { MAX_BODY_BYTES } from "#http/request.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * `npm run plan` refuses what the intake refuses, from the same rules (submission-refusals.ts) with
 * `--now` as today: a Step 1 marked done on 1 May 2027, planned on 5 Dec 2026, was planned as passed
 * ("nothing we know of still holds back your certificate") while the intake answers 400 naming
 * `milestones.2.date`. Each refusal the README lists (a step done after today, a waiver of a step an
 * applicant may not skip, a score its exam's status does not fit, a Match outcome before NRMP gives
 * it) gives exit 2 naming the intake's fields, and what the intake accepts the CLI still plans.
 */
type Entry = { key: string; status: string; date?: string; score?: number };
type Snapshot = { milestones: Entry[] } & Record<string, unknown>;
const FIXTURE = new URL("../../fixtures/done-after-today/step1-done-after-today-lagos.json", import.meta.url);
const base = JSON.parse(readFileSync(FIXTURE, "utf8")) as Snapshot;
const NOW = new Date("2026-12-05T05:00:00Z");
const STEP1 = base.milestones.findIndex((entry) => entry.key === "usmle_step1");

function withEntry(key: string, entry: Omit<Entry, "key">, from: Snapshot = clean): Snapshot {
  const milestones = from.milestones.filter((one) => one.key !== key);
  return { ...from, milestones: [...milestones, { key, ...entry }] };
}
/** The snapshot with Step 1 passed in the past: one the intake accepts, each case changes one step. */
const clean = withEntry("usmle_step1", { status: "done", date: "2025-03-01" }, base);

function cli(snapshot: object, now: Date = NOW): { code: number; err: string } {
  let err = "";
  const code = runPlanCli(["applicant.json", "--now", now.toISOString()], {
    readFile: () => JSON.stringify(snapshot),
    now: () => now,
    out: () => undefined,
    err: (text) => {
      err += text;
    },
  });
  return { code, err };
}

async function intake(snapshot: object, now: Date = NOW): Promise<InvalidInputError | "accepted"> {
  const deps = { intake: new InMemoryApplicantStore(), clock: new FixedClock(now) };
  return receiveSubmission(snapshot, "webhook", deps).then(
    () => "accepted" as const,
    (error: unknown) => {
      if (error instanceof InvalidInputError) return error;
      throw error;
    },
  );
}

describe("npm run plan refuses what the intake refuses", () => {
  it("a snapshot over the webhook's body limit: exit 2 naming the root and the limit, as the webhook's 413 would", () => {
    const padded = { ...clean, padding: "x".repeat(MAX_BODY_BYTES) };
    const { code, err } = cli(padded);
    expect(code).toBe(2);
    expect(err).toMatch(/\(root\): [\d,]+ bytes, over the intake's limit of 256 KB/);
    // Just under the limit, the same snapshot is planned (unknown fields are the schema's to judge).
    expect(cli(clean).code).toBe(0);
  });

  it("a step done on a date after today: exit 2 naming milestones.N.date, with the intake's words", async () => {
    const refused = await intake(base);
    expect(refused).toBeInstanceOf(InvalidInputError);
    const problems = (refused as InvalidInputError).problems;
    expect(problems.map((problem) => problem.path)).toEqual([`milestones.${STEP1}.date`]);
    const { code, err } = cli(base);
    expect(code).toBe(2);
    expect(err).toContain("invalid snapshot:");
    for (const problem of problems) expect(err).toContain(`${problem.path}: ${problem.message}`);
  });

  it("the same snapshot planned with --now on the day after that date is planned (today is --now, not the clock)", async () => {
    const later = new Date("2027-05-02T12:00:00Z");
    expect(await intake(base, later)).toBe("accepted");
    expect(cli(base, later)).toEqual({ code: 0, err: expect.not.stringContaining("invalid snapshot") });
  });

  const TODAY_IN_LAGOS = "2026-12-05";
  it.each([
    ["a step done after today", "refused", withEntry("usmle_step1", { status: "done", date: "2026-12-06" })],
    [
      "a step done today (the control)",
      "accepted",
      withEntry("usmle_step1", { status: "done", date: TODAY_IN_LAGOS }),
    ],
    ["a waived exam", "refused", withEntry("usmle_step1", { status: "waived" })],
    ["waived research (the control)", "accepted", withEntry("research", { status: "waived" })],
    [
      "a passing score on a booked exam",
      "refused",
      withEntry("usmle_step2ck", { status: "scheduled", date: "2027-01-12", score: 245 }),
    ],
    [
      "a failing score in progress dated ahead",
      "refused",
      withEntry("usmle_step2ck", { status: "in_progress", date: "2027-01-12", score: 180 }),
    ],
    [
      "a Match outcome before Match Week",
      "refused",
      withEntry("match_week", { status: "done", date: "2026-12-01" }),
    ],
  ])("%s: %s by the intake, and so by the CLI", async (_situation, expected, snapshot) => {
    const verdict = await intake(snapshot);
    expect(verdict === "accepted" ? "accepted" : "refused").toBe(expected);
    const { code, err } = cli(snapshot);
    if (verdict === "accepted") {
      expect(code).toBe(0);
      expect(err).not.toContain("invalid snapshot");
    } else {
      expect(code).toBe(2);
      for (const problem of verdict.problems) expect(err).toContain(`${problem.path}: ${problem.message}`);
    }
  });
});
