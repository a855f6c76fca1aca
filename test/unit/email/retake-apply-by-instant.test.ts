import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { failedStep2ckInput } from "../domain/factories.ts";

/**
 * Deniz, Istanbul (UTC+3), 2027 Match, everything to NRMP registration done but Step 2 CK, which she
 * sat on 3 Jan 2027 and failed with 209. Her last sitting day is Wed 27 Jan 2027 (the projected rank
 * order list deadline less 28 days for the result); the day to reapply to FSMB is three weeks before
 * it, counted back from the deadline's 9:00 PM ET: Wed 6 Jan 2027, 9:00 PM ET, which is 5:00 AM on
 * Thu 7 Jan in Istanbul. One instant, with its hour, in the risk, the notice and the rungs alike;
 * the notice's two dates each say what they are.
 */
function deniz(now: string): Plan {
  const input = failedStep2ckInput({
    externalId: "retake-ist",
    timezone: "Europe/Istanbul",
    sat: "2027-01-03",
    score: 209,
    programsPlanned: 70,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

const NOW = "2027-01-05T06:00:00Z";
const INSTANT = "Thu 7 Jan 2027, 5:00 AM GMT+3 (Wed 6 Jan 2027, 9:00 PM ET)";

describe("a retake's day to reapply is one instant, said with its hour everywhere", () => {
  it("the risk names the instant in both zones, and its action says 'by then'", () => {
    const message = plannedRisk(deniz(NOW));
    expect(message).toContain(
      `The 2027 Match is still within reach if you act by ${INSTANT} (our advice): apply to FSMB for USMLE Step 2 CK by then; after then,`,
    );
    expect(message).not.toContain("Wed 6 Jan 2027 (our advice)");
  });

  it("the notice and the countdown's rungs are due at that instant, not a whole day", () => {
    const result = deniz(NOW);
    const lastDay = result.reminders.filter(
      (each) => each.milestone === "usmle_step2ck" && each.deadline === "2027-01-07T02:00:00.000Z",
    );
    expect(lastDay.map((each) => each.rung)).toEqual(["critical-risk", "last-day-in-1d"]);
    for (const each of lastDay) {
      expect(each.deadlineDetail).toMatchObject({
        local: "Thu 7 Jan 2027, 5:00 AM GMT+3",
        et: "Wed 6 Jan 2027, 9:00 PM ET",
        basis: "advice",
      });
      expect(each.deadlineDetail.precision).toBeUndefined();
    }
  });

  it("the email's subject and first date give the instant; the folded score notice's date reads as the day to sit by", () => {
    const result = deniz(NOW);
    const first = groupIntoEmails(result.reminders)[0] ?? [];
    const email = renderReminderEmail({
      recipientName: "Deniz Aydın",
      reminders: first,
      plan: result,
      unsubscribeUrl: "https://api.example.org/u",
      timezone: "Europe/Istanbul",
    });
    // The notice is dated by the last day to act, as that day's own rungs are labelled.
    expect(email.subject).toMatch(/act by Thu 7 Jan 2027, 5:00 AM GMT\+3$/);
    expect(email.text).toContain(
      "Act by: Thu 7 Jan 2027, 5:00 AM GMT+3 (your time) / Wed 6 Jan 2027, 9:00 PM ET (our advice, not set by any authority); sit it by Wed 27 Jan 2027 (our advice)",
    );
    expect(email.text).not.toContain("Due: Wed 27 Jan 2027");
  });

  it("in its last 24 hours the instant keeps its hour, with its day word", () => {
    const message = plannedRisk(deniz("2027-01-06T12:00:00Z"));
    expect(message).toContain(
      `act tonight, by ${INSTANT} (our advice): apply to FSMB for USMLE Step 2 CK tonight`,
    );
  });
});

function plannedRisk(result: Plan): string {
  return result.risks.find((one) => one.code === "MATCH_YEAR_LAST_DAY")?.message ?? "";
}
