import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant who did everything on time (contract, Statement of Need, sponsorship complete on
// Mon 5 Apr) and waits on ECFMG's queue for the DS-2019 (planned for Mon 17 May): past our day she
// is behind our plan, and once even a DS-2019 arriving today would bring the visa into the start's
// last week, the critical names the one day the start still holds, Mon 31 May (a DS-2019 that day,
// the consular month after it, the visa on 30 Jun), as the late sponsorship's verdict does. The row
// says "behind our plan since Mon 17 May; act by Mon 31 May" up to that day, "overdue since Mon 31
// May" after it, with the start out of reach; never "overdue since Mon 17 May" unexplained.

const calendar = seasonCalendar(2027);
const input = matched2027("Africa/Lagos", {
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
    milestoneFactory("contract", "done", "2027-03-30"),
    milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
    milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
  ],
});
const at = (iso: string): Plan => plan(input, calendar, new Date(iso));
const ds2019Row = (result: Plan) => result.nextSteps.find((each) => each.milestone === "j1_ds2019");
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe("Lagos, J-1, sponsorship complete on time, the DS-2019 awaited past our day", () => {
  it("a week past our day: behind our plan since Mon 17 May, the visa's own date still holding, no critical", () => {
    const result = at("2027-05-20T08:00:00Z");
    const row = ds2019Row(result);
    expect(row?.behindPlan).toBe(true);
    expect(row?.actBy).toBeUndefined();
    expect(visaRisk(result)).toBeUndefined();
  });

  it.each([
    ["Tue 25 May", "2027-05-25T08:00:00Z", "Thu 24 Jun 2027"],
    ["Mon 31 May", "2027-05-31T08:00:00Z", "Wed 30 Jun 2027"],
  ])(
    "%s: the critical names Mon 31 May and the visa a DS-2019 today would bring; the row acts by it",
    (_d, now, visa) => {
      const result = at(now);
      const critical = visaRisk(result);
      expect(critical?.severity).toBe("critical");
      expect(critical?.visaVerdict).toBe("j1-last-day");
      expect(critical?.message).toContain("not marked received: even were it to reach you today");
      expect(critical?.message).toContain(`your J-1 visa would come around ${visa} at the earliest`);
      expect(critical?.message).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
      const row = ds2019Row(result);
      expect(row && stepDatesInline(row, Date.parse(result.now), result.risks)).toBe(
        "behind our plan since Mon 17 May 2027; act by Mon 31 May 2027 (our advice)",
      );
      expect(result.overdue.map((each) => each.milestone)).not.toContain("j1_ds2019");
    },
  );

  it("Tue 1 Jun: overdue since Mon 31 May, and the start out of reach unless it came", () => {
    const result = at("2027-06-01T08:00:00Z");
    const critical = visaRisk(result);
    expect(critical?.visaVerdict).toBe("j1-out-of-reach");
    expect(critical?.message).toContain("your DS-2019 had to reach you by about Mon 31 May 2027");
    expect(critical?.message).toContain("a J-1 start on your program's date is out of reach");
    expect(ds2019Row(result)?.deadline?.local).toBe("Mon 31 May 2027");
    expect(result.overdue.find((each) => each.milestone === "j1_ds2019")?.deadline?.local).toBe(
      "Mon 31 May 2027",
    );
  });

  it("the interview booked: the day booked speaks, not the month this plan allows", () => {
    const booked = plan(
      { ...input, milestones: [...input.milestones, milestoneFactory("visa_j1", "scheduled", "2027-06-10")] },
      calendar,
      new Date("2027-05-26T08:00:00Z"),
    );
    expect(visaRisk(booked)?.visaVerdict).toBeUndefined();
  });
});

describe("Lagos, J-1, sponsorship complete a little late (Tue 20 Apr), the DS-2019 awaited", () => {
  const late = matched2027("Africa/Lagos", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-20"),
    ],
  });

  it("before the review's shorter end has gone by far: ECFMG's review warning, no critical", () => {
    const result = plan(late, calendar, new Date("2027-05-20T08:00:00Z"));
    expect(result.risks.map((risk) => risk.code)).toContain("ECFMG_REVIEW_PAST_DS2019");
    expect(visaRisk(result)).toBeUndefined();
  });

  it("from Tue 25 May the one critical, the DS-2019 dated Mon 31 May, never 'your start can still hold'", () => {
    const result = plan(late, calendar, new Date("2027-05-25T08:00:00Z"));
    expect(result.risks.map((risk) => risk.code)).not.toContain("ECFMG_REVIEW_PAST_DS2019");
    expect(visaRisk(result)?.message).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
    expect(ds2019Row(result)?.deadline?.local).toBe("Mon 31 May 2027");
  });
});
