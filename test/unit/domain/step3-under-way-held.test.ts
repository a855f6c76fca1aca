import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant whose FSMB application for Step 3 is under way (in progress, no exam date) and
 * who has not said where they matched. The fee may be paid: the card holds back what follows the
 * application (a test date, abroad a visitor visa), never "pay for nothing ... the FSMB application".
 */
const calendar = seasonCalendar(2027);
const applicant = (timezone: string) => {
  const input = matched2027(timezone, {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "in_progress"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const card = (timezone: string, now: string) =>
  plan(applicant(timezone), calendar, new Date(now)).nextSteps.find((s) => s.milestone === "usmle_step3")
    ?.action ?? "";

describe("Step 3 under way while the Match's answer is awaited", () => {
  it.each([
    ["America/Denver", "2027-03-22T15:00:00Z", "book no test date until you tell us where you matched"],
    ["Asia/Dhaka", "2027-03-22T03:00:00Z", "book no test date and apply for no US visitor visa (B-1/B-2)"],
    // Past the petition's day's last booking day (Fri 12 Mar 2027): before it, a visa applied for as
    // advised may still make the day, which the card names as its condition.
    ["Asia/Dhaka", "2027-03-13T03:00:00Z", "book no test date and apply for no US visitor visa (B-1/B-2)"],
  ])("in %s at %s: the application under way, what waits", (timezone, now, held) => {
    const action = card(timezone, now);
    expect(action).toMatch(/with your FSMB application under way \(its exam fee may already be paid\)/i);
    expect(action).toContain(held);
    expect(action).not.toMatch(/pay for nothing for Step 3|the FSMB application with its exam fee/);
  });
});
