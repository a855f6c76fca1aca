import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// An interviewing applicant whose Pathway application is
// not submitted is planned and reminded by the projected deadline (60 days before the ROL deadline,
// Sat 26 Dec 2026); after it, while the latest candidate (29 days before the ROL deadline's later
// candidate, as for the 2023 Match) still allows it, the 2027 Match is kept with one critical risk
// that says "submit today" and names ECFMG's known calendar deadlines; the day the Match is kept
// until (Tue 2 Feb 2027, 9:00 PM ET, projected) is named as the day after which it is lost, never as
// one to wait for.

const lagos = inputFactory({
  applicant: applicantFactory({
    matchYear: 2027,
    timezone: "Africa/Lagos",
    visa: "J-1",
    graduation: "2024-06-30",
  }),
  milestones: [
    ...doneMilestones(
      [
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "usce",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
        "nrmp_registration",
      ],
      "2026-09-15",
    ),
    milestoneFactory("ecfmg_pathway", "not_started"),
  ],
  interviews: [
    {
      program: "Lagos test IM",
      startsAt: "2026-12-09T10:00:00-05:00",
      timezone: "America/New_York",
      format: "virtual",
    },
  ],
});

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe("a Pathway not yet submitted past its projected deadline", () => {
  it.each(["2026-12-29T10:00:00+01:00", "2027-01-03T10:00:00+01:00", "2027-01-20T10:00:00+01:00"])(
    "%s: the 2027 Match is kept with one critical risk: submit today, ECFMG's 2027 deadline not confirmed",
    (now) => {
      const result = planFor(lagos, now);
      expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
      const last = risk(result, "MATCH_YEAR_LAST_DAY");
      expect(last?.severity).toBe("critical");
      const message = last?.message ?? "";
      expect(message).toContain("ECFMG's 2027 deadline is not confirmed");
      expect(message).toContain("31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match");
      expect(message).toContain(
        "submit today and check ECFMG's Pathways page; if ECFMG has closed it, tell us",
      );
      expect(message).toContain("application deadline");
      expect(message).not.toContain("would come too late");
      expect(message).toContain(
        "Your plan keeps the 2027 Match only until Wed 3 Feb 2027, 3:00 AM GMT+1 (Tue 2 Feb 2027, 9:00 PM ET) (projected",
      );
      expect(message).toContain("ECFMG's own deadline may be earlier: do not wait for that day");
      expect(message).not.toMatch(/2 Jan 2027|act by/);
      expect(JSON.stringify(result.risks)).not.toMatch(/withdraw|2028/);
    },
  );

  it("after the latest candidate (Tue 2 Feb 2027) the Match is written off", () => {
    const result = planFor(lagos, "2027-02-03T10:00:00+01:00");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
  });

  it("before the projected deadline the plan names Sat 26 Dec 2026", () => {
    const result = planFor(lagos, "2026-12-20T10:00:00+01:00");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(JSON.stringify(result.risks)).toContain("Sat 26 Dec 2026");
  });
});

describe("relative day words from the instant in the applicant's zone", () => {
  it("Karachi, Sat 26 Dec 10:00 AM: the 6:00 PM ET deadline is 4:00 AM Sunday there: tonight, not tomorrow", () => {
    const karachi = { ...lagos, applicant: { ...lagos.applicant, timezone: "Asia/Karachi" } };
    const risks = planFor(karachi, "2026-12-26T10:00:00+05:00").risks;
    const message = risks.map((each) => each.message).join(" ");
    expect(message).toContain("Sun 27 Dec 2026, 4:00 AM GMT+5 (Sat 26 Dec 2026, 6:00 PM ET)");
    expect(message).toContain("tonight");
    expect(message).not.toContain("tomorrow");
  });
});

describe("one risk per Pathway fact", () => {
  it("20 Dec: the Pathway's last day, Sat 26 Dec 2026, is said by one risk, not by both EXAMS_LATE_FOR_RANKING and MATCH_YEAR_LAST_DAY", () => {
    const result = planFor(lagos, "2026-12-20T10:00:00+01:00");
    const saying = result.risks.filter(
      (each) =>
        (each.code === "EXAMS_LATE_FOR_RANKING" || each.code === "MATCH_YEAR_LAST_DAY") &&
        each.message.includes("Sat 26 Dec 2026"),
    );
    expect(saying.map((each) => each.code)).toEqual(["MATCH_YEAR_LAST_DAY"]);
  });
});
