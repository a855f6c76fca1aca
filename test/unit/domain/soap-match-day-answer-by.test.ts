import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SOAP_OUTCOME_SOURCE } from "#domain/planner/match-result-due.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * After "Not matched: I'm in SOAP", before Match Day's release, a SOAP participant's Match
 * Day question read "Answer by Sat 20 Mar 2027, 12:00 AM GMT+8 (Fri 19 Mar 2027, 12:00 PM ET)", the
 * release read as a deadline, while from the release it is due by the contract's date (advice).
 * Ramon: Manila, J-1, list certified, SOAP in progress (test/fixtures/soap-answer-by-contract-day/).
 */
const ramon = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/soap-answer-by-contract-day/in-soap-manila-2027.json", import.meta.url),
      "utf8",
    ),
  ),
);
const calendar = seasonCalendar(2027);
const planAt = (now: string, snapshot = ramon) => plan(snapshot, calendar, new Date(now));
const TUESDAY_MORNING = "2027-03-16T01:00:00Z"; // 9:00 AM in Manila
const FRIDAY_MORNING = "2027-03-19T01:00:00Z"; // the eve of the release in Manila (Sat 00:00 GMT+8)
const AFTER_RELEASE = "2027-03-19T18:00:00Z";

describe("a SOAP participant's Match Day question before the release", () => {
  it.each([TUESDAY_MORNING, FRIDAY_MORNING])(
    "at %s: due by the contract's date, as after the release",
    (now) => {
      const result = planAt(now);
      const card = result.nextSteps.find((step) => step.milestone === "match_day");
      const contract = result.blocked.find((step) => step.milestone === "contract");
      expect(card?.title).toBe(
        now === TUESDAY_MORNING
          ? "Match Day: tell us once you accept a SOAP offer"
          : "Match Day: tell us whether you accepted a SOAP offer",
      );
      expect(card?.deadline?.at).toBe(contract?.deadline?.at);
      expect(card?.dueBy).not.toBe(new Date(calendar.dates.nrmp_match_day.at).toISOString());
      expect(card?.deadline?.source).toBe(SOAP_OUTCOME_SOURCE);
      const after = planAt(AFTER_RELEASE).nextSteps.find((step) => step.milestone === "match_day");
      expect(card?.deadline).toEqual(after?.deadline);
    },
  );

  it("its questions are the ones the release's plan sends, same ids, days and date", () => {
    const asked = (now: string) =>
      planAt(now)
        .reminders.filter((r) => r.milestone === "match_day")
        .map((r) => [r.id, r.rung, r.sendAtLocal, r.deadline]);
    const before = asked(TUESDAY_MORNING);
    expect(before.map((r) => r[1])).toEqual(["match-day-result", "match-day-weekly"]);
    expect(before[0]?.[2]).toBe("2027-03-20T09:00:00.000+08:00");
    expect(asked(FRIDAY_MORNING)).toEqual(before);
    expect(asked("2027-03-19T17:00:00Z")).toEqual(before); // after the release, before its 9:00 AM slot
  });

  it("one who has not answered Match Week keeps Match Day's release as its date", () => {
    const silent = { ...ramon, milestones: ramon.milestones.filter((m) => m.key !== "soap") };
    const card = planAt(TUESDAY_MORNING, silent).nextSteps.find((step) => step.milestone === "match_day");
    expect(card?.dueBy).toBe(new Date(calendar.dates.nrmp_match_day.at).toISOString());
  });
});
