import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * The J-1 sponsorship chain's steps (Statement of Need, ECFMG sponsorship, DS-2019) offer Done and
 * Snooze, never Scheduled for…: no button records a day. Their cards for a day given late or not at
 * all said "tell us the new date" with nothing to tell it by; they now say how (the intake form, or
 * the advisor), as an exam's moved day does.
 */
const J1_CHAIN = ["j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019"] as const;

describe("the J-1 chain's cards say how to give a day", () => {
  it.each(J1_CHAIN)("%s: no Scheduled for…, and no bare “tell us the day”", (key) => {
    const entry = catalogEntry(key);
    expect(entry.stepActions).not.toContain("schedule");
    for (const text of Object.values(entry.statusActions ?? {}))
      expect(text).not.toMatch(/tell us the (new date|day)/i);
  });

  it("a Statement of Need expected after the sponsorship needs it: the card says to send the form again", () => {
    const input = matched2027("America/Guayaquil", {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-05-20"),
        milestoneFactory("contract", "done", "2027-03-24"),
        milestoneFactory("j1_statement_of_need", "scheduled", "2027-05-10"),
      ],
    });
    const planned = plan(input, seasonCalendar(2027), new Date("2027-03-26T14:00:00Z"));
    const card = planned.nextSteps.find((step) => step.milestone === "j1_statement_of_need");
    expect(card?.action).toContain(
      "Ask your Ministry of Health to issue it sooner, tell your program's GME office, and send your intake form again with the new date (or give it to your advisor).",
    );
  });
});
