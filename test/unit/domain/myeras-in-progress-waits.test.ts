import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Letters, CV and statement under way while the ERAS token is
 * not done say the MyERAS part waits for it, before MyERAS opens and after; nothing to assign or
 * paste until then. Maria, Manila, 2028 Match (test/fixtures/step2ck-retakes-and-myeras/maria_token.json).
 */
const DIR = new URL("../../fixtures/step2ck-retakes-and-myeras/", import.meta.url).pathname;
const maria = readSnapshot(DIR, "maria_token.json");
const actionOf = (result: Plan, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const KEYS = ["lors", "personal_statement", "cv"] as const;

describe("MyERAS words wait for the token, in progress too", () => {
  it.each(KEYS)(
    "%s before MyERAS opens: keep working offline, once it opens on Wed 2 Jun 2027 and you registered",
    (key) => {
      const action = actionOf(planInOwnMatch(maria, "2027-05-20T10:00:00+08:00"), key);
      expect(action).toMatch(/^Keep working offline: /);
      expect(action).toContain(
        "once MyERAS opens on Wed 2 Jun 2027 (projected) and you have registered there with your ERAS token,",
      );
    },
  );

  it.each(KEYS)(
    "%s after MyERAS opened, token still not done: once you have registered with your token",
    (key) => {
      const action = actionOf(planInOwnMatch(maria, "2027-06-10T10:00:00+08:00"), key);
      expect(action).toMatch(/^Keep working offline: /);
      expect(action).toContain("once you have registered in MyERAS with your ERAS token,");
    },
  );

  it("with the token done, the steps keep their in-progress words", () => {
    const withToken = {
      ...maria,
      milestones: [
        ...maria.milestones,
        { key: "eras_token" as const, status: "done" as const, date: "2027-06-05" },
      ],
    };
    const action = actionOf(planInOwnMatch(withToken, "2027-06-10T10:00:00+08:00"), "lors");
    expect(action).toMatch(/^Make sure each writer has uploaded their letter/);
  });
});
