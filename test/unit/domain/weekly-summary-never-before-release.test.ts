import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyPreferences } from "#domain/apply-preferences.ts";
import { MATCH_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import { PreferencesSchema } from "#domain/preferences.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { planInOwnMatch } from "./fixture-snapshots.ts";

/**
 * Grace Okafor, New York, J-1, rank list certified, on weekly summaries. Match Week's question
 * ("did you match? … send your SOAP applications today") is asked from NRMP's release, Monday
 * 10:00 AM ET, due by SOAP's end: no summary after the release falls 72 hours before that end, so
 * the summary rule gathered it into the summary before, Wednesday's five days early or Monday's
 * at 09:00, an hour before the release, and nothing came on the release's day. It now goes on its
 * own at the release; a summary may gather such a reminder later, never earlier.
 */
const file = fileURLToPath(
  new URL("../../fixtures/weekly-summary-release/list-certified-new-york.json", import.meta.url),
);
const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const release = seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at;

describe("a weekly summary never carries Match Week's question before NRMP's release", () => {
  it.each([
    [3, "Wednesday"],
    [1, "Monday"],
  ])("summaries on weekday %i (%s): the question goes at the release", (digestDay) => {
    const plan = planInOwnMatch(snapshot, "2027-03-09T00:00:00Z");
    const preferences = PreferencesSchema.parse({ digest: "weekly", digestDay });
    const applied = applyPreferences(plan, preferences, snapshot.applicant.timezone);
    const question = applied.reminders.find((reminder) => reminder.rung === MATCH_RESULT_RUNG);
    expect(question).toBeDefined();
    expect(Date.parse(question?.sendAt ?? "")).toBe(release);
  });
});
