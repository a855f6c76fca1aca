import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate in Honolulu matched for a Thu 1 Jul 2027 start on a J-1 completed the sponsorship
// application late (Thu 6 May), so ECFMG's review (4-6 weeks) may run to Thu 17 Jun: the DS-2019 is
// dated by that day. The J-1 visa, which waits for the DS-2019, cannot be due the day before it
// (Wed 16 Jun, the plan's visa date): its row read "overdue since Wed 16 Jun" beside the DS-2019
// urgent on 17 Jun. It shows no date of its own; the DS-2019 carries it and the visa risk says the
// start is out of reach. With the sponsorship in time, the visa keeps its date.

const calendar = seasonCalendar(2027);
const ZONE = "Pacific/Honolulu";

function dsInProgress(sponsorship: string) {
  return matched2027(ZONE, {
    visa: "J-1",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-31"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", sponsorship),
      milestoneFactory("j1_ds2019", "in_progress", sponsorship),
    ],
  });
}
const visaRow = (result: Plan) => result.blocked.find((step) => step.milestone === "visa_j1");

describe("a J-1 visa waiting for a DS-2019 dated after the visa's own date", () => {
  it.each([
    ["before both dates", "2027-06-03T10:30:00Z"],
    ["on the DS-2019's day, the visa's date gone by", "2027-06-17T10:30:00Z"],
  ])("shows no date of its own %s", (_, now) => {
    const result = plan(dsInProgress("2027-05-06"), calendar, new Date(now));
    const ds2019 = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(ds2019?.deadline?.local).toBe("Thu 17 Jun 2027");
    const visa = visaRow(result);
    expect(visa?.waitingFor).toEqual(["j1_ds2019"]);
    expect(visa?.deadline).toBeUndefined();
    expect(visa?.overdueSince).toBeUndefined();
    expect(result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message).toContain(
      "out of reach",
    );
  });

  it("keeps the visa's date while the DS-2019's comes before it", () => {
    const result = plan(dsInProgress("2027-04-01"), calendar, new Date("2027-05-03T20:00:00Z"));
    expect(visaRow(result)?.deadline?.local).toBe("Wed 16 Jun 2027");
  });
});
