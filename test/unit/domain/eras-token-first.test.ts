import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Letters were to be started in MyERAS ("create the Letter Request Forms in
 * MyERAS", start-by early July) and the CV entered there weeks before the ERAS token, which MyERAS
 * needs, had any reminder (its first: due-in-14d in August). Rule: the token's start-by rung goes
 * when the season's MyERAS opens, its target four weeks later (ECFMG releases IMG tokens in late
 * June, after MyERAS opens: a target on the opening day read "passed" the next day); no rung tells the applicant to do
 * something in MyERAS while the token is not done: the letters ask the writers now and create the
 * forms once the token is registered; a re-applicant's imports wait for this season's token.
 * Replayed on the reported applicants.
 */
const DIR = fileURLToPath(new URL("../../fixtures/eras-token-and-oet/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const planOf = planInOwnMatch;
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);

const DHAKA = "certified-may-2026-for-2027-dhaka.json";
const KATHMANDU = "unmatched-2027-switched-to-2028-kathmandu.json";
/** Four weeks after MyERAS opens (Wed 3 Jun 2026, Wed 2 Jun 2027 in the season data): the token's target. */
const TOKEN_TARGET = { 2027: "2026-07-01", 2028: "2027-06-30" } as const;

describe("the ERAS token before anything done in MyERAS", () => {
  it.each([
    // MyERAS opens at 9:00 AM ET (7:00 PM in Dhaka, 6:45 PM in Kathmandu): the next morning's slot.
    [DHAKA, "2026-05-15T10:00:00+06:00", 2027, "2026-06-04T09:00:00.000+06:00"],
    [KATHMANDU, "2027-04-01T09:00:00+05:45", 2028, "2027-06-03T09:00:00.000+05:45"],
  ] as const)(
    "%s at %s: the token's start-by goes at the first slot once MyERAS opens, its target four weeks later",
    (file, now, year, startBy) => {
      const snapshot = snapshotOf(file);
      const result = planOf(snapshot, now);
      const token = stepOf(result, "eras_token");
      expect(token?.target?.at.slice(0, 10)).toBe(TOKEN_TARGET[year]);
      expect(token?.target?.basis).toBe("advice");
      const rungs = result.reminders.filter((each) => each.milestone === "eras_token");
      const start = rungs.find((each) => each.rung === "start-by");
      expect(start?.sendAtLocal).toBe(startBy);
      // Nothing about the token before MyERAS opens, and its start-by comes before the letters'.
      const firstToken = Math.min(
        ...rungs.filter((each) => each.rung !== "warning-notice").map((each) => Date.parse(each.sendAt)),
      );
      expect(firstToken).toBe(Date.parse(startBy));
      const lettersStart = result.reminders.find(
        (each) => each.milestone === "lors" && each.rung === "start-by",
      );
      expect(Date.parse(lettersStart?.sendAt ?? "")).toBeGreaterThan(firstToken);
    },
  );

  it("a first-time applicant's letters and CV say the MyERAS part waits for the token", () => {
    const result = planOf(snapshotOf(DHAKA), "2026-05-15T10:00:00+06:00");
    expect(stepOf(result, "lors")?.action).toBe(
      "Ask your writers now, and create the Letter Request Forms in MyERAS once you have registered there with your ERAS token.",
    );
    expect(stepOf(result, "cv")?.action).toMatch(
      /^Gather your experiences.*once you have registered there with your ERAS token\.$/,
    );
  });

  it("a re-applicant's imports wait for this season's token", () => {
    const snapshot = snapshotOf(KATHMANDU);
    const result = planOf(snapshot, "2027-04-01T09:00:00+05:45");
    for (const key of ["lors", "cv", "personal_statement"]) {
      const action = stepOf(result, key)?.action ?? "";
      expect(action).toContain("this season's ERAS token");
      expect(action).not.toMatch(/^(Import|Upload)/);
    }
  });

  it("once the token is done, the letters ask for the forms in MyERAS now", () => {
    const snapshot = snapshotOf(DHAKA);
    snapshot.milestones.push({ key: "eras_token", status: "done", date: "2026-06-05" });
    const result = planOf(snapshot, "2026-06-10T10:00:00+06:00");
    expect(stepOf(result, "eras_token")).toBeUndefined();
    expect(stepOf(result, "lors")?.action).toBe(
      "Ask your writers now and create the Letter Request Forms in MyERAS.",
    );
  });
});
