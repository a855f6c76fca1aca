import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A Pathway application not submitted past its projected deadline (Sat 26 Dec 2026) keeps the 2027
 * Match until its deadline on NRMP's later candidate, Tue 2 Feb 2027, 9:00 PM ET (projected; ECFMG's
 * deadline was 31 Jan for the 2023 Match). An advisor names that day and writes 14, 3 and 1 day(s)
 * before it; the notice that says "submit today" rides on the Pathway, the act it asks for, with that
 * one date ("Act by"), never "overdue since" the projected day, whatever else is booked beside it.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-day/", import.meta.url));
function planOf(name: string, now: string): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")));
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
const LAST_DAY_ET = "Tue 2 Feb 2027, 9:00 PM ET";
const onStep = (result: Plan, milestone: string): Reminder[] =>
  result.reminders.filter((each) => each.milestone === milestone);
const lastDayRungs = (reminders: readonly Reminder[]) =>
  reminders
    .filter((each) => each.rung.startsWith("last-day-in-"))
    .map((each) => each.sendAtLocal.slice(0, 10));

describe.each([
  ["not started", "pathway-not-started-lagos-j1"],
  ["in progress with no date", "pathway-in-progress-lagos-j1"],
])("Lagos, J-1, every exam done, the Pathway %s past its projected deadline", (_, name) => {
  it("names the day the Match is kept until, projected, and says not to wait for it", () => {
    const risk = planOf(name, "2027-01-20T10:00:00+01:00").risks.find(
      (each) => each.code === "MATCH_YEAR_LAST_DAY",
    );
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      `Your plan keeps the 2027 Match only until Wed 3 Feb 2027, 3:00 AM GMT+1 (${LAST_DAY_ET}) (projected`,
    );
    expect(risk?.message).toContain("do not wait for that day");
  });

  it("the Pathway's card names the same day as the risk", () => {
    const card = planOf(name, "2027-01-20T10:00:00+01:00").nextSteps.find(
      (each) => each.milestone === "ecfmg_pathway",
    );
    expect(card?.action).toContain(
      `Your plan keeps the 2027 Match only until Wed 3 Feb 2027, 3:00 AM GMT+1 (${LAST_DAY_ET}) (projected`,
    );
  });

  it("the Pathway's notice says 'Act by' that day, never 'overdue since' Sat 26 Dec", () => {
    const notice = onStep(planOf(name, "2027-01-20T10:00:00+01:00"), "ecfmg_pathway").find(
      (each) => each.rung === "critical-risk",
    );
    expect(notice?.deadlineDetail?.et).toBe(LAST_DAY_ET);
    expect(notice?.deadlineDetail?.basis).toBe("projected");
    expect(notice?.overdueSince).toBeUndefined();
  });

  it("the countdown's emails say 'submit your application today', never invite waiting for that day", () => {
    const rungs = onStep(planOf(name, "2027-01-20T10:00:00+01:00"), "ecfmg_pathway").filter((each) =>
      each.rung.startsWith("last-day-in-"),
    );
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) {
      expect(rung.title).not.toContain("after the day below");
      expect(rung.title).not.toContain("act by the day below");
      expect(rung.title).toMatch(/submit (your application|it) today$/);
      if (name === "pathway-in-progress-lagos-j1")
        expect(rung.title).toMatch(/submitted it\? Tell us the date; if not/);
    }
  });

  it("the 14-, 3- and 1-day emails before it go on the Pathway", () => {
    expect(lastDayRungs(onStep(planOf(name, "2026-12-28T10:00:00+01:00"), "ecfmg_pathway"))).toEqual([
      "2027-01-20",
      "2027-01-31",
      "2027-02-02",
    ]);
  });
});

describe("Honolulu, J-1, the Pathway not started past its projected deadline, Step 2 CK booked for tomorrow", () => {
  const result = planOf("pathway-not-started-ck-booked-honolulu-j1", "2027-01-27T09:00:00-10:00");

  it("the last-day notice and its countdown ride on the Pathway, with one date", () => {
    const pathway = onStep(result, "ecfmg_pathway");
    const notice = pathway.find((each) => each.risk === "MATCH_YEAR_LAST_DAY");
    expect(notice?.deadlineDetail?.et).toBe(LAST_DAY_ET);
    expect(notice?.overdueSince).toBeUndefined();
    expect(notice?.stepDate).toBeUndefined();
    expect(lastDayRungs(pathway)).toEqual(["2027-01-30", "2027-02-01"]);
  });

  it("Step 2 CK keeps its own line: its sitting day, no last-day notice nor rung", () => {
    const step2ck = onStep(result, "usmle_step2ck");
    expect(step2ck.some((each) => each.risk === "MATCH_YEAR_LAST_DAY")).toBe(false);
    expect(lastDayRungs(step2ck)).toEqual([]);
    expect(step2ck.find((each) => each.rung === "due-in-1d")?.deadlineDetail?.local).toContain(
      "Thu 28 Jan 2027",
    );
  });

  it("the next morning the Pathway's notice still says 'Act by' Tue 2 Feb, not 'overdue since' Sat 26 Dec", () => {
    const next = planOf("pathway-not-started-ck-booked-honolulu-j1", "2027-01-28T08:00:00-10:00");
    const notice = onStep(next, "ecfmg_pathway").find((each) => each.risk === "MATCH_YEAR_LAST_DAY");
    expect(notice?.deadlineDetail?.et).toBe(LAST_DAY_ET);
    expect(notice?.overdueSince).toBeUndefined();
  });
});
