import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { certifiedListWith } from "#test/unit/domain/factories.ts";

/**
 * Match Week's question, Dhaka, 2027 Match, list certified, nothing reported: SOAP opened with
 * NRMP's release and does not wait for an answer, so the email's due line asks for the answer today
 * and names SOAP's end, never "Answer by" Thursday (as the subject names no date).
 */
const ZONE = "Asia/Dhaka";
const calendar = seasonCalendar(2027);
const release = calendar.dates.nrmp_match_week_start_and_soap_start.at;

const emailAt = (at: number) => {
  const result = plan(certifiedListWith(ZONE), calendar, new Date(at));
  const question = result.reminders.filter((r) => r.rung === "match-week-result");
  expect(question).toHaveLength(1);
  return renderReminderEmail({
    recipientName: "Rafiq Hasan",
    reminders: question,
    plan: result,
    timezone: ZONE,
    unsubscribeUrl: "https://api.example.org/u",
  });
};

describe("Match Week's email: tell us today, SOAP's end", () => {
  it("Monday after the release: the due line asks today and names SOAP's end in both zones", () => {
    const email = emailAt(release + 3_600_000);
    // SOAP ends Thu 18 Mar 2027, 5:00 PM ET: 3:00 AM Friday in Dhaka.
    expect(email.text).toContain(
      "Tell us today; SOAP ends: Fri 19 Mar 2027, 3:00 AM GMT+6 (your time) / Thu 18 Mar 2027, 5:00 PM ET",
    );
    expect(email.html).toContain("Tell us today; SOAP ends");
    for (const part of [email.text, email.html]) expect(part).not.toMatch(/answer by/i);
  });

  it("Thursday, hours before SOAP ends: the hours left, still asked today", () => {
    const email = emailAt(Date.parse("2027-03-18T06:00:00Z"));
    expect(email.text).toMatch(/Tell us today; SOAP ends in \d+ hours: Fri 19 Mar 2027, 3:00 AM/);
    expect(email.text).not.toMatch(/answer (by|in)/i);
  });
});
