import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * The H-1B petition's date is the day the program files it: Step 3's sit-by day counts back from
 * it, and USCIS approves it later (within 15 business days with premium processing, official; the
 * Labor Condition Application comes first, certified within 7 working days, official). So the risk
 * never calls that date "the approved petition": it says the approval comes about three weeks after
 * the filing with premium processing, what is left for the consulate, and what to ask the program.
 * Tomás lives in Manila, certified, matched on 19 Mar 2027, Step 3 not started.
 */
const tomas = matched2027("Asia/Manila", {
  visa: "H-1B",
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2025-09-15"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});

describe("the H-1B petition is filed on its date and approved after it", () => {
  it("the visa risk names the filing, the approval with premium processing and the LCA before it", () => {
    const result = plan(tomas, seasonCalendar(2027), new Date("2027-03-25T02:00:00Z"));
    const risk = result.risks.find((candidate) => candidate.code === "VISA_NOT_READY_FOR_START");
    const message = risk?.message ?? "";
    expect(message).not.toContain("from the approved petition");
    expect(message).toContain("from the petition's filing (Fri 16 Apr 2027)");
    expect(message).toContain(
      "within 15 business days with premium processing (around Fri 7 May 2027, leaving about 40 days for the interview) and months without it",
    );
    expect(message).toContain("Labor Condition Application (certified within 7 working days)");
    expect(risk?.sources?.some((source) => source.includes("20 CFR 655.740(a)"))).toBe(true);
    expect(risk?.sources?.some((source) => source.includes("how-do-i-request-premium-processing"))).toBe(
      true,
    );
    expect(catalogEntry("visa_h1b").due.source).toContain("the day the program files the petition");
  });
});
