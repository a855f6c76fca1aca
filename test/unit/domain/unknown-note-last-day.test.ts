import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * While the school's sponsor note is unknown the gate holds every ECFMG step, and it hid
 * MATCH_YEAR_LAST_DAY too: the plan showed no risk until the 2028 Match was written off at once.
 * The WDOMS look-up decides whether she loses a year, so the same last day, severity and countdown
 * reach her as they reach the applicant whose note is known, laid on the WDOMS check alone.
 */
const DIR = fileURLToPath(new URL("../../fixtures/unknown-note-last-day/", import.meta.url));
const UNKNOWN = readSnapshot(DIR, "kathmandu-note-unknown-2028.json");
const KNOWN = readSnapshot(DIR, "kathmandu-note-known-2028.json");
const ABSENT = {
  ...UNKNOWN,
  applicant: {
    ...UNKNOWN.applicant,
    medicalSchool: { ...UNKNOWN.applicant.medicalSchool, wdomsSponsorNote: false },
  },
};

const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");

describe("MATCH_YEAR_LAST_DAY while the sponsor note is unknown", () => {
  it("20 May 2027: the known case's warning and last day, worded for the WDOMS check", () => {
    const now = "2027-05-20T04:15:00Z";
    const known = lastDay(planInOwnMatch(KNOWN, now));
    const result = planInOwnMatch(UNKNOWN, now);
    const unknown = lastDay(result);
    expect(known?.severity).toBe("warning");
    expect(unknown?.severity).toBe("warning");
    expect(unknown?.lastWorkingAt).toBe(known?.lastWorkingAt);
    expect(unknown?.milestones).toEqual(["wdoms_listing"]);
    expect(unknown?.message).toMatch(
      /^Check your school's ECFMG sponsor note in WDOMS now: every ECFMG step waits on it\. If your school has one: the 2028 Match is still within reach if you act by Tue 1 Jun 2027, 7:45 AM GMT\+5:45 \(Mon 31 May 2027, 10:00 PM ET\)/,
    );
    // Its countdown goes to the WDOMS check, the one step she can take; no held step is pushed.
    const rungs = result.reminders.filter((each) => each.rung.startsWith("last-day-in-"));
    expect(rungs.map((each) => `${each.milestone} ${each.rung}`)).toEqual([
      "wdoms_listing last-day-in-14d",
      "wdoms_listing last-day-in-3d",
      "wdoms_listing last-day-in-1d",
    ]);
    expect(result.reminders.every((each) => each.milestone === "wdoms_listing")).toBe(true);
  });

  it("3 Jun 2027: critical, with its notice at the next delivery slot, as the known case's", () => {
    const now = "2027-06-03T04:15:00Z";
    const known = lastDay(planInOwnMatch(KNOWN, now));
    const result = planInOwnMatch(UNKNOWN, now);
    const unknown = lastDay(result);
    expect(known?.severity).toBe("critical");
    expect(unknown?.severity).toBe("critical");
    expect(unknown?.lastWorkingAt).toBe(known?.lastWorkingAt);
    expect(unknown?.message).toContain("If your school has one: by our projected deadline,");
    expect(unknown?.message).toContain(
      "act by Tue 8 Jun 2027, 7:45 AM GMT+5:45 (Mon 7 Jun 2027, 10:00 PM ET)",
    );
    const notice = result.reminders.find((each) => each.rung === "critical-risk");
    expect(notice?.milestone).toBe("wdoms_listing");
    expect(notice?.sendAt).toBe("2027-06-04T03:15:00.000Z"); // the next delivery slot, days before the act-by
  });

  it("a note known absent: no last day (SCHOOL_NOT_ECFMG_ELIGIBLE says what is left)", () => {
    const result = planInOwnMatch(ABSENT, "2027-06-03T04:15:00Z");
    expect(lastDay(result)).toBeUndefined();
    expect(result.risks.some((risk) => risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE")).toBe(true);
  });
});
