import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Bishnu (Pokhara) with the OET sat on 19 Dec 2026 and its result not yet reported: the result is
 * due by ECFMG's deadline for a Pathway's documents (29 days before the projected rank order list
 * deadline), an authority's date projected, never "our advice". Before the sitting, the
 * last sitting day is our advice and keeps †.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-after-rol/", import.meta.url));
const BISHNU = readSnapshot(DIR, "bishnu-pokhara-pathway-under-review-2027.json");
const SAT: ApplicantSnapshot = {
  ...BISHNU,
  milestones: BISHNU.milestones.map((entry) =>
    entry.key === "oet_medicine" ? { key: entry.key, status: "scheduled", date: "2026-12-19" } : entry,
  ),
};
const oet = (now: string) =>
  planInOwnMatch(SAT, now).nextSteps.find((step) => step.milestone === "oet_medicine");

describe("the OET result's deadline is ECFMG's documents deadline, projected", () => {
  it("15 Jan 2027: due Tue 26 Jan 2027, 9:00 PM ET, projected", () => {
    const step = oet("2027-01-15T12:00:00+05:45");
    expect(step?.dueBy).toBe("2027-01-27T02:00:00.000Z");
    expect(step?.deadline?.basis).toBe("projected");
    expect(step?.action).toContain("ECFMG needs it by Tue 26 Jan 2027 (projected)");
    expect(step?.action).not.toContain("our advice");
  });

  it("30 Nov 2026, before the sitting: the last sitting day stays our advice", () => {
    expect(oet("2026-11-30T20:00:00+05:45")?.deadline?.basis).toBe("advice");
  });
});
