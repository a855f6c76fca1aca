import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An early starter for the 2028 Match plans the ECFMG application for its last day, Mon 31 May 2027
 * (our advice, 10:00 PM ET): 4:00 PM in Honolulu, where "submit it by Mon 31 May" let an evening
 * submission be late, while Auckland's card (Tue 1 Jun, 2:00 PM) named the hour. West of ET the
 * card names the hour too, with ET beside it; in New York the day alone still says it.
 */
function applicationCard(timezone: string): string {
  const result = plan(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2028, graduation: "2027-06-30" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-11-20"),
        milestoneFactory("ecfmg_application", "scheduled", "2027-05-31"),
      ],
    }),
    seasonCalendar(2028),
    new Date("2027-05-20T12:00:00Z"),
  );
  return result.nextSteps.find((each) => each.milestone === "ecfmg_application")?.action ?? "";
}

describe("the ECFMG application planned for its last day: the card's day to submit by", () => {
  it("Honolulu: her hour, with ET beside it", () => {
    expect(applicationCard("Pacific/Honolulu")).toContain(
      "submit it by Mon 31 May 2027, 4:00 PM HST (Mon 31 May 2027, 10:00 PM ET) (our advice)",
    );
  });

  it("Auckland, as before: her day and hour, with ET beside it", () => {
    expect(applicationCard("Pacific/Auckland")).toContain(
      "submit it by Tue 1 Jun 2027, 2:00 PM GMT+12 (Mon 31 May 2027, 10:00 PM ET) (our advice)",
    );
  });

  it("New York: the day alone", () => {
    expect(applicationCard("America/New_York")).toContain("submit it by Mon 31 May 2027 (our advice)");
  });
});
