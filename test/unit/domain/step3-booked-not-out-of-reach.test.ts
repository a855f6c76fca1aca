import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant, list certified, who booked Step 3 (Kofi in Houston, Amara in Accra), planned
 * between the rank order list deadline and Match Day (Fri 19 Mar 2027, the petition's sit-by day).
 * Her exam is paid for and has its own day, so Step 3's card never calls the petition's day out of
 * reach nor asks her to pay for nothing, the exam keeps its reminders, and the budget counts the fee.
 */
const calendar = seasonCalendar(2027);
const booked = (zone: string, date: string) => {
  const input = matched2027(zone, {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "in_progress", date),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const now = new Date("2027-03-10T18:00:00Z");
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

describe.each([
  ["Houston", "America/Chicago"],
  ["Accra", "Africa/Accra"],
])("H-1B in %s, Step 3 booked", (_city, zone) => {
  it.each([
    ["to sit on Mon 15 Mar 2027", "2027-03-15"],
    ["sat on Mon 1 Mar 2027", "2027-03-01"],
  ])("%s: no out-of-reach card, and its fee counted", (_, date) => {
    const result = plan(booked(zone, date), calendar, now);
    expect(card(result)).not.toContain("out of reach");
    expect(card(result)).not.toContain("pay for nothing");
    expect(result.budget.items.find((item) => item.key.startsWith("usmle_step3"))).toBeDefined();
    expect(result.budget.toVerify?.find((item) => item.key.startsWith("usmle_step3"))).toBeUndefined();
  });

  it("to sit on Mon 15 Mar 2027: the exam keeps its reminders", () => {
    const result = plan(booked(zone, "2027-03-15"), calendar, now);
    const step3 = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
    expect(step3.some((reminder) => reminder.risk === undefined)).toBe(true);
  });
});
