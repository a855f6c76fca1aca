import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A passing score stored on an exam in progress or not started is read as a passing score on a
 * scheduled exam is (SCORE_ON_SCHEDULED_EXAM, a warning): kept as reported, never counted as passed,
 * and the applicant asked to mark it done, so the score is not dropped in silence. Kwame (Accra, 2027
 * Match) as of Fri 4 Dec 2026; Step 2 CK's passing score then is 218.
 */
const DIR = new URL("../../fixtures/failed-exam-dated/", import.meta.url).pathname;
const NOW = "2026-12-04T17:00:00Z";

function planWith(step2ck: Omit<MilestoneEntry, "key">) {
  const snapshot = readSnapshot(DIR, "step2ck-failed-in-progress-attempt-dated.json");
  const milestones = snapshot.milestones.map((entry) =>
    entry.key === "usmle_step2ck" ? { key: entry.key, ...step2ck } : entry,
  );
  return planInOwnMatch({ ...snapshot, milestones }, NOW);
}

describe.each([
  [
    "in progress, dated",
    { status: "in_progress", date: "2026-10-20", score: 235 } as const,
    " marked in progress on Tue 20 Oct 2026",
    "keeps it in progress",
  ],
  [
    "in progress",
    { status: "in_progress", score: 235 } as const,
    " marked in progress,",
    "keeps it in progress",
  ],
  ["not started", { status: "not_started", score: 235 } as const, " marked not started,", "keeps it to do"],
])("a passing score on Step 2 CK %s", (_case, step2ck, on, kept) => {
  const result = planWith(step2ck);
  const warning = result.risks.find((risk) => risk.code === "SCORE_ON_SCHEDULED_EXAM");

  it("raises the warning, naming the status it was reported in", () => {
    expect(warning?.severity).toBe("warning");
    expect(warning?.milestones).toEqual(["usmle_step2ck"]);
    expect(warning?.message).toContain(`You reported a score of 235 for USMLE Step 2 CK${on}`);
    expect(warning?.message).toContain("If you sat it, mark it done with the day you sat it");
    expect(warning?.message).toContain(`Until then your plan ${kept} and does not count it as passed.`);
  });

  it("does not count it as passed nor as a failed attempt", () => {
    expect(result.nextSteps.some((step) => step.milestone === "usmle_step2ck")).toBe(true);
    expect(result.risks.find((risk) => risk.code === "SCORE_BELOW_PASSING")).toBeUndefined();
  });
});

it("a failing score in progress raises no such warning (it is a retake)", () => {
  const result = planWith({ status: "in_progress", score: 205 });
  expect(result.risks.find((risk) => risk.code === "SCORE_ON_SCHEDULED_EXAM")).toBeUndefined();
});
