import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * NRMP reported done, rank list absent: an applicant interviewing for the 2027 Match who reported NRMP
 * registration done and never reported the rank order list is asked after the rank order list
 * deadline whether they certified one (RANK_LIST_UNREPORTED), worded for a registered applicant (no
 * "did you register"), instead of SEASON_OVER.
 */
function registeredIn(timezone: string) {
  return inputFactory({
    applicant: applicantFactory({ externalId: `x1-registered-${timezone}`, timezone, matchYear: 2027 }),
    milestones: [milestoneFactory("nrmp_registration", "done", "2026-10-06")],
    interviews: [interviewFactory({ program: "Riverbend FM", startsAt: "2026-12-10T09:00:00-07:00" })],
  });
}
const at = (timezone: string, iso: string): Plan =>
  plan(registeredIn(timezone), seasonCalendar(2027), new Date(iso));
const asked = (result: Plan) => result.risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED");
const steps = (result: Plan) => result.nextSteps.map((step) => step.milestone);

describe("interviewing, NRMP registration reported done, the rank list never reported", () => {
  for (const zone of ["America/Denver", "Africa/Nairobi"]) {
    it(`${zone}: before Match Day it asks only whether they certified a list, and keeps the 2027 Match`, () => {
      const result = at(zone, "2027-03-02T12:00:00Z");
      expect(result.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
      const risk = asked(result);
      expect(risk?.severity).toBe("critical");
      expect(
        risk?.message.startsWith(
          // Nairobi's day of the deadline is not the ET day: both zones.
          `Did you certify a rank order list by ${zone === "Africa/Nairobi" ? "Thu 25 Feb 2027, 5:00 AM GMT+3 (Wed 24 Feb 2027, 9:00 PM ET)" : "Wed 24 Feb 2027"} (projected)? Tell us: Match Week starts Mon 15 Mar 2027 (projected).`,
        ),
      ).toBe(true);
      expect(risk?.message).not.toMatch(/did you register|If you did not register|registered with NRMP and/i);
      expect(risk?.message).toContain("If you did not certify a list");
      expect(risk?.message).toContain("SOAP");
      expect(risk?.milestones).not.toContain("nrmp_registration");
      expect(steps(result)).toEqual(expect.arrayContaining(["match_week", "soap", "match_day"]));
      // The registration they reported keeps its fee, as spent.
      expect(result.budget.items.some((item) => item.label.startsWith("NRMP"))).toBe(true);
    });

    it(`${zone}: after Match Day the warning asks about the list only`, () => {
      const result = at(zone, "2027-03-21T12:00:00Z");
      const risk = asked(result);
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain(
        "You never told us whether you certified a rank order list for the 2027 Match",
      );
      expect(risk?.message).not.toContain("registered with NRMP");
    });
  }
});

describe("the rank list's question once NRMP has told them how the Match went", () => {
  const answered = (status: "in_progress" | "done", key: "soap" | "match_week", iso: string): Plan => {
    const input = registeredIn("Europe/Istanbul");
    return plan(
      { ...input, milestones: [...input.milestones, milestoneFactory(key, status)] },
      seasonCalendar(2027),
      new Date(iso),
    );
  };
  // Match Week's Monday (15 Mar 2027, projected), Match Day (19 Mar), and a week on.
  for (const iso of ["2027-03-16T12:00:00Z", "2027-03-19T18:00:00Z", "2027-03-26T12:00:00Z"]) {
    it(`at ${iso}: in SOAP ("not matched"), a SOAP position, or Match Week answered "matched": not asked`, () => {
      expect(asked(answered("in_progress", "soap", iso))).toBeUndefined();
      // A SOAP position exists only from its first offer round (Wednesday of Match Week).
      if (iso >= "2027-03-19") expect(asked(answered("done", "soap", iso))).toBeUndefined();
      expect(asked(answered("done", "match_week", iso))).toBeUndefined();
      // Unanswered, the same applicant is still asked.
      expect(asked(at("Europe/Istanbul", iso))).toBeDefined();
    });
  }
});
