import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in a US zone, matched, the petition being filed, read "ask it
 * for the receipt number, which your visa interview needs" and a blocked "Get your H-1B visa stamped
 * at a US consulate", before anyone asked whether the program files a change of status. Rule: until
 * the stamping's route is answered, in a US zone the petition's words and the stamping's title are
 * neutral; outside US zones, today's words stand.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const HOUSTON = readSnapshot(DIR, "h1b-in-us-petition-filing-houston.json");
const NOW = "2027-04-05T10:00:00-05:00";
const petition = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_h1b");
const blockedStamping = (result: Plan) =>
  result.blocked.find((step) => step.milestone === "visa_h1b_stamping");

describe("the H-1B petition and stamping words in a US zone before the route is known", () => {
  it("speaks of a change of status or a visa interview, and titles the blocked stamping with the question", () => {
    const result = planInOwnMatch(HOUSTON, NOW);
    expect(petition(result)?.action).toBe(
      "Your program has filed your H-1B petition, so what finishes this step is USCIS's approval: with premium processing, which the employer asks and pays for, USCIS decides within 15 business days, so this plan expects the approval by Fri 7 May 2027 (our advice); without it, approval can take months. Ask the immigration office for the receipt number, which your change of status or your visa interview needs, and whether it used premium processing, answer any USCIS request for evidence at once, and tell us when the petition is approved. Your program chooses on the petition itself whether it asks USCIS for a change of status, if you are in the US in a status that allows it (no visa stamp to get before residency: then tap Not for me on the H-1B visa step under Waiting on something on your timeline), or for consular notification (then you get the visa stamped at a US embassy or consulate abroad once the petition is approved): ask it which it files (advice).",
    );
    expect(blockedStamping(result)?.title).toBe(
      "H-1B visa: will your program file a change of status or consular processing?",
    );
    const words = JSON.stringify([petition(result), blockedStamping(result)]);
    expect(words).not.toContain("at a US consulate");
  });

  it("keeps today's words abroad", () => {
    const lagos = { ...HOUSTON, applicant: { ...HOUSTON.applicant, timezone: "Africa/Lagos" } };
    const result = planInOwnMatch(lagos, "2027-04-05T16:00:00+01:00");
    expect(petition(result)?.action).toContain("which your visa interview needs");
    expect(blockedStamping(result)?.title).toBe("Get your H-1B visa stamped at a US consulate");
  });
});
