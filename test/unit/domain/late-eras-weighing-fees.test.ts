import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * While ERAS_LATE_SUBMISSION advises weighing the next Match before
 * paying ERAS fees, the budget holds this Match's ERAS fees not yet paid (the application fees, the
 * USMLE transcript) as it holds NRMP's: listed "If you apply for the 2027 Match", in no total.
 */
const DIR = fileURLToPath(new URL("../../fixtures/late-eras-weighing/", import.meta.url));
const LATE = readSnapshot(DIR, "late-eras-dhaka-2027.json");
const ERAS_KEYS = ["eras_programs", "eras_usmle_transcript"];

const held = (result: Plan, key: string) => (result.budget.toVerify ?? []).find((item) => item.key === key);
const counted = (result: Plan, key: string) => result.budget.items.find((item) => item.key === key);

describe("a late ERAS application's fees follow the advice to weigh the next Match", () => {
  it("lists the unpaid ERAS fees 'If you apply for the 2027 Match', in no total, like NRMP's", () => {
    const result = planInOwnMatch(LATE, "2026-12-04T20:00:00Z");
    expect(result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.message).toContain(
      "Before you pay ERAS application fees for this Match, weigh applying early for the 2028 Match",
    );
    for (const key of [...ERAS_KEYS, "nrmp_registration"]) {
      expect(counted(result, key)).toBeUndefined();
      expect(held(result, key)?.verify).toMatch(
        /^If you apply for the 2027 Match \(you are weighing the next one\): owed only then, so not counted in the totals/,
      );
    }
    // The paid token stays spent; the J-1 fees after the Match wait for it. Nothing held is in a total.
    expect(counted(result, "eras_token")?.status).toBe("spent");
    const upcoming = result.budget.items.filter((item) => item.status === "upcoming");
    expect(result.budget.upcomingUsd).toBe(upcoming.reduce((sum, item) => sum + item.amountUsd, 0));
    for (const key of ["j1_sponsorship", "j1_sevis_i901", "j1_visa_mrv"])
      expect(held(result, key)?.verify).toMatch(/^Once the Match places you with a program/);
  });

  it("counts the ERAS fees as usual while the advice is still to submit now (October)", () => {
    const result = planInOwnMatch(LATE, "2026-10-20T08:00:00Z");
    expect(result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.message).not.toContain(
      "weigh applying early",
    );
    for (const key of ERAS_KEYS) {
      expect(counted(result, key)?.status).toBe("upcoming");
      expect(held(result, key)).toBeUndefined();
    }
  });
});
