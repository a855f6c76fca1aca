import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant in Nairobi, matched (Match Day done), Step 3 not started, past its day for the
 * petition (Fri 19 Mar 2027): the card asks the program about a later start or a J-1, and says what
 * a later start keeping the H-1B would take, from the plan's own allowances; one notice asks it, and
 * the weekly chase of a visa step behind asks it again up to residency's start.
 */
const calendar = seasonCalendar(2027);
const wanjiru = matched2027("Africa/Nairobi", {
  visa: "H-1B",
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});

describe("matched abroad past Step 3's day for the petition", () => {
  const result = plan(wanjiru, calendar, new Date("2027-03-22T06:00:00Z"));
  const card = result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

  it("says what a later start keeping the H-1B would take", () => {
    expect(card).toContain("Ask your program today whether it will start you later");
    expect(card).toContain(
      "If your program will start you later and keep the H-1B, begin the day it says so (our advice): a US visitor visa (B-1/B-2; this plan allows 60 days for its interview, check your consulate's wait), a US test date (about 7 days) and about 4 weeks for the result.",
    );
    // 22 Mar + 60 (visitor visa, FSMB's 14 days beside it) + 7 (a seat) + 28 (the result).
    expect(card).toContain(
      "Begun today, by these allowances your result would be reported around Fri 25 Jun 2027",
    );
    expect(card).toContain("FSMB says it may need up to 12 weeks to verify your graduation");
  });

  it("one notice asks it, then the weekly chase to the start", () => {
    const step3 = result.reminders.filter((r) => r.milestone === "usmle_step3");
    expect(step3.filter((r) => r.rung === "critical-risk")).toHaveLength(1);
    expect(step3.filter((r) => r.rung === "visa-behind").length).toBeGreaterThan(0);
  });
});
