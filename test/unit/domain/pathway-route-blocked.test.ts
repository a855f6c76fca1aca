import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * One Pathways season in every card: with the 2027 Match out of reach and the ECFMG
 * application not submitted, the Pathway is blocked and dated for the 2028 Pathways, yet the OET card
 * said "If you apply to ECFMG's 2027 Pathways now, as your Pathway step suggests". The current
 * season's route is recommended only once the Pathway can be applied for; then both cards name it.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-route-blocked/", import.meta.url));
const NOTHING = readSnapshot(DIR, "accra-nothing-done-2027.json");
const SENT = readSnapshot(DIR, "accra-application-sent-2027.json");
const NOW = "2027-01-15T10:00:00Z";

const oetAction = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "oet_medicine")?.action;

describe("the current Pathways route beside a blocked Pathway", () => {
  it("application not submitted: the Pathway is blocked for the 2028 Pathways and the OET card says no 2027 route", () => {
    const result = planInOwnMatch(NOTHING, NOW);
    expect(result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message).toContain(
      "The earliest feasible Match is 2028",
    );
    const pathway = result.blocked.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.waitingFor).toEqual(["ecfmg_application"]);
    expect(pathway?.target?.local).toBe("Wed 22 Sep 2027");
    expect(oetAction(result)).not.toContain("2027 Pathways");
    expect(oetAction(result)).not.toContain("as your Pathway step suggests");
    expect(result.reminders.some((each) => each.rung === "current-pathways")).toBe(false);
  });

  it("application submitted: the Pathway and the OET name the same 2027 Pathways and its projected close", () => {
    const result = planInOwnMatch(SENT, NOW);
    const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.target?.local).toBe("Mon 31 May 2027");
    expect(pathway?.action).toContain("If ECFMG's 2027 Pathways still accept applications");
    expect(oetAction(result)).toContain(
      "If you apply to ECFMG's 2027 Pathways now, as your Pathway step suggests, your OET result goes with that application's documents by their close, by the 2025 pattern Mon 31 May 2027 (projected",
    );
  });
});
