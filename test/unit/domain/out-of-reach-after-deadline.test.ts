import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { newlyOverdue, overdueSubjects } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant whose 2027 Match is out of reach is planned for
 * the 2028 Match (MATCH_YEAR_NOT_FEASIBLE, early steps dated for 2028). When the 2027 rank order
 * list deadline passed, the planner stopped assessing the season ("over, nothing to assess"), so
 * the plan flipped back to the 2027 dates, every early step overdue, with SEASON_OVER as a new
 * critical risk (an extra escalation). The season was out of reach at its deadline and stays so.
 */
const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const at = (offsetMs: number) => new Date(rol + offsetMs);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const earliest = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear;
const dueDates = (result: Plan) =>
  Object.fromEntries(result.nextSteps.map((step) => [step.interviewId ?? step.milestone, step.dueBy]));

describe("a Match year out of reach, after that season's rank order list deadline", () => {
  // Nothing done but the school check, in December 2026: the 2027 Match cannot be made.
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
    milestones: doneMilestones(["wdoms_listing"], "2026-11-01"),
  });

  it("keeps the feasible Match year, its dates and its steps, with no overdue step and no SEASON_OVER", () => {
    const before = plan(input, calendar, at(-HOUR));
    expect(codes(before)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(earliest(before)).toBe(2028);
    expect(before.overdue).toEqual([]);
    for (const offset of [HOUR, 30 * DAY, 120 * DAY]) {
      const after = plan(input, calendar, at(offset));
      expect(codes(after)).not.toContain("SEASON_OVER");
      expect(codes(after)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      // By late June 2027 even the 2028 deadline is out of reach at the fastest pace: time alone moves it on.
      expect(earliest(after)).toBe(offset < 120 * DAY ? 2028 : 2029);
      expect(after.overdue).toEqual([]);
      // The season's steps are the feasible Match's, planned on its dates.
      const year = earliest(after) ?? 0;
      const entered = plan(
        { ...input, applicant: { ...input.applicant, matchYear: year } },
        seasonCalendar(year),
        at(offset),
      );
      expect(dueDates(after).nrmp_registration).toBeDefined();
      expect(dueDates(after).nrmp_registration).toBe(dueDates(entered).nrmp_registration);
    }
    // Just after the deadline the plan is the one of just before: same blocked steps, same 2028 dates.
    const after = plan(input, calendar, at(HOUR));
    expect(after.blocked.map((step) => step.milestone)).toEqual(before.blocked.map((step) => step.milestone));
    expect(dueDates(after)).toEqual(dueDates(before));
  });

  it("stays out of reach when other steps are reported done after the deadline", () => {
    const later = inputFactory({
      ...input,
      milestones: [
        ...input.milestones,
        milestoneFactory("ecfmg_application", "done", "2027-04-01"),
        milestoneFactory("cv", "done", "2027-04-01"),
      ],
    });
    const after = plan(later, calendar, at(60 * DAY));
    expect(codes(after)).not.toContain("SEASON_OVER");
    expect(earliest(after)).toBe(2028);
    expect(after.overdue).toEqual([]);
  });

  it("still says SEASON_OVER to an applicant who could have ranked: requirements reported by the deadline, no certified list", () => {
    const ready = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
      milestones: doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2026-10-01",
      ),
    });
    expect(codes(plan(ready, calendar, at(-HOUR)))).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const after = plan(ready, calendar, at(DAY));
    expect(codes(after)).toContain("SEASON_OVER");
    expect(codes(after)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});

/**
 * Omar, J-1, 2027 Match, ERAS application in progress, never registered
 * with NRMP, Pathway in progress: out of reach, planned for 2028. Marking the Pathway done on
 * 2027-03-15 (after the 2027 rank order list deadline) flipped the plan to the finished 2027
 * season (SEASON_OVER, the ERAS, NRMP and ranking steps overdue, MilestoneOverdue "newly overdue"),
 * because feasibility at the deadline read the Pathway as done then. A step finished after the
 * deadline was not finished at it: the season stays out of reach exactly as before.
 */
describe("a requirement finished after the rank order list deadline of a Match that was out of reach", () => {
  const omar = (pathway: ReturnType<typeof milestoneFactory>) =>
    inputFactory({
      applicant: applicantFactory({
        fullName: "Omar Haddad",
        timezone: "Africa/Cairo",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2023-09-30",
      }),
      milestones: [
        milestoneFactory("wdoms_listing", "done"),
        milestoneFactory("ecfmg_application", "done"),
        milestoneFactory("usmle_step1", "done", "2024-12-01"),
        milestoneFactory("usmle_step2ck", "done", "2026-09-28"),
        milestoneFactory("oet_medicine", "done"),
        pathway,
        milestoneFactory("usce", "done"),
        milestoneFactory("lors", "done"),
        milestoneFactory("personal_statement", "done"),
        milestoneFactory("cv", "done"),
        milestoneFactory("program_list", "done"),
        milestoneFactory("eras_token", "done"),
        milestoneFactory("eras_application", "in_progress"),
        milestoneFactory("nrmp_registration", "not_started"),
      ],
    });
  const now = new Date("2027-04-01T00:00:00Z");

  it("keeps the Match out of reach, planned for 2028, with nothing newly overdue", () => {
    const before = plan(omar(milestoneFactory("ecfmg_pathway", "in_progress")), calendar, now);
    const after = plan(omar(milestoneFactory("ecfmg_pathway", "done", "2027-03-15")), calendar, now);
    expect(codes(before)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(earliest(before)).toBe(2028);
    expect(codes(after)).not.toContain("SEASON_OVER");
    expect(codes(after)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(earliest(after)).toBe(2028);
    expect(after.overdue).toEqual([]);
    expect(newlyOverdue(after, overdueSubjects(before))).toEqual([]);
    // The season's steps are the 2028 Match's, as before the Pathway was done.
    expect(dueDates(after).nrmp_registration).toBe(dueDates(before).nrmp_registration);
    expect(dueDates(after).nrmp_registration?.slice(0, 4)).toBe("2027");
  });
});
