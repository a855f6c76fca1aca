import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { pathwayDeadline } from "#domain/planner/feasibility.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Karachi_ck_sat_late.json on 2 Jan 2027 (Step 2 CK sat 1 Dec, OET sat 10 Dec, ERAS in
// progress, Pathway not started). PATHWAY_DEADLINE_PROJECTED said the Pathway application deadline
// (Sat 26 Dec 2026, projected) had passed, yet MATCH_YEAR_LAST_DAY kept the 2027 Match "within reach
// if you act by Wed 27 Jan 2027", after even the supporting-documents deadline (26 Jan). The brief's
// rule: when a date is uncertain, plan for the earlier one. A non-certified IMG whose Pathway
// application cannot go in by its projected deadline is out of reach for that Match (as
// kolkata_ck_march.json reads on 31 Dec 2026), and a last day to act is never after that deadline.

const karachi = inputFactory({
  applicant: applicantFactory({
    matchYear: 2027,
    timezone: "Asia/Karachi",
    visa: "J-1",
    graduation: "2025-06-30",
  }),
  milestones: [
    ...doneMilestones(
      [
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usce",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
      ],
      "2026-09-10",
    ),
    milestoneFactory("usmle_step2ck", "scheduled", "2026-12-01"),
    milestoneFactory("oet_medicine", "scheduled", "2026-12-10"),
    milestoneFactory("ecfmg_pathway", "not_started"),
    milestoneFactory("eras_application", "in_progress"),
    milestoneFactory("nrmp_registration", "not_started"),
  ],
});

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const DUE = pathwayDeadline(seasonCalendar(2027)) as number;

describe("a Pathway application that misses its projected deadline ends the season", () => {
  it("Karachi on 4 Feb 2027, the Pathway not submitted by Sat 26 Dec 2026 (projected) nor by the latest candidate's Tue 2 Feb 2027: out of reach, no last day", () => {
    const result = planFor(karachi, "2027-02-04T10:00:00+05:00");
    const notFeasible = risk(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(notFeasible?.earliestFeasibleMatchYear).toBe(2028);
    // A month after the projected deadline the review itself no longer fits: the write-off says so.
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    expect(risk(result, "PATHWAY_DEADLINE_PROJECTED")).toBeUndefined();
  });

  it("before the deadline, the last day to act is never after it, and it asks for the Pathway by then", () => {
    let named = 0;
    for (let day = 0; day < 40; day++) {
      const now = Date.parse("2026-11-20T05:00:00Z") + day * 86_400_000;
      if (now > DUE) break;
      const result = planFor(karachi, new Date(now).toISOString());
      const last = risk(result, "MATCH_YEAR_LAST_DAY");
      expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
      if (last === undefined) continue;
      named++;
      expect(Date.parse(last.lastWorkingAt as string)).toBeLessThanOrEqual(DUE);
      // Within its last 24 hours the opener gives the deadline's hour, and the Pathway is due
      // "tomorrow": 10:00 AM Sat in Karachi, the deadline 4:00 AM Sun there (never "today").
      expect(last.message).toContain(
        DUE - now <= 86_400_000
          ? "(Sat 26 Dec 2026, 6:00 PM ET) (projected): submit your ECFMG Pathway application tonight (its deadline is projected)"
          : "act by Sun 27 Dec 2026, 4:00 AM GMT+5 (Sat 26 Dec 2026, 6:00 PM ET) (projected): submit your ECFMG Pathway application by then",
      );
    }
    // The Pathway's deadline is the season's binding one for this applicant: the warning is named.
    expect(named).toBeGreaterThan(0);
  });

  it("the day after the projected deadline, kept until the latest candidate: submit today, no later day named", () => {
    const result = planFor(karachi, "2026-12-27T10:00:00+05:00");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    const last = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(last?.severity).toBe("critical");
    expect(last?.message).toContain("submit today");
    expect(last?.message).not.toContain("2 Jan 2027");
  });
});
