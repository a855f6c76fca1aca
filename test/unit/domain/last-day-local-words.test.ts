import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { localDate } from "#domain/time.ts";
import { SEASON_2027 as calendar, PATHWAY_DUE_2027 as due, HOUR, oetDone } from "./last-day-applicant.ts";

/**
 * With the OET done and the Pathway application not submitted, in Lagos at 02:30 on
 * Sun 27 Dec 2026 (the projected Pathway deadline was then Sat 26 Dec, 9:00 PM ET = Sun 27 Dec,
 * 3:00 AM Lagos; at ECFMG's 6:00 PM ET it is 1:00 AM Sunday in Cairo), EXAMS_LATE_FOR_RANKING said "(Sat 26 Dec 2026 has passed)" beside MATCH_YEAR_LAST_DAY's
 * "still within reach if you act today". A day is never said to have passed before its instant,
 * and a deadline whose ET day is already the applicant's yesterday is given in both zones.
 */

const messages = (result: Plan) => result.risks.map((risk) => risk.message);

describe("words about the Pathway deadline use the applicant's day", () => {
  it("Cairo at 00:30 on Sun 27 Dec: both zones, nothing has passed", () => {
    const result = plan(oetDone("Africa/Cairo"), calendar, new Date("2026-12-27T00:30:00+02:00"));
    const said = messages(result).join("\n");
    expect(said).not.toContain("has passed");
    expect(said).toContain("by Sun 27 Dec 2026, 1:00 AM GMT+2 (Sat 26 Dec 2026, 6:00 PM ET)");
    expect(result.risks.some((risk) => risk.code === "MATCH_YEAR_LAST_DAY")).toBe(true);
  });

  // UTC−10 to UTC+14, each half hour from 12 hours before the deadline to 12 hours after it.
  describe.each([
    "Pacific/Honolulu",
    "America/New_York",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
  ])("%s", (zone) => {
    const input = oetDone(zone);
    it("never says passed before the deadline, never within reach after it (at the instant itself it still holds), never 'by' the applicant's yesterday", () => {
      for (let now = due - 12 * HOUR; now <= due + 12 * HOUR; now += HOUR / 2) {
        const said = messages(plan(input, calendar, new Date(now))).join("\n");
        if (now <= due) {
          expect(said, new Date(now).toISOString()).not.toMatch(/26 Dec 2026[^.;]*has passed/);
          expect(said).toContain("within reach");
          // At Lagos's midnight (the deadline's instant there) "by Sat 26 Dec 2026, end of the day" is the
          // day just closing, not yesterday: the day is that of the instant before.
          if (localDate(zone, now - 1) > "2026-12-26") expect(said).not.toContain("by Sat 26 Dec 2026");
        } else {
          // Only the latest candidate's words: "submit today", no later day.
          expect(said, new Date(now).toISOString()).toContain("submit today");
          expect(
            said.replace("On the later deadline: the 2027 Match is still within reach", ""),
            new Date(now).toISOString(),
          ).not.toContain("within reach");
        }
      }
    });
  });
});
