import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A rolled-over Pathway applicant: the Pathway's card says to apply now to ECFMG's 2027 Pathways (to
 * the end of May 2027 by the 2025 pattern, projected), while the OET's card gave only the 2028
 * Pathways' days (its result by Tue 25 Jan 2028). Both routes are laid out with their own OET day:
 * on the recommended route, the OET result goes with the application's documents by that closing.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-route-oet/", import.meta.url));
const JOSE = readSnapshot(DIR, "oet-sat-pathway-not-started-manila-2027.json");
const card = (result: Plan, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const ROUTE =
  "If you apply to ECFMG's 2027 Pathways now, as your Pathway step suggests, your OET result goes with that application's documents by their close, by the 2025 pattern Mon 31 May 2027 (projected; verify on ECFMG's Pathways page). The dates above are for the 2028 Pathways.";

describe("the OET's day on the Pathway route the plan recommends", () => {
  it("1 Mar 2027: the OET card names the 2027 route's day beside the 2028 Pathways' own", () => {
    const result = planInOwnMatch(JOSE, "2027-03-01T09:00:00+08:00");
    expect(card(result, "ecfmg_pathway")).toContain("If ECFMG's 2027 Pathways still accept applications");
    const oet = card(result, "oet_medicine");
    expect(oet).toContain("ECFMG needs it by Tue 25 Jan 2028 (projected)");
    expect(oet).toContain(ROUTE);
  });

  it("after that route's projected close, only the 2028 Pathways' days remain", () => {
    const result = planInOwnMatch(JOSE, "2027-06-05T09:00:00+08:00");
    expect(card(result, "ecfmg_pathway")).not.toContain("2027 Pathways still accept applications");
    expect(card(result, "oet_medicine")).not.toContain("2027 Pathways");
  });

  it("with the OET done, no OET day is asked for", () => {
    const done: ApplicantSnapshot = {
      ...JOSE,
      milestones: JOSE.milestones.map((entry) =>
        entry.key === "oet_medicine" ? { key: entry.key, status: "done", date: "2026-12-12" } : entry,
      ),
    };
    const result = planInOwnMatch(done, "2027-03-01T09:00:00+08:00");
    expect(JSON.stringify(result)).not.toContain("your OET result goes with that application");
  });
});
