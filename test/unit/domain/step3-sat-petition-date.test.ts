import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Aroha (Wellington, H-1B, certified) sat Step 3 on Mon 8 Feb 2027 in the US: its result, about four
 * weeks later, misses the rank order list deadline and its later candidate, so the step is held to
 * the H-1B petition. Once sat it keeps one date, the petition's (it jumped to the rank order
 * list deadline with "Due in 23 hours" on its eve, then to the later candidate), and the visitor visa
 * for the trip is spent, never upcoming.
 */
const DIR = fileURLToPath(new URL("../../fixtures/step3-sat-petition-date/", import.meta.url));
const AROHA = readSnapshot(DIR, "wellington-h1b-step3-sat.json");

const step3 = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const mrv = (result: Plan) => result.budget.items.find((item) => item.key === "visitor_visa_mrv");
const ROL_ET = "2027-02-25T02:00:00.000Z"; // Wed 24 Feb 2027, 9:00 PM ET (projected)

describe("a Step 3 sat too late for ranking on the H-1B track", () => {
  it("before its last day for ranking: due by that day (move the sitting to it), the trip's visa still to pay", () => {
    const result = planInOwnMatch(AROHA, "2027-01-19T23:00:00Z");
    expect(step3(result)?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(step3(result)?.action).toContain("Move it earlier");
    expect(mrv(result)?.status).toBe("upcoming");
  });

  // The day after the sitting, the rank order list deadline's eve, between it and its later
  // candidate (Wed 3 Mar), and Match Week's Monday: one date throughout.
  const SAT = [
    "2027-02-09T23:00:00Z",
    "2027-02-24T03:00:00Z",
    "2027-03-03T23:00:00Z",
    "2027-03-15T23:00:00Z",
  ];

  it.each(SAT)(
    "sat, at %s: due by the petition's own date, no Step 3 rung toward the rank order list deadline",
    (now) => {
      const result = planInOwnMatch(AROHA, now);
      const step = step3(result);
      expect(step?.deadline?.local).toBe("Fri 16 Apr 2027");
      expect(step?.action).toMatch(/by the petition's date in this plan, Fri 16 Apr 2027/);
      expect(step?.action).not.toMatch(/rank order list deadline/);
      const rungs = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
      expect(rungs.length).toBeGreaterThan(0);
      for (const rung of rungs) expect(rung.deadline).toBe(step?.deadline?.at);
    },
  );

  it("on the eve, the risk's notice ('rank J-1 programs too') rides the rank order list, not the exam sat", () => {
    const result = planInOwnMatch(AROHA, "2027-02-24T03:00:00Z");
    const notice = result.reminders.find(
      (reminder) => reminder.rung === "critical-risk" && reminder.risk === "STEP3_NEEDED_FOR_H1B",
    );
    expect(notice).toMatchObject({ milestone: "rank_order_list", deadline: ROL_ET });
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toMatch(
      /your result can reach it by the petition's date in this plan, Fri 16 Apr 2027/,
    );
    expect(risk?.message).not.toMatch(/keep it/);
    expect(risk?.message).not.toMatch(/plan the trip/); // the trip is over
  });

  it.each(SAT)("sat, at %s: the trip's visitor visa fee is spent, not upcoming", (now) => {
    const before = planInOwnMatch(AROHA, "2027-01-19T23:00:00Z");
    const result = planInOwnMatch(AROHA, now);
    expect(mrv(result)?.status).toBe("spent");
    expect(result.budget.upcomingUsd).toBe(before.budget.upcomingUsd - 185);
    expect(result.budget.spentUsd).toBe(before.budget.spentUsd + 185);
  });
});
