import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The projected Pathway deadline took its hour from the rank order list deadline it counts from
 * (NRMP's 9:00 PM ET), while the only ECFMG hour on record, which its own rule cites, is 6:00 PM ET
 * (Dec 31, 2023, for the 2024 Match): three hours later than ECFMG's, 4:00 AM in Cairo, not 1:00 AM.
 * The day is the offset's, the hour ECFMG's; NRMP's own deadline keeps NRMP's hour.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-ecfmg-hour/", import.meta.url));
const NOUR = readSnapshot(DIR, "alexandria-pathway-not-sent-2027.json");

const step = (result: Plan, key: string) =>
  [...result.nextSteps, ...result.blocked].find((each) => each.milestone === key);

describe("the projected Pathway deadline at ECFMG's hour", () => {
  const result = planInOwnMatch(NOUR, "2026-11-30T18:00:00Z");

  it("is Sat 26 Dec 2026, 6:00 PM ET (1:00 AM Sunday in Alexandria), citing ECFMG's hour", () => {
    const deadline = step(result, "ecfmg_pathway")?.deadline;
    expect(deadline?.at).toBe("2026-12-26T23:00:00.000Z");
    expect(deadline?.et).toBe("Sat 26 Dec 2026, 6:00 PM ET");
    expect(deadline?.local).toBe("Sun 27 Dec 2026, 1:00 AM GMT+2");
    expect(deadline?.status).toBe("projected");
    expect(deadline?.source).toContain("at ECFMG's hour on record, not NRMP's");
    expect(deadline?.source).toContain(
      "Dec 31, 2023, 6:00 PM ET for the 2024 Match, https://ecfmg.org/certification-pathways/info-applicants.html",
    );
    // No channel of the plan names the old hour for that day.
    expect(JSON.stringify(result)).not.toContain("Sat 26 Dec 2026, 9:00 PM ET");
  });

  it("every reminder of the step counts down to that instant, and the rank order list deadline keeps NRMP's 9:00 PM ET", () => {
    const rungs = result.reminders.filter(
      (each) => each.milestone === "ecfmg_pathway" && each.countsDownTo === undefined,
    );
    expect(rungs.length).toBeGreaterThan(2);
    for (const rung of rungs) expect(rung.deadline, rung.rung).toBe("2026-12-26T23:00:00.000Z");
    expect(step(result, "rank_order_list")?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
  });
});
