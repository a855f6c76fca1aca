import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus, Visa } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Abroad on H-1B, Step 3 not started: the petition after the Match needs it sat by Fri 19 Mar 2027,
 * and with FSMB beside the visitor visa's 60 days and a seat before that day, the visa's day to
 * apply by is Mon 11 Jan 2027. From the next day on, without a visitor visa already held, the H-1B
 * for a 1 July start is likely out of reach: VISA_NOT_READY_FOR_START says so at once, before
 * ranking, while the programs can still be asked about a later start or a J-1. Amara: Accra,
 * certified, registered.
 */
function amara(
  overrides: { timezone?: string; visa?: Visa; step3?: MilestoneStatus; step3Date?: string } = {},
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "h1b-lost-before-ranking",
      timezone: overrides.timezone ?? "Africa/Accra",
      matchYear: 2027,
      graduation: "2023-06-30",
      visa: overrides.visa ?? "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-15"),
      milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
      milestoneFactory("usmle_step3", overrides.step3 ?? "not_started", overrides.step3Date),
    ],
  });
}
const at = (input: PlannerInput, iso: string): Plan => plan(input, seasonCalendar(2027), new Date(iso));
const lost = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
// A notice folded into another on the same step (one email, "Also: …") counts as laid.
const everyReminder = (result: Plan): readonly Reminder[] =>
  result.reminders.flatMap((reminder) => [reminder, ...(reminder.folded ?? [])]);

describe("abroad on H-1B, the visitor visa's day for the petition's Step 3 passed before ranking", () => {
  it("is silent on Mon 11 Jan 2027, the visa's last day", () => {
    expect(lost(at(amara(), "2027-01-11T23:30:00Z"))).toBeUndefined();
  });

  it("says at once on Tue 12 Jan that the H-1B for the start is likely out of reach, and asks the programs before ranking", () => {
    const result = at(amara(), "2027-01-12T00:30:00Z");
    const risk = lost(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.matchOutcome).toBe("ranking");
    expect(risk?.message).toContain("the H-1B for your start date is likely out of reach");
    expect(risk?.message).toContain("unless you already hold a B-1/B-2 visa");
    expect(risk?.message).toContain(
      "Before you certify your rank order list, ask each program you would rank",
    );
    // Its days count back from a projected start: the projection rule is cited.
    expect(risk?.sources?.some((source) => source.startsWith("projected: July 1"))).toBe(true);
    const notice = everyReminder(result).find((reminder) => reminder.risk === "VISA_NOT_READY_FOR_START");
    expect(notice?.sendAt.slice(0, 10)).toBe("2027-01-12");
    expect(notice?.title).toContain("before you rank, ask each program about a later start or a J-1");
    // The same input and now give the same notice.
    const again = everyReminder(at(amara(), "2027-01-12T00:30:00Z"));
    expect(again.find((reminder) => reminder.risk === "VISA_NOT_READY_FOR_START")?.id).toBe(notice?.id);
  });

  it("notes the day it turns, so the plan is made again then", () => {
    const result = at(amara(), "2026-12-05T10:00:00Z");
    expect(result.riskChangesAt).toContain("2027-01-12T00:00:00.000Z");
  });

  it.each([
    ["in the US", amara({ timezone: "America/Chicago" })],
    ["on the J-1 track", amara({ visa: "J-1" })],
    ["with FSMB applied to", amara({ step3: "in_progress" })],
    ["with Step 3 booked", amara({ step3: "scheduled", step3Date: "2027-03-01" })],
  ])("says nothing of it %s", (_, input) => {
    expect(lost(at(input, "2027-01-12T10:00:00Z"))).toBeUndefined();
  });
});
