import { describe, expect, it } from "vitest";
import { reminderDateLabel, sentReminderLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { failedStep2ckInput } from "./factories.ts";

/**
 * Rania, Casablanca (UTC+1), 2027 Match, everything to NRMP registration done but Step 2 CK, which
 * she sat on 2 Jan 2027 and failed with 210. On 9 Jan the Match holds only on NRMP's later candidate:
 * MATCH_YEAR_LAST_DAY's last day (the day to reapply to FSMB by) is counted down on Step 2 CK, whose
 * own last sitting day is three weeks later. Those rungs say "Act by" their day, as the risk does;
 * only the step's own rungs say "Due", and they count down to its deadline.
 */
function rania(now: string): Plan {
  const input = failedStep2ckInput({
    externalId: "retake-cmn",
    timezone: "Africa/Casablanca",
    sat: "2027-01-02",
    score: 210,
    programsPlanned: 50,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

const NOW = "2027-01-09T09:00:00Z";

describe("the last day that keeps the Match is counted down as a day to act by", () => {
  const result = rania(NOW);
  const step = result.nextSteps.find((one) => one.milestone === "usmle_step2ck");
  const onStep = result.reminders.filter(
    (each) => each.milestone === "usmle_step2ck" && each.risk === undefined,
  );
  const lastDay = result.risks.find((one) => one.code === "MATCH_YEAR_LAST_DAY");

  it("its rungs are the last-day ladder's, labelled 'Act by'", () => {
    const countdown = onStep.filter((each) => each.deadline !== step?.dueBy && each.rung !== "after-target");
    expect(lastDay?.message).toContain("act by");
    expect(countdown.map((each) => each.rung)).toEqual(["last-day-in-3d", "last-day-in-1d"]);
    for (const each of countdown) expect(reminderDateLabel(each).label).toBe("Act by");
  });

  it("its 1-day rung, under a day before it, says the time left: 'Act in 18 hours', never 'Act by in'", () => {
    const last = onStep.find((each) => each.rung === "last-day-in-1d");
    expect(last).toBeDefined();
    expect(sentReminderLabel(last as NonNullable<typeof last>, last?.sendAt ?? "").label).toBe(
      "Act in 18 hours",
    );
  });

  it("every rung of the step labelled 'Due' counts down to the step's own deadline", () => {
    const due = onStep.filter((each) => reminderDateLabel(each).label === "Due");
    expect(due.length).toBeGreaterThan(0);
    for (const each of due) expect(each.deadline).toBe(step?.dueBy);
  });

  it("the countdown's email says 'Act by' the last day, never 'Due'", () => {
    const email = groupIntoEmails(result.reminders).find((one) =>
      one.some((each) => each.rung === "last-day-in-3d"),
    );
    const rendered = renderReminderEmail({
      recipientName: "Rania Benali",
      reminders: email ?? [],
      plan: result,
      unsubscribeUrl: "https://api.example.org/u",
      timezone: "Africa/Casablanca",
    });
    expect(rendered.text).toMatch(/Act by: \w{3} 1\d Jan 2027/);
    expect(rendered.text).not.toMatch(/\bDue\b/);
  });
});
