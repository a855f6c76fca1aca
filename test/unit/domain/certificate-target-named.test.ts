import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { passedTargetWords, targetNeed } from "#domain/target-need.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The ECFMG certificate's passed target read "target passed Fri 20 Nov 2026" in November and
 * February, then "target passed Tue 12 Jan 2027" after the Match: two targets
 * (for ranking on H-1B, then for the H-1B petition), read as one passed date that moved. Each row
 * now names the need its target was made for. And the "has ECFMG issued it?" question was asked
 * every two weeks from November to June: now monthly while the start is far, fortnightly
 * in the four weeks before the deadline's own rungs.
 */
const DIR = fileURLToPath(new URL("../../fixtures/certificate-targets-named/", import.meta.url));
const planOf = (file: string, now: string): Plan => planInOwnMatch(readSnapshot(DIR, file), now);
const certificateRow = (result: Plan, zone: string): string =>
  renderPlan(result, "Tobi", zone)
    .split("\n")
    .find((line) => /^\s+\w+\s+ecfmg_certification\s/.test(line)) ?? "";
const DAY = 86_400_000;

describe("a passed certificate target names the need it was for", () => {
  it("November: the target for ranking on H-1B passed", () => {
    const result = planOf("h1b-ibadan-november-2027.json", "2026-11-30T19:00:00+01:00");
    const row = certificateRow(result, "Africa/Lagos");
    expect(row).toContain("target for ranking on H-1B: passed Fri 20 Nov 2026 †");
    expect(row).not.toContain("H-1B petition");
  });

  it("after the rank order list deadline: the H-1B petition's target, a different one, passed", () => {
    const result = planOf("h1b-ibadan-ranked-2027.json", "2027-03-20T10:00:00+01:00");
    const row = certificateRow(result, "Africa/Lagos");
    expect(row).toContain("target for the H-1B petition: passed Mon 11 Jan 2027 †");
    expect(row).not.toContain("ranking on H-1B");
  });

  it("a target ahead, or one made for no later step, reads as before", () => {
    const now = "2026-12-01T00:00:00Z";
    expect(
      passedTargetWords({ at: "2027-04-05T00:00:00Z", source: "target for J-1 sponsorship: x" }, now),
    ).toBe("");
    expect(passedTargetWords({ at: "2026-11-01T00:00:00Z", source: "target: 90 days before x" }, now)).toBe(
      "target passed ",
    );
    expect(targetNeed({ source: "target: 90 days before x" })).toBeUndefined();
    expect(targetNeed({ source: "target for J-1 sponsorship: needed by x" })).toBe("J-1 sponsorship");
  });
});

describe("the certificate question's cadence fits how far the date is", () => {
  const result = planOf("j1-tunis-certificate-asked-2027.json", "2026-11-30T19:00:00+01:00");
  const rungs = result.reminders
    .filter((each) => each.milestone === "ecfmg_certification")
    .sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));
  const asked = rungs.filter((each) => each.rung === "certificate-asked");

  it("asks once now, monthly to early May, then fortnightly to the deadline's rungs: 8 questions, not 13", () => {
    expect(asked.map((each) => each.sendAtLocal.slice(0, 10))).toEqual([
      "2026-12-01",
      "2026-12-23",
      "2027-01-19",
      "2027-02-15",
      "2027-03-13",
      "2027-04-09",
      "2027-05-06",
      "2027-05-20",
    ]);
    expect(rungs.filter((each) => each.rung.startsWith("deadline-in-")).map((each) => each.rung)).toEqual([
      "deadline-in-14d",
      "deadline-in-3d",
      "deadline-in-1d",
    ]);
  });

  it("never more than four weeks between two emails, two weeks at most in the last six before the deadline", () => {
    const sends = rungs.map((each) => Date.parse(each.sendAt));
    const deadline = Date.parse(rungs[0]?.deadline ?? "");
    for (let index = 1; index < sends.length; index++) {
      const gap = (sends[index] as number) - (sends[index - 1] as number);
      expect(gap).toBeLessThanOrEqual(28 * DAY);
      if (deadline - (sends[index - 1] as number) <= 43 * DAY) expect(gap).toBeLessThanOrEqual(15 * DAY);
    }
  });
});
