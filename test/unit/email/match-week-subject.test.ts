import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { reminderSubject } from "#email/reminder-email.ts";
import { certifiedListWith } from "#test/unit/domain/factories.ts";

/**
 * Monday of Match Week, Karachi, 2027 Match, list certified, nothing reported: the once-only
 * question's subject says what the day asks, both answers by their buttons' names and SOAP's
 * applications today if not matched. It names no "answer by" Thursday: SOAP does not wait for it.
 */
const calendar = seasonCalendar(2027);
const release = calendar.dates.nrmp_match_week_start_and_soap_start.at;

describe("Match Week's Monday email subject", () => {
  it.each([
    ["Monday, an hour after the release", release + 3_600_000],
    ["Wednesday, a late arrival", release + 2 * 86_400_000],
  ])("%s: did you match? Matched, or SOAP today and Not matched: I'm in SOAP", (_when, at) => {
    const result = plan(certifiedListWith("Asia/Karachi"), calendar, new Date(at));
    const question = result.reminders.filter((r) => r.rung === "match-week-result");
    expect(question).toHaveLength(1);
    expect(reminderSubject(question, result)).toBe(
      "Match Week: did you match? Tap Matched; if not, send your SOAP applications today and tap Not matched: I'm in SOAP",
    );
  });
});
