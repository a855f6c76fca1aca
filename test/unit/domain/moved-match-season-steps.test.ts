import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * A Match out of reach moves the plan to a later one, and the
 * budget already counts that Match's own ERAS and NRMP fees, yet the steps done for the 2027
 * Match stayed done: an ERAS token, application or NRMP registration of the 2027 Match does not
 * count for 2028. Which season a done step belongs to is read from its date, by the rule for a
 * re-applicant (past-season.ts): done on or before the day the 2028 Match's previous ERAS season
 * ends is the 2027 season's. A Lagos applicant, OET and Pathway not started, on 2 Dec 2026,
 * with Step 1 and Step 2 CK not started too: an OET not begun counts only its booking at
 * the fastest pace, which keeps 2027 in reach that day; two exams' preparation moves the plan to 2028.
 */
describe("a Match moved to a later year: the earlier Match's ERAS and NRMP steps are to do again", () => {
  const input = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      graduation: "2022-11-15",
      medicalSchool: { name: "Example College of Medicine", country: "NG", wdomsSponsorNote: true },
    }),
    milestones: openStepsNotStarted([
      ...doneMilestones(["wdoms_listing", "ecfmg_application"], "2025-05-12"),
      ...doneMilestones(["lors", "personal_statement", "cv", "program_list"], "2026-08-25"),
      milestoneFactory("eras_token", "done", "2026-06-10"),
      milestoneFactory("eras_application", "done", "2026-09-24"),
      milestoneFactory("nrmp_registration", "done", "2026-10-02"),
    ]),
  });
  const result = plan(input, seasonCalendar(2027), new Date("2026-12-02T09:00:00Z"));

  it("is planned for the 2028 Match", () => {
    expect(result.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it.each(["eras_token", "eras_application", "nrmp_registration"] as const)(
    "%s is on the 2028 road again, saying the 2027 one was for that Match only",
    (key) => {
      // Planned on the 2028 Match's dates, no longer waiting for it.
      const step = [...result.nextSteps, ...result.blocked].find((each) => each.milestone === key);
      const text = JSON.stringify(step);
      expect(text).not.toMatch(/feasible Match year/);
      // A next step says it in its action, a blocked one in its why.
      expect(text).toContain(
        "What you did for the 2027 Match was for that Match only: the 2028 Match needs it done again",
      );
    },
  );

  it("keeps the 2027 fees as spent in the budget", () => {
    const nrmp = result.budget.items.filter((item) => item.label.startsWith("NRMP registration"));
    expect(nrmp.map((item) => item.status)).toEqual(["spent", "upcoming"]);
  });
});
