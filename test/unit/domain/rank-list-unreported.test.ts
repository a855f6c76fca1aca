import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant interviewing for the 2027 Match who
 * never reported NRMP registration nor the rank order list is asked, after the rank order list
 * deadline, whether they registered and certified one, not told "that Match has passed for you";
 * the plan keeps the 2027 Match's outcome steps until a week after Match Day, then SEASON_OVER as before.
 */
function inputIn(timezone: string, milestones: MilestoneEntry[] = []) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `rank-list-unreported-${timezone}`,
      timezone,
      matchYear: 2027,
    }),
    milestones,
    interviews: [interviewFactory({ program: "Lakeside IM", startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}
const at = (input: ReturnType<typeof inputIn>, iso: string): Plan =>
  plan(input, seasonCalendar(2027), new Date(iso));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const asked = (result: Plan) => result.risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED");
const steps = (result: Plan) => result.nextSteps.map((step) => step.milestone);
/** The deadline by the applicant's day: Manila's is not the ET day, so both zones. */
const ROL_WORDS: Record<string, string> = {
  "America/Chicago": "Wed 24 Feb 2027",
  "Asia/Manila": "Thu 25 Feb 2027, 10:00 AM GMT+8 (Wed 24 Feb 2027, 9:00 PM ET)",
};
const question = (zone: string) =>
  `Did you register with NRMP and certify a rank order list by ${ROL_WORDS[zone]} (projected)? Tell us: Match Week starts Mon 15 Mar 2027 (projected).`;
/** The steps' own dates (the words may name the next Match as what follows if they did not match). */
const stepDates = (result: Plan) => JSON.stringify(result.nextSteps.map((step) => step.deadline ?? null));

describe("interviewing, NRMP and the rank list never reported", () => {
  for (const zone of ["America/Chicago", "Asia/Manila"]) {
    const input = inputIn(zone);
    it(`${zone}: between the deadline and Match Week it asks, and keeps the 2027 Match`, () => {
      // Prepare / Act
      const result = at(input, "2027-03-01T09:00:00Z");
      // Assess
      expect(codes(result)).not.toContain("SEASON_OVER");
      const risk = asked(result);
      expect(risk?.severity).toBe("critical");
      expect(risk?.message.startsWith(question(zone))).toBe(true);
      expect(risk?.message).toContain("wait for Monday of Match Week");
      expect(risk?.message).toContain("SOAP");
      expect(risk?.message).toContain("plan for the 2028 Match");
      expect(risk?.sources).toEqual(
        expect.arrayContaining([
          "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/",
        ]),
      );
      expect(steps(result)).toEqual(expect.arrayContaining(["match_week", "soap", "match_day"]));
      expect(result.overdue.map((step) => step.milestone)).not.toContain("nrmp_registration");
      // Registration never reported: no fee invented as spent for it.
      expect(result.budget.items.filter((item) => item.label.startsWith("NRMP"))).toEqual([]);
      // No date of a later season on the 2027 plan.
      expect(stepDates(result)).not.toContain("2028");
      // One notice, its id the same on a later re-plan.
      const notice = result.reminders.filter((reminder) => reminder.risk === "RANK_LIST_UNREPORTED");
      expect(notice).toHaveLength(1);
      const later = at(input, "2027-03-05T09:00:00Z").reminders.find(
        (reminder) => reminder.risk === "RANK_LIST_UNREPORTED",
      );
      expect(later?.id).toBe(notice[0]?.id);
    });

    it(`${zone}: during Match Week it still asks, with SOAP and Match Week in the plan`, () => {
      const result = at(input, "2027-03-16T15:00:00Z");
      expect(codes(result)).not.toContain("SEASON_OVER");
      expect(asked(result)?.message).toContain(
        `certify a rank order list by ${ROL_WORDS[zone]} (projected)? Tell us: Match Week started Mon 15 Mar 2027 (projected).`,
      );
      expect(steps(result)).toEqual(expect.arrayContaining(["match_week", "soap", "match_day"]));
    });

    it(`${zone}: after Match Day, "tell us where you matched" comes first, no 2028 date`, () => {
      const result = at(input, "2027-03-20T09:00:00Z");
      expect(codes(result)).not.toContain("SEASON_OVER");
      expect(result.nextSteps[0]?.milestone).toBe("match_day");
      expect(result.nextSteps[0]?.title).toBe("Match Day: tell us where you matched");
      expect(stepDates(result)).not.toContain("2028");
      // The question is a warning now: no critical notice competes with Match Day's.
      expect(asked(result)?.severity).toBe("warning");
      expect(result.risks.filter((risk) => risk.severity === "critical")).toEqual([]);
    });

    // A week after Match Day the plan told this applicant, most likely matched,
    // that the Match had passed and dropped the contract and visa steps. As for a list reported
    // certified, it keeps asking where they matched, with the post-Match steps, until they answer.
    for (const when of ["2027-03-27T09:00:00Z", "2027-06-01T09:00:00Z"]) {
      it(`${zone}: on ${when.slice(0, 10)}, with nothing told, still asks and keeps the contract and visa steps`, () => {
        const result = at(input, when);
        expect(codes(result)).not.toContain("SEASON_OVER");
        expect(asked(result)?.severity).toBe("warning");
        const keys = [...result.nextSteps, ...result.blocked].map((step) => step.milestone);
        expect(keys).toEqual(expect.arrayContaining(["match_day", "contract"]));
      });
    }

    // Past residency's start, one message, "we never heard whether you matched", on
    // Match Day (never SEASON_OVER's "without a certified list", never carried by NRMP registration),
    // up to the next Match's ERAS submission day; then SEASON_OVER as before.
    it(`${zone}: once residency has started with still no answer, Match Day: we never heard whether you matched`, () => {
      const result = at(input, "2027-07-02T09:00:00Z");
      expect(codes(result)).not.toContain("SEASON_OVER");
      expect(asked(result)).toBeUndefined();
      const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
      expect(matchDay?.title).toBe("We never heard whether you matched in the 2027 Match");
      expect(result.overdue.map((step) => step.milestone)).not.toContain("nrmp_registration");
    });

    it(`${zone}: after the 2028 Match's ERAS submission day, the next Match is planned, saying NRMP was never told`, () => {
      // The question has ended and registration was never reported: that Match cannot reach them.
      const result = at(input, "2027-09-02T09:00:00Z");
      expect(codes(result)).not.toContain("SEASON_OVER");
      const moved = result.risks.find((risk) => risk.code === "NRMP_REGISTRATION_CLOSED");
      expect(moved?.message).toContain("You never told us you registered with NRMP for the 2027 Match");
      expect(moved?.message).toContain("this plan now plans the 2028 Match");
      expect(asked(result)).toBeUndefined();
    });
  }

  it("NRMP reported not started: SEASON_OVER as before, nothing asked", () => {
    const input = inputIn("Asia/Manila", [milestoneFactory("nrmp_registration", "not_started")]);
    const result = at(input, "2027-03-01T09:00:00Z");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(asked(result)).toBeUndefined();
  });

  it("the rank list reported not started: SEASON_OVER as before, nothing asked", () => {
    const input = inputIn("America/Chicago", [milestoneFactory("rank_order_list", "not_started")]);
    const result = at(input, "2027-03-01T09:00:00Z");
    expect(codes(result)).toContain("SEASON_OVER");
    expect(asked(result)).toBeUndefined();
  });

  it("a Match out of reach on what was reported (Step 2 CK not started) is not asked about: the 2028 NRMP fee stays", () => {
    const input = inputIn("Asia/Manila", [milestoneFactory("usmle_step2ck", "not_started")]);
    const result = at(input, "2027-03-01T09:00:00Z");
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(asked(result)).toBeUndefined();
    expect(result.budget.items.map((item) => item.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^NRMP registration/)]),
    );
  });

  it("before the rank order list deadline nothing is asked", () => {
    const result = at(inputIn("America/Chicago"), "2027-02-20T09:00:00Z");
    expect(asked(result)).toBeUndefined();
  });
});
