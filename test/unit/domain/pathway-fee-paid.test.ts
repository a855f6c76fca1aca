import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A Pathway the applicant reports done was paid for, though its fee's amount was not found: its
 * line to verify read "upcoming … check the current Pathways requirements before applying" beside
 * the Pathway done, while Step 1's and Step 2 CK's unknown amounts read spent.
 */
describe("the ECFMG Pathway's fee once the Pathway is done, the certificate still to come", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "pathway-fee-paid-accra",
      fullName: "Abena Owusu",
      timezone: "Africa/Accra",
      matchYear: 2027,
      visa: "J-1",
      graduation: "2024-07-15",
    }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2024-08-01"),
      milestoneFactory("ecfmg_application", "done", "2024-09-01"),
      milestoneFactory("usmle_step1", "done", "2025-03-10"),
      milestoneFactory("usmle_step2ck", "done", "2025-08-20"),
      milestoneFactory("oet_medicine", "done", "2025-05-15"),
      milestoneFactory("ecfmg_pathway", "done", "2026-09-15"),
    ],
  });
  const line = (status: "done" | "in_progress") => {
    const withStatus = {
      ...input,
      milestones: input.milestones.map((entry) =>
        entry.key === "ecfmg_pathway" ? milestoneFactory("ecfmg_pathway", status, "2026-09-15") : entry,
      ),
    };
    const result = plan(withStatus, seasonCalendar(2027), new Date("2026-11-30T19:00:00Z"));
    return result.budget.toVerify?.find((item) => item.key === "ecfmg_pathway_application");
  };

  it("reads paid, with the amount still to verify, never 'before applying'", () => {
    expect(line("done")?.status).toBe("spent");
    expect(line("done")?.verify).toBe(
      "flagged, verify: paid with your Pathway application; the amount was not found (ECFMG publishes it in the Pathways requirements)",
    );
  });

  it("while the Pathway is under way, still the fee to check before applying", () => {
    expect(line("in_progress")?.status).toBe("upcoming");
    expect(line("in_progress")?.verify).toContain("before applying");
  });
});
