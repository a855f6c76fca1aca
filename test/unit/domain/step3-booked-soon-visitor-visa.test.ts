import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A certified graduate in Manila on the H-1B track has booked Step 3 in the US for Wed 20 Jan 2027,
// 44 days ahead. Step 3 is offered only in the US, and this plan allows 60 days for a visitor visa's
// interview (advice): without a B-1/B-2 visa in hand the seat is at risk. Her card said so in an
// aside ("if you do not hold one, apply now"); no risk did. An advisor says it plainly, with what
// to do today and if the interview comes too late. Booked three months ahead, the aside suffices.

const calendar = seasonCalendar(2027);
const booked = (day: string) =>
  inputFactory({
    applicant: applicantFactory({
      timezone: "Asia/Manila",
      matchYear: 2027,
      visa: "H-1B",
      graduation: "2024-06-15",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-06-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-08-20"),
      milestoneFactory("usmle_step3", "scheduled", day),
    ],
  });
const SEAT_AT_RISK = "unless you hold a valid one, your seat is at risk";

describe("Step 3 booked in the US sooner than the visitor visa's allowance, from abroad", () => {
  it("44 days ahead: a risk says the seat is at risk without a visitor visa, and what to do", () => {
    const result = plan(booked("2027-01-20"), calendar, new Date("2026-12-07T05:00:00Z"));
    const risk = result.risks.find((each) => each.message.includes(SEAT_AT_RISK));
    expect(risk?.code).toBe("STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain("Your Step 3 is booked for Wed 20 Jan 2027 in the US, 44 days from now");
    expect(risk?.message).toContain("move your test date rather than lose the seat");
    expect(risk?.sources?.some((source) => source.includes("Step 3 is offered only in the US"))).toBe(true);
  });

  it("booked past the allowance, or in the US, no such risk: the card's words suffice", () => {
    const later = plan(booked("2027-03-10"), calendar, new Date("2026-12-07T05:00:00Z"));
    expect(later.risks.some((each) => each.message.includes(SEAT_AT_RISK))).toBe(false);
    const home = booked("2027-01-20");
    const inUs = plan(
      { ...home, applicant: { ...home.applicant, timezone: "America/Chicago" } },
      calendar,
      new Date("2026-12-07T05:00:00Z"),
    );
    expect(inUs.risks.some((each) => each.message.includes(SEAT_AT_RISK))).toBe(false);
  });
});
