import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate in Manila matched for a Thu 1 Jul 2027 start has booked the consular interview while
// the document the consulate needs at it is not in hand: on an H-1B, the program's petition filed
// and not yet approved, or not filed at all; on a J-1, the DS-2019 still on its way. The booking
// is no evidence the document came: an advisor keeps the petition (or the DS-2019) as the step
// waited for, with its card, its lateness and, on an H-1B from abroad, the $100,000 proclamation
// item, and the interview's card says the document comes first.

const calendar = seasonCalendar(2027);
const ZONE = "Asia/Manila";

function h1b(petition: MilestoneEntry) {
  return matched2027(ZONE, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-03-26"),
      petition,
      milestoneFactory("visa_h1b_stamping", "scheduled", "2027-06-10"),
    ],
  });
}
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

describe("an H-1B visa interview booked while the petition is pending", () => {
  it("keeps the filed petition as the step waited for, with its approval day", () => {
    const result = plan(
      h1b(milestoneFactory("visa_h1b", "in_progress", "2027-04-20")),
      calendar,
      new Date("2027-05-03T02:00:00Z"),
    );
    expect(stepOf(result, "visa_h1b")?.action).toContain("USCIS's approval");
    expect(stepOf(result, "visa_h1b_stamping")?.action).toContain(
      "Your H-1B petition is not marked approved yet: the consulate needs the approval notice at the interview",
    );
    expect(codes(result)).toContain("H1B_PROCLAMATION_FEE");
  });

  // The J-1's critical says to move the interview if the DS-2019 cannot reach her in time; the H-1B
  // card said "the approval comes first" and never what to do if it had not come by the interview.
  it("on the interview's eve, the card says to move the interview if the approval is not in by then", () => {
    const result = plan(
      h1b(milestoneFactory("visa_h1b", "in_progress", "2027-05-20")),
      calendar,
      new Date("2027-06-09T00:00:00Z"),
    );
    const card = stepOf(result, "visa_h1b_stamping")?.action ?? "";
    expect(card).toContain("so the approval comes first");
    expect(card).toContain(
      "if the approval is not in by your interview, ask the consulate to move your interview, and tell us the new date",
    );
  });

  it("keeps a petition not filed five weeks after the plan's filing day critical", () => {
    const result = plan(
      h1b(milestoneFactory("visa_h1b", "not_started")),
      calendar,
      new Date("2027-05-21T02:00:00Z"),
    );
    expect(result.overdue.map((step) => step.milestone)).toContain("visa_h1b");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toContain("visa_h1b");
  });

  it("reads the booking as the petition approved when the petition is not listed at all", () => {
    const snapshot = h1b(milestoneFactory("visa_h1b", "in_progress", "2027-04-20"));
    snapshot.milestones = snapshot.milestones.filter((entry) => entry.key !== "visa_h1b");
    const result = plan(snapshot, calendar, new Date("2027-05-03T02:00:00Z"));
    expect(stepOf(result, "visa_h1b")).toBeUndefined();
    expect(stepOf(result, "visa_h1b_stamping")?.action).not.toContain("not marked approved");
  });
});

describe("a J-1 visa interview booked while the DS-2019 is on its way", () => {
  it("keeps the DS-2019 as the step waited for, and the interview's card says it comes first", () => {
    const result = plan(
      matched2027(ZONE, {
        visa: "J-1",
        extra: [
          milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
          milestoneFactory("contract", "done", "2027-03-26"),
          milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
          milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
          milestoneFactory("j1_ds2019", "in_progress", "2027-05-01"),
          milestoneFactory("visa_j1", "scheduled", "2027-06-10"),
        ],
      }),
      calendar,
      new Date("2027-05-20T02:00:00Z"),
    );
    expect(
      stepOf(result, "j1_ds2019") ?? result.overdue.find((step) => step.milestone === "j1_ds2019"),
    ).toBeDefined();
    expect(stepOf(result, "visa_j1")?.action).toContain("Your DS-2019 is not marked received yet");
  });
});
