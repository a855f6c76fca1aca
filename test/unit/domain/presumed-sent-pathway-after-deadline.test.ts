import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * Beside an OET not passed, an interviewing
 * applicant's never-reported Pathway is presumed sent (presumed-in-the-match.ts). Once its projected
 * application deadline (Sat 26 Dec 2026 for the 2027 Match) passes it stays presumed sent: no
 * Overdue, no "is not submitted", no "submit … at once"; its card reads as under ECFMG's review,
 * with one hedge for an application never submitted.
 */
const MANILA = (oet: MilestoneEntry) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "advs-marisol",
      fullName: "Marisol Dizon",
      timezone: "Asia/Manila",
      matchYear: 2027,
      graduation: "2024-04-30",
      medicalSchool: { name: "University of Santo Tomas", country: "PH", wdomsSponsorNote: true },
    }),
    milestones: [oet],
    interviews: [
      interviewFactory({
        program: "Lakeshore Internal Medicine",
        startsAt: "2027-01-14T09:00:00-06:00",
        timezone: "America/Chicago",
      }),
    ],
  });

const pathwayCard = (result: Plan) => result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
const riskTexts = (result: Plan): string => result.risks.map((risk) => risk.message).join("\n");

describe("a presumed-sent Pathway after its projected deadline", () => {
  // OET sat on 4 Jan 2027 (result pending), and reported in progress with no date.
  for (const [what, oet] of [
    ["OET sat 4 Jan", milestoneFactory("oet_medicine", "scheduled", "2027-01-04")],
    ["OET in progress", milestoneFactory("oet_medicine", "in_progress")],
  ] as const) {
    const result = plan(MANILA(oet), seasonCalendar(2027), new Date("2027-01-09T02:00:00Z"));

    it(`${what}: the Pathway is not overdue and its card reads as under review, with one hedge`, () => {
      const card = pathwayCard(result);
      if (result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")) {
        // A moved plan's Pathway is the next season's: nothing presumed to keep here.
        expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
        return;
      }
      expect(card).toBeDefined();
      expect(card?.urgency).not.toBe("overdue");
      expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
      expect(card?.action).toContain("ECFMG is reviewing it");
      expect(card?.action).toContain("mark this step done when ECFMG accepts it");
      expect(card?.action).toContain(
        // Passed on the projection only, ECFMG's own deadline unconfirmed.
        "If you never submitted it, the 2027 Match's Pathway deadline, Sat 26 Dec 2026, passed on our projection; ECFMG's 2027 Pathways deadlines are not yet confirmed",
      );
      expect(card?.action).not.toMatch(/Not submitted yet|as soon as you can/);
    });

    it(`${what}: no risk says the Pathway is not submitted or asks to submit it at once`, () => {
      const text = riskTexts(result);
      expect(text).not.toContain("Pathway application is not submitted");
      expect(text).not.toContain("submit your ECFMG Pathway application at once");
      expect(result.risks.map((risk) => risk.code)).not.toContain("PATHWAY_DEADLINE_PROJECTED");
    });
  }

  it("an OET presumed done too is not asked for (the Pathway presumed sent beside WDOMS reported not started)", () => {
    const result = plan(
      MANILA(milestoneFactory("wdoms_listing", "not_started")),
      seasonCalendar(2027),
      new Date("2027-01-09T02:00:00Z"),
    );
    const card = pathwayCard(result);
    expect(card?.action).toContain("ECFMG is reviewing it");
    expect(card?.action).not.toContain("OET");
  });

  it("before the deadline the card still hedges both ways (unchanged)", () => {
    const before = plan(
      MANILA(milestoneFactory("oet_medicine", "in_progress")),
      seasonCalendar(2027),
      new Date("2026-12-03T02:00:00Z"),
    );
    expect(pathwayCard(before)?.action).toContain(
      // Manila's day of the 6:00 PM ET deadline too.
      "Not submitted yet: submit it by Sun 27 Dec 2026, 7:00 AM GMT+8 (Sat 26 Dec 2026, 6:00 PM ET)",
    );
  });
});
