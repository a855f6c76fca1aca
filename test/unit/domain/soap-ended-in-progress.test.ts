import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderEt } from "#domain/time.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * SOAP still "in progress" once SOAP has ended: Match Day's card and its notices name that status as
 * overtaken by time (as a passed own date is: "… is in progress …, and … has passed", "Did you …?"),
 * and give an applicant who got no SOAP position the next facts in one line: the next season's MyERAS
 * opening (season data, marked projected) and that the next Match's plan can start now. The 2027
 * Match: SOAP ends Thu 18 Mar 2027, 5:00 PM ET; Match Day is Fri 19 Mar 2027, 12:00 PM ET (both projected).
 */
const calendar = seasonCalendar(2027);
const opens = seasonCalendar(2028).dates.eras_season_opens_myeras;
const input = certifiedListWith("Asia/Karachi", milestoneFactory("soap", "in_progress"));

/**
 * Match Day's card and the reasons its questions give (the follow-ups after Match Day's release; a
 * ladder rung before it gives the step's reason, its card the action), as the applicant reads them.
 */
function matchDayTexts(result: Plan): string[] {
  const step = result.nextSteps.find((each) => each.milestone === "match_day");
  const questions = result.reminders.filter(
    (each) => each.milestone === "match_day" && each.rung?.startsWith("match-day-") === true,
  );
  return [step?.action ?? "", ...questions.map((each) => each.why ?? "")];
}

describe("SOAP still in progress after SOAP has ended", () => {
  it.each([
    ["between SOAP's end and Match Day (the card)", "2027-03-18T23:00:00Z", 1],
    ["after Match Day (the card and its question)", "2027-03-20T10:00:00Z", 2],
  ])("%s: the status is named as overtaken, and the next season is one line", (_name, now, count) => {
    const texts = matchDayTexts(plan(input, calendar, new Date(now)));
    expect(texts.length).toBeGreaterThanOrEqual(count);
    for (const text of texts) {
      expect(text).toContain(
        `Your SOAP is still in progress, and SOAP ended on ${renderEt(calendar.dates.nrmp_soap_ends.at)} (projected): did you accept an offer?`,
      );
      expect(opens.status).toBe("projected");
      expect(text).toContain(
        `the 2028 season's MyERAS opens on ${renderEt(opens.at)} (projected), and you can start the 2028 Match's plan now: change your target Match year to 2028`,
      );
    }
  });

  it("while SOAP runs, nothing calls the status overtaken", () => {
    const texts = matchDayTexts(plan(input, calendar, new Date("2027-03-17T10:00:00Z")));
    expect(texts.join(" ")).not.toContain("still in progress");
  });
});
