import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { countedAnswer } from "#domain/planner/uncounted-answer.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A SOAP or Match outcome dated its window's own day counts only from the window's hour. Before it
 * nobody can have accepted a SOAP offer (first round Wed 17 Mar 2027, 9:00 AM ET as planned) or been
 * told whether they matched (Mon 15 Mar 2027, 10:00 AM ET): the plan treats it as an undated answer
 * before the window (not started, the warning, the plan made again at the hour), and the action page
 * agrees (countedAnswer). From the hour on it counts. Both in a zone where the hour falls in the
 * afternoon (Cairo) and one where it falls late in the evening (Manila): the date is that day in both.
 */
const DIR = fileURLToPath(new URL("../../fixtures/outcome-dated-window-day/", import.meta.url));
const SOAP_DONE_WEDNESDAY = readSnapshot(DIR, "soap-done-first-round-day-cairo-2027.json");
const MATCH_WEEK_DONE_MONDAY = readSnapshot(DIR, "match-week-done-release-day-manila-2027.json");
const ZONES = ["Africa/Cairo", "Asia/Manila"] as const;
const FIRST_ROUND = "2027-03-17T13:00:00.000Z";
const NOTIFICATION = "2027-03-15T14:00:00.000Z";
const HOUR_BEFORE = (instant: string) => new Date(Date.parse(instant) - 3_600_000).toISOString();

function inZone(snapshot: ApplicantSnapshot, timezone: string): ApplicantSnapshot {
  return { ...snapshot, applicant: { ...snapshot.applicant, timezone } };
}
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const listed = (result: Plan) => result.nextSteps.map((step) => step.milestone);
const counted = (snapshot: ApplicantSnapshot, key: "soap" | "match_week", now: string) =>
  countedAnswer(key, snapshot.milestones, snapshot.applicant, Date.parse(now))?.status;

describe.each(ZONES)("SOAP done dated the first offer round's day (%s)", (zone) => {
  const snapshot = inZone(SOAP_DONE_WEDNESDAY, zone);

  it("an hour before the round: no position, SOAP kept, the warning, re-planned at the round", () => {
    const now = HOUR_BEFORE(FIRST_ROUND);
    const result = planInOwnMatch(snapshot, now);
    expect(risk(result, "SOAP_DONE_BEFORE_OFFERS")?.message).toContain(
      "You marked SOAP done on Wed 17 Mar 2027, but SOAP offers are made from Wed 17 Mar 2027",
    );
    expect(listed(result)).toContain("soap");
    expect(listed(result)).not.toContain("j1_statement_of_need");
    expect(result.riskChangesAt).toContain(FIRST_ROUND);
    expect(counted(snapshot, "soap", now)).toBe("not_started");
  });

  it("from the round's hour: the accepted offer counts as the position", () => {
    const result = planInOwnMatch(snapshot, FIRST_ROUND);
    expect(risk(result, "SOAP_DONE_BEFORE_OFFERS")).toBeUndefined();
    expect(listed(result)).toContain("j1_statement_of_need");
    expect(counted(snapshot, "soap", FIRST_ROUND)).toBe("done");
  });
});

describe.each(ZONES)("Match Week done dated the notification's day (%s)", (zone) => {
  const snapshot = inZone(MATCH_WEEK_DONE_MONDAY, zone);

  it("an hour before the notification: Match Week kept, the warning, re-planned at the notification", () => {
    const now = HOUR_BEFORE(NOTIFICATION);
    const result = planInOwnMatch(snapshot, now);
    expect(risk(result, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")?.message).toContain(
      "You marked Match Week done on Mon 15 Mar 2027 before NRMP's Match Week notification",
    );
    expect(risk(result, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")?.message).toContain("results are not out yet");
    expect(listed(result)).toContain("match_week");
    expect(result.riskChangesAt).toContain(NOTIFICATION);
    expect(counted(snapshot, "match_week", now)).toBe("not_started");
  });

  it("from the notification's hour: Match Week done counts", () => {
    const result = planInOwnMatch(snapshot, NOTIFICATION);
    expect(risk(result, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")).toBeUndefined();
    expect(listed(result)).not.toContain("match_week");
    expect(counted(snapshot, "match_week", NOTIFICATION)).toBe("done");
  });
});

describe("Match Day done dated the release's day (Africa/Cairo: 12:00 PM ET is 6:00 PM that day)", () => {
  const RELEASE = "2027-03-19T16:00:00.000Z";
  const snapshot = {
    ...inZone(MATCH_WEEK_DONE_MONDAY, "Africa/Cairo"),
    milestones: [
      ...MATCH_WEEK_DONE_MONDAY.milestones,
      { key: "match_day" as const, status: "done" as const, date: "2027-03-19" },
    ],
  };

  it("an hour before the release it is not counted; from the release it is", () => {
    const before = planInOwnMatch(snapshot, HOUR_BEFORE(RELEASE));
    expect(risk(before, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")?.message).toContain(
      "You marked Match Day done on Fri 19 Mar 2027 before NRMP's Match Day release",
    );
    expect(listed(before)).toContain("match_day");
    expect(before.riskChangesAt).toContain(RELEASE);
    const after = planInOwnMatch(snapshot, RELEASE);
    expect(risk(after, "MATCH_OUTCOME_BEFORE_MATCH_WEEK")).toBeUndefined();
    expect(listed(after)).toContain("contract");
  });
});
