import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant abroad, Step 3 passed and the contract signed, whose program has not
// reported filing the petition: its last filing day for a Thu 1 Jul 2027 start is Fri 30 Apr. The
// filing is the US program's act with USCIS, so that day lasts while it is Friday in the US: Auckland
// was told at 08:00 on Saturday that it "has passed", with Friday afternoon still ahead in the US.

const calendar = seasonCalendar(2027);

function unfiled(timezone: string) {
  return matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-03-26"),
    ],
  });
}
const verdict = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message ?? "";

describe("the program's last H-1B filing day, Fri 30 Apr, seen from Auckland", () => {
  // Sat 1 May, 08:00 in Auckland: Fri 30 Apr, 4:00 PM in New York.
  const saturdayMorning = plan(unfiled("Pacific/Auckland"), calendar, new Date("2027-04-30T20:00:00Z"));

  it("is not called passed while it is still Friday in the US: today, US time", () => {
    expect(verdict(saturdayMorning)).not.toContain("has passed");
    expect(verdict(saturdayMorning)).toContain(
      "by about Fri 30 Apr 2027 (today in the US, where it is still Fri 30 Apr 2027: call your program's GME office now)",
    );
    expect(verdict(saturdayMorning)).toContain("your visa would come around Wed 30 Jun 2027");
  });

  it("gives the notice the instant Friday ends in the US, hours ahead, not a day already gone", () => {
    const notice = saturdayMorning.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.deadline).toBe("2027-05-01T04:00:00.000Z");
  });

  it("is passed once Friday has ended in the US (4:00 PM on Saturday in Auckland)", () => {
    const after = plan(unfiled("Pacific/Auckland"), calendar, new Date("2027-05-01T04:30:00Z"));
    expect(verdict(after)).toContain("about Fri 30 Apr 2027, has passed");
  });
});

describe("the same day seen from Honolulu, west of ET", () => {
  it("lasts to her own midnight, as before: not passed at 8:00 PM on her Friday", () => {
    const evening = plan(unfiled("Pacific/Honolulu"), calendar, new Date("2027-05-01T06:00:00Z"));
    expect(verdict(evening)).not.toContain("has passed");
    expect(verdict(evening)).not.toContain("today in the US");
    const after = plan(unfiled("Pacific/Honolulu"), calendar, new Date("2027-05-01T10:30:00Z"));
    expect(verdict(after)).toContain("has passed");
  });
});
