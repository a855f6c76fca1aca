import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { reminderSubject } from "#email/reminder-email.ts";
import { certifiedListWith } from "#test/unit/domain/factories.ts";

/**
 * Match Week, Karachi, 2027 Match, list certified, nothing reported: the once-only question's
 * subject says what the day asks, both answers by their buttons' names and, on Monday, SOAP's
 * applications today if not matched. It names no "answer by" Thursday: SOAP does not wait for it.
 */
const calendar = seasonCalendar(2027);
const release = calendar.dates.nrmp_match_week_start_and_soap_start.at;

const subjectAt = (at: number) => {
  const result = plan(certifiedListWith("Asia/Karachi"), calendar, new Date(at));
  const question = result.reminders.filter((r) => r.rung === "match-week-result");
  expect(question).toHaveLength(1);
  return reminderSubject(question, result);
};

describe("Match Week's email subject", () => {
  it("Monday, an hour after the release: did you match? Matched, or SOAP today and Not matched: I'm in SOAP", () => {
    expect(subjectAt(release + 3_600_000)).toBe(
      "Match Week: did you match? Tap Matched; if not, send your SOAP applications today and tap Not matched: I'm in SOAP",
    );
  });

  // From Tuesday SOAP's own card says what an application sent that day can do (on Thursday, unlikely
  // to lead to an offer), so a late question only asks.
  it.each([
    ["Wednesday, a late arrival", release + 2 * 86_400_000],
    ["Thursday, a late arrival", Date.parse("2027-03-18T13:00:00Z")],
  ])("%s: did you match? Matched or Not matched: I'm in SOAP, no SOAP advice", (_when, at) => {
    expect(subjectAt(at)).toBe("Match Week: did you match? Tap Matched or Not matched: I'm in SOAP");
  });
});
