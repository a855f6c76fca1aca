import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { countedAnswer } from "#domain/planner/uncounted-answer.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A SOAP or Match outcome done dated after its window's day while `now` is still before the window:
 * Match Week done dated Tuesday on Monday morning, Match Day dated Saturday on Friday morning, SOAP
 * done dated Thursday on Wednesday before the first round. The intake refuses a done dated after
 * the applicant's today for a snapshot, but holds a milestone.update (which names no zone) to the
 * earliest zone's today (UTC+14), up to a day ahead of the applicant's: in Cairo, from noon. Such a
 * done is not counted before the window's instant, exactly as one dated the window's own day
 * (outcome-dated-window-day.test.ts): the same warning, the plan made again at the instant, and
 * the action page agrees (countedAnswer). From the instant on it counts.
 */
const DIR = fileURLToPath(new URL("../../fixtures/outcome-dated-window-day/", import.meta.url));
const SOAP_DONE = readSnapshot(DIR, "soap-done-first-round-day-cairo-2027.json");
const MATCH_WEEK_DONE = readSnapshot(DIR, "match-week-done-release-day-manila-2027.json");
const FIRST_ROUND = "2027-03-17T13:00:00.000Z";
const NOTIFICATION = "2027-03-15T14:00:00.000Z";
const RELEASE = "2027-03-19T16:00:00.000Z";
const HOUR_BEFORE = (instant: string) => new Date(Date.parse(instant) - 3_600_000).toISOString();

/** `snapshot` in Cairo with `entries` in place of its entries of the same keys. */
function inCairoWith(snapshot: ApplicantSnapshot, ...entries: MilestoneEntry[]): ApplicantSnapshot {
  const keys = new Set(entries.map((entry) => entry.key));
  return {
    ...snapshot,
    applicant: { ...snapshot.applicant, timezone: "Africa/Cairo" },
    milestones: [...snapshot.milestones.filter((entry) => !keys.has(entry.key)), ...entries],
  };
}
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const listed = (result: Plan) => result.nextSteps.map((step) => step.milestone);
const counted = (snapshot: ApplicantSnapshot, key: MilestoneEntry["key"], now: string) =>
  countedAnswer(key, snapshot.milestones, snapshot.applicant, Date.parse(now))?.status;

describe("Match Week done dated Tuesday, planned Monday an hour before the notification", () => {
  const snapshot = inCairoWith(MATCH_WEEK_DONE, { key: "match_week", status: "done", date: "2027-03-16" });

  it("not counted: Match Week kept, the warning, re-planned at the notification", () => {
    const now = HOUR_BEFORE(NOTIFICATION);
    const result = planInOwnMatch(snapshot, now);
    const warning = risk(result, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")?.message;
    expect(warning).toContain(
      "You marked Match Week done on Tue 16 Mar 2027 before NRMP's Match Week notification",
    );
    expect(warning).toContain("results are not out yet");
    expect(listed(result)).toContain("match_week");
    expect(listed(result)).not.toContain("contract");
    expect(result.riskChangesAt).toContain(NOTIFICATION);
    expect(counted(snapshot, "match_week", now)).toBe("not_started");
  });

  it("from the notification's hour it counts", () => {
    const result = planInOwnMatch(snapshot, NOTIFICATION);
    expect(risk(result, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")).toBeUndefined();
    expect(listed(result)).not.toContain("match_week");
    expect(counted(snapshot, "match_week", NOTIFICATION)).toBe("done");
  });
});

describe("Match Day done dated Saturday, planned Friday an hour before the release", () => {
  const snapshot = inCairoWith(MATCH_WEEK_DONE, { key: "match_day", status: "done", date: "2027-03-20" });

  it("not counted before the release; counted from it", () => {
    const before = planInOwnMatch(snapshot, HOUR_BEFORE(RELEASE));
    expect(risk(before, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")?.message).toContain(
      "You marked Match Day done on Sat 20 Mar 2027 before NRMP's Match Day release",
    );
    expect(listed(before)).toContain("match_day");
    expect(listed(before)).not.toContain("contract");
    expect(before.riskChangesAt).toContain(RELEASE);
    const after = planInOwnMatch(snapshot, RELEASE);
    expect(risk(after, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")).toBeUndefined();
    expect(listed(after)).toContain("contract");
  });
});

describe("SOAP done dated Thursday, planned Wednesday an hour before the first offer round", () => {
  const snapshot = inCairoWith(SOAP_DONE, { key: "soap", status: "done", date: "2027-03-18" });

  it("no position before the round: SOAP kept, the warning, re-planned at the round", () => {
    const now = HOUR_BEFORE(FIRST_ROUND);
    const result = planInOwnMatch(snapshot, now);
    expect(risk(result, "SOAP_DONE_BEFORE_OFFERS")?.message).toContain(
      "You marked SOAP done on Thu 18 Mar 2027, but SOAP offers are made from Wed 17 Mar 2027",
    );
    expect(listed(result)).toContain("soap");
    expect(listed(result)).not.toContain("j1_statement_of_need");
    expect(result.riskChangesAt).toContain(FIRST_ROUND);
    expect(counted(snapshot, "soap", now)).toBe("not_started");
  });

  it("from the round's hour the accepted offer counts as the position", () => {
    const result = planInOwnMatch(snapshot, FIRST_ROUND);
    expect(risk(result, "SOAP_DONE_BEFORE_OFFERS")).toBeUndefined();
    expect(listed(result)).toContain("j1_statement_of_need");
    expect(counted(snapshot, "soap", FIRST_ROUND)).toBe("done");
  });
});
