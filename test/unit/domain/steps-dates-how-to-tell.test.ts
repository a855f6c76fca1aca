import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A step without Scheduled for… (the ECFMG application, the Pathway, the letters, personal
 * statement, CV, program list, ERAS token and application, NRMP, the rank order list, the contract,
 * the H-1B petition…) has no button that records a day, yet its card for a day planned late, passed
 * or not given said "tell us the new date" or "tell us the day you plan", with nothing in the email
 * to tell it by. Every such card now says how: send the intake form again, or give it to the advisor.
 */
const NO_DATE_PAGE = MILESTONE_CATALOG.filter((entry) => !entry.stepActions.includes("schedule"));

describe("every step without Scheduled for… says how to give a day", () => {
  it("covers the steps the emails ask a day of", () => {
    expect(NO_DATE_PAGE.map((entry) => entry.key)).toEqual(
      expect.arrayContaining([
        "ecfmg_application",
        "ecfmg_pathway",
        "eras_application",
        "rank_order_list",
        "contract",
      ]),
    );
  });

  it.each(NO_DATE_PAGE.map((entry) => [entry.key, entry] as const))(
    "%s: no bare “tell us the day”",
    (_key, entry) => {
      for (const text of Object.values(entry.statusActions ?? {})) {
        expect(text).not.toMatch(/tell us the (new date|day|date)\b/i);
        if (/with the (new date|day)/.test(text)) expect(text).toContain("intake form");
      }
    },
  );

  it("an ERAS application planned after its deadline: the card says to send the form again", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027 }),
      milestones: [
        ...doneMilestones([
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
        ]),
        milestoneFactory("eras_application", "scheduled", "2027-03-01"),
      ],
    });
    const planned = plan(input, seasonCalendar(2027), new Date("2026-10-01T09:00:00Z"));
    const card = planned.nextSteps.find((step) => step.milestone === "eras_application");
    expect(card?.action ?? "").toContain(
      "send your intake form again with the new date (or give it to your advisor)",
    );
  });
});
