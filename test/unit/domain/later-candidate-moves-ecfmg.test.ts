import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * ECFMG's Pathway deadlines are projected from NRMP's rank
 * order list deadline (projection-rules.json), so on its later candidate (Wed 3 Mar 2027) they move
 * with it. An OET under way gets the rescue a USMLE exam gets: the Match kept with one critical risk
 * naming the later candidate's last OET sitting day, no withdrawal advice, written off once that
 * day passes.
 */

const y2027 = seasonCalendar(2027);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

/** Ngozi, in Lagos, registered for the 2027 Match, OET under way, Pathway not reported (presumed sent). */
function ngozi() {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "ngozi-lagos-oet",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-20",
      ),
      milestoneFactory("oet_medicine", "in_progress"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-15T09:00:00-05:00" })],
  });
}

describe("an OET under way is kept on the later candidate", () => {
  it("Wed 6 Jan 2027: no write-off, no withdrawal, one critical risk naming the later last OET sitting day", () => {
    const result = plan(ngozi(), y2027, new Date("2027-01-06T10:00:00+01:00"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.matchYear).toBe(2027);
    expect(JSON.stringify(result)).not.toContain("withdrawing from the 2027 Match");
    const critical = result.risks.filter((each) => each.severity === "critical");
    expect(critical.map((each) => each.code)).toEqual(["MATCH_YEAR_LAST_DAY"]);
    const message = critical[0]?.message ?? "";
    expect(message).toContain("Wed 3 Mar 2027");
    // Past OET's booking allowance: "… a late OET Medicine seat … and sit it by Tue 12 Jan 2027".
    expect(message).toMatch(/sit (OET Medicine|it) by \w+ \d+ Jan 2027/);
    // Both NRMP's date and ECFMG's that follow it are projected.
    expect(message).toContain(
      "and ECFMG's Pathway deadlines with it (ECFMG's 2027 Pathways deadlines are not yet confirmed in Matchpath's data: we project them from NRMP's), you can still match",
    );
    expect(message).toContain("check NRMP's 2027 calendar and ECFMG's Pathways page now");
    expect(critical[0]?.milestones).toContain("oet_medicine");
    const oet = result.nextSteps.find((each) => each.milestone === "oet_medicine");
    expect(oet?.deadline?.day).toMatch(/^2027-01-1\d$/);
  });

  it("once the later candidate's last OET sitting day has passed, the 2027 Match is written off", () => {
    const result = plan(ngozi(), y2027, new Date("2027-01-20T10:00:00+01:00"));
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
