import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { uncountedAnswer } from "#domain/planner/uncounted-answer.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * A SOAP answer ("in progress" or "Not for me": waived) dated Match Week's Monday (Mon 15 Mar 2027)
 * counts only from that Monday's notification, 10:00 AM ET (4:00 PM in Cairo, 10:00 PM in Manila):
 * an hour before it nobody has been told whether they matched, so the answer is preparation and the
 * plan keeps SOAP's preparation; at the instant it counts. A done dated the window's day follows the
 * same rule (SOAP's first offer round, Match Week and Match Day's windows).
 */

const calendar = seasonCalendar(2027);
const NOTIFICATION = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const HOUR = 3_600_000;
const step2Sat = milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08");

function card(result: Plan, key: string) {
  return result.nextSteps.find((each) => each.milestone === key);
}

describe.each([
  ["Africa/Cairo", "16:00"],
  ["Asia/Manila", "22:00"],
])("SOAP answered on Match Week's Monday in %s (notification at %s local)", (zone) => {
  it("the notification falls on that Monday, 15 Mar 2027, in the applicant's zone", () => {
    expect(new Date(NOTIFICATION).toISOString()).toBe("2027-03-15T14:00:00.000Z");
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" });
    expect(local.format(NOTIFICATION)).toBe("2027-03-15");
  });

  describe.each(["in_progress", "waived"] as const)("%s dated 2027-03-15", (status) => {
    const soap = milestoneFactory("soap", status, "2027-03-15");
    const input = certifiedListWith(zone, step2Sat, soap);

    it("an hour before the notification it is not counted: SOAP's preparation stays", () => {
      const now = NOTIFICATION - HOUR;
      expect(uncountedAnswer(soap, calendar, zone, now, false)).toBe(true);
      const result = plan(input, calendar, new Date(now));
      // The preparation of the release day: "NRMP tells you today … keep your ERAS documents current".
      expect(card(result, "soap")?.action).toMatch(
        /SOAP opens with that release: keep your ERAS documents current/i,
      );
      // The answer counts from the notification: a plan stored now is made again then.
      expect(result.riskChangesAt).toContain("2027-03-15T14:00:00.000Z");
    });

    it("at the notification's instant it counts", () => {
      expect(uncountedAnswer(soap, calendar, zone, NOTIFICATION, false)).toBe(false);
      const result = plan(input, calendar, new Date(NOTIFICATION));
      if (status === "waived") expect(card(result, "soap")).toBeUndefined();
      else expect(card(result, "soap")?.action).not.toMatch(/before Match Week/i);
    });
  });
});

describe("an answer dated the day after Match Week's Monday is not judged by the hour (control)", () => {
  it("a Tuesday waiver is counted whatever `now` is", () => {
    const soap = milestoneFactory("soap", "waived", "2027-03-16");
    expect(uncountedAnswer(soap, calendar, "Asia/Manila", NOTIFICATION - HOUR, false)).toBe(false);
  });
});
