import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The H-1B petition's card is planned a month before the stamping (advice), yet the program controls
 * the filing and USCIS's regular processing may outlast that month: an advisor asks the program to
 * file as soon as the contract is signed, and whether it uses premium processing. Advice, with no
 * processing time (the fact sheet gives none). Maria: Manila, H-1B, matched, contract signed.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/h1b-petition-filing/matched-contract-signed-manila.json", import.meta.url),
);
const maria = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));

describe("the H-1B petition's card asks the program to file early", () => {
  it("says to ask for filing once the contract is signed, and about premium processing, as advice", () => {
    const planned = plan(maria, seasonCalendar(2027), new Date("2027-04-15T12:00:00Z"));
    const petition = planned.nextSteps.find((step) => step.milestone === "visa_h1b");
    expect(petition?.action).toContain("Ask it to file the petition as soon as your contract is signed");
    expect(petition?.action).toContain("whether it uses premium processing");
    expect(petition?.action).toMatch(/\(advice\)\.$/);
    // No processing time: the fact sheet has none.
    expect(petition?.action).not.toMatch(/\d+ (days|weeks|months)/);
  });
});
