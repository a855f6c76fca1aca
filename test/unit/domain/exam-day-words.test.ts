import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK booked for Wed 27 Jan 2027, its last sitting day for the 2027 Match, everything else
 * done. On the exam day's evening the card never says "Your exam is on Wed 27 Jan 2027" as if it
 * were still ahead; once the day has passed, "Your exam was on …" cannot know it was sat, so it
 * asks for the new date if it was rescheduled. Two far zones: Honolulu and Auckland.
 */
const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "oet_medicine",
  "ecfmg_pathway",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
] as const;

function planIn(timezone: string, now: string): Plan {
  return planFor(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30" }),
      milestones: [
        ...DONE.map((key) => milestoneFactory(key, "done", "2026-09-15")),
        milestoneFactory("usmle_step2ck", "scheduled", "2027-01-27"),
      ],
    }),
    now,
  );
}
const cardOf = (result: Plan): string =>
  result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";

describe.each([
  ["Honolulu", "Pacific/Honolulu", "-10:00"],
  ["Auckland", "Pacific/Auckland", "+13:00"],
])("a Step 2 CK booked for Wed 27 Jan 2027 (%s)", (_, timezone, offset) => {
  it("the day before, the exam is on that day", () => {
    expect(cardOf(planIn(timezone, `2027-01-26T20:00:00${offset}`))).toMatch(
      /^Your exam is on Wed 27 Jan 2027;/,
    );
  });

  it("on the exam day's evening, the exam is today, never 'is on'", () => {
    const card = cardOf(planIn(timezone, `2027-01-27T20:00:00${offset}`));
    expect(card).toMatch(/^Your exam is today, Wed 27 Jan 2027;/);
    expect(card).not.toContain("is on");
  });

  it("once the day has passed, it asks for the result or the new date if it was rescheduled", () => {
    const card = cardOf(planIn(timezone, `2027-01-29T20:00:00${offset}`));
    expect(card).toMatch(/^Your exam was on Wed 27 Jan 2027;/);
    expect(card).toContain("or your new date if you rescheduled");
  });
});
