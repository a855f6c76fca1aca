import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027 } from "./factories.ts";

/**
 * After Match Day with the result untold, the Match Day row carried the contract's
 * date (two weeks after Match Day, advice) as its deadline, with a "soon" badge: no NRMP date. Match
 * Day is a calendar event; the result is what the plan needs, due at residency's start (README), and
 * the step is urgent since the contract and visa steps wait on it. Never the contract's date.
 */

const calendar = seasonCalendar(2027);
/** Diego, in Mexico City, H-1B, everything to Match Week done, Match Day not told. */
const diego = matched2027("America/Mexico_City", { visa: "H-1B", matchDay: false });

describe("Match Day's row after the release has no invented deadline", () => {
  for (const now of ["2027-03-22T10:00:00-06:00", "2027-04-20T10:00:00-06:00"]) {
    it(`at ${now}: due at residency's start, urgent, never the contract's date`, () => {
      const result = plan(diego, calendar, new Date(now));
      const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
      const contract = result.blocked.find((step) => step.milestone === "contract");
      expect(matchDay).toBeDefined();
      expect(matchDay?.deadline?.at).toBe(calendar.dates.residency_start.iso);
      expect(matchDay?.deadline?.at).not.toBe(contract?.deadline?.at);
      expect(matchDay?.urgency).toBe("urgent");
    });
  }

  it("before the contract's date it still asks in the ordinary words, not the late ones", () => {
    const result = plan(diego, calendar, new Date("2027-03-22T10:00:00-06:00"));
    const early = result.nextSteps.find((step) => step.milestone === "match_day")?.action;
    const late = plan(diego, calendar, new Date("2027-04-20T10:00:00-06:00")).nextSteps.find(
      (step) => step.milestone === "match_day",
    )?.action;
    expect(early).not.toBe(late);
    const reminder = result.reminders.find((each) => each.milestone === "match_day");
    expect(reminder?.why ?? "").toBe(early);
  });
});
