import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Wording: SCHEDULED_DATE_PASSED's Pathway message ended
 * "…so they are reading yours without it", an exam result's words after Pathway words.
 * TARGETS_SLIPPED's "aim for 90 days after Application for ECFMG Certification" names
 * a step, not the moment the gap counts from (the catalog's target rule counts Step 1's target from
 * the application step, "Submit the Application for ECFMG Certification", whose 90 days leave room
 * for ECFMG's approval: so from submitting it, not from ECFMG accepting it), and "Letters of
 * recommendation uploaded: … finish it" should say "them".
 */

const calendar = seasonCalendar(2027);
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code)?.message ?? "";

describe("SCHEDULED_DATE_PASSED on a Pathway while programs review", () => {
  it("says what programs read without: ECFMG's answer on the Pathway, not a result", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        externalId: "h2-pathway-words",
        matchYear: 2027,
        timezone: "Asia/Karachi",
      }),
      milestones: [
        ...doneMilestones(
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
          "2026-03-10",
        ),
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-11-20"),
      ],
    });
    const message = risk(plan(input, calendar, new Date("2027-01-05T09:00:00Z")), "SCHEDULED_DATE_PASSED");
    expect(message).toMatch(/^ECFMG is reviewing your Pathway application of Fri 20 Nov 2026/);
    expect(message).not.toContain("reading yours without it");
    expect(message).toContain("so they are reading your application without ECFMG's answer on your Pathway.");
  });
});

describe("TARGETS_SLIPPED's words", () => {
  it("Step 1's moved aim counts from submitting the Application for ECFMG Certification", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        externalId: "h2-slip-words",
        matchYear: 2028,
        timezone: "Asia/Karachi",
        graduation: "2027-06-30",
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
    });
    const message = risk(
      plan(input, seasonCalendar(2028), new Date("2027-03-01T09:00:00Z")),
      "TARGETS_SLIPPED",
    );
    expect(message).toContain(
      "USMLE Step 1: aim for 90 days after you submit your Application for ECFMG Certification instead of",
    );
    expect(message).not.toContain("after Application for ECFMG Certification");
  });

  it("letters of recommendation past their gap: finish them, not it", () => {
    const input = inputFactory({
      applicant: applicantFactory({ externalId: "h2-lors-words", matchYear: 2027, timezone: "Asia/Karachi" }),
      milestones: [
        ...doneMilestones(
          [
            "wdoms_listing",
            "ecfmg_application",
            "usmle_step1",
            "usmle_step2ck",
            "oet_medicine",
            "ecfmg_pathway",
          ],
          "2026-03-20",
        ),
        milestoneFactory("usce", "in_progress"),
      ],
    });
    const message = risk(plan(input, calendar, new Date("2026-09-10T09:00:00Z")), "TARGETS_SLIPPED");
    expect(message).toContain(
      "Letters of recommendation uploaded: the usual 30 days after US clinical experience",
    );
    expect(message).toContain("finish them by then at the latest.");
    expect(message).not.toContain("finish it by");
  });
});
