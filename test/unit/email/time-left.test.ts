import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { timeLeftWords } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * The `due-in-1d` rung goes out hours before a deadline when the applicant arrives
 * late, and the email's date alone ("Tue 1 Dec") reads as tomorrow when it is tonight. The email
 * says the hours left; the rung and its id stay.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string, timezone?: string): ApplicantSnapshot => {
  const raw = JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8"));
  if (timezone !== undefined) raw.applicant.timezone = timezone;
  return ApplicantSnapshotSchema.parse(raw);
};
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
/** The email the wake-up at the plan's first send time would send. */
function firstEmail(result: Plan, weeklySummaryDay?: string) {
  const first = result.reminders[0];
  if (first === undefined) throw new Error("no reminder");
  const reminders = result.reminders.filter((r) => r.sendAt === first.sendAt);
  const email = renderReminderEmail({
    recipientName: "Chiamaka Okafor",
    reminders,
    plan: result,
    unsubscribeUrl: "https://api.example.org/u",
    ...(weeklySummaryDay === undefined ? {} : { weeklySummaryDay }),
  });
  return { first, email };
}

describe("the time a deadline leaves, in words", () => {
  const deadline = "2026-12-01T04:59:00.000Z";
  it.each([
    ["2026-11-30T21:30:00.000Z", "in 7 hours"],
    ["2026-11-30T23:30:00.000Z", "in 5 hours"],
    ["2026-12-01T03:59:00.000Z", "in 1 hour"],
    ["2026-12-01T04:00:00.000Z", "in 59 minutes"],
    ["2026-12-01T04:58:30.000Z", "in 1 minute"],
    ["2026-11-30T05:00:00.000Z", "in 23 hours"],
  ])("sent at %s: %s (rounded down, never more time than there is)", (at, words) => {
    expect(timeLeftWords(deadline, at)).toBe(words);
  });

  // "in 1 hour" with 1 h 59 min left halves the time; under 2 hours the
  // minutes are said too (still rounded down).
  it.each([
    ["2026-12-01T03:00:00.000Z", "in 1 hour 59 minutes"],
    ["2026-12-01T03:29:00.000Z", "in 1 hour 30 minutes"],
    ["2026-12-01T03:58:00.000Z", "in 1 hour 1 minute"],
    ["2026-12-01T02:59:00.000Z", "in 2 hours"],
  ])("sent at %s, under 2 hours before: %s", (at, words) => {
    expect(timeLeftWords(deadline, at)).toBe(words);
  });

  it.each([
    ["a day or more left (the date says it)", "2026-11-30T04:59:00.000Z"],
    ["the deadline passed", "2026-12-01T05:00:00.000Z"],
  ])("says nothing with %s", (_, at) => {
    expect(timeLeftWords(deadline, at)).toBeUndefined();
  });
});

describe("a reminder email sent hours before its deadline", () => {
  const lagos = load("late-arrival-lagos-2027.json");

  it.each([
    ["22:30 in Lagos", "2026-11-30T21:30:00Z", "7 hours"],
    ["00:30 in Lagos, inside quiet hours", "2026-11-30T23:30:00Z", "5 hours"],
  ])("at %s says how many hours the NRMP early deadline leaves, not just 'Tue 1 Dec'", (_, now, hours) => {
    const result = planAt(lagos, now);
    const { first, email } = firstEmail(result);
    expect(first.milestone).toBe("nrmp_registration");
    expect(first.rung).toBe("due-in-1d");
    // The interview at 09:00 the next morning joins it: its end of quiet hours would leave under 12
    // hours, so the subject may add "(+1 more)". Interviewing without having reported NRMP
    // registration, she is asked, not told: the reminder's title is the question.
    expect(email.subject).toMatch(
      new RegExp(
        `^Registered with NRMP\\? If not, register in R3 now: due in ${hours}, Tue 1 Dec 2026, 5:59 AM GMT\\+1( \\(\\+1 more\\))?$`,
      ),
    );
    expect(email.text).toContain(
      `Due in ${hours}: Tue 1 Dec 2026, 5:59 AM GMT+1 (your time) / Mon 30 Nov 2026, 11:59 PM ET`,
    );
    expect(email.html).toContain(`Due in ${hours}`);
  });

  it("keeps the rung's id: the words change, not the reminder", () => {
    const early = planAt(lagos, "2026-11-29T12:00:00Z").reminders.find(
      (r) => r.milestone === "nrmp_registration" && r.rung === "due-in-1d",
    );
    const late = firstEmail(planAt(lagos, "2026-11-30T21:30:00Z")).first;
    expect(late.id).toBe(early?.id);
  });

  it("says 'in 1 hour' for SOAP preparation on Monday 09:00 in New York, an hour before 10:00 AM ET", () => {
    const result = planAt(load("rank-list-certified-2027.json", "America/New_York"), "2027-03-15T13:00:00Z");
    const { first, email } = firstEmail(result);
    expect(first.milestone).toBe("soap");
    // SOAP is NRMP's event, not a deadline: the time left without "Due".
    expect(email.text).toContain("In 1 hour: Mon 15 Mar 2027, 10:00 AM EDT (your time)");
    expect(email.text).not.toContain("Due in 1 hour");
  });

  it("keeps the plain 'Due' with a day or more left, and in a weekly summary (its items come on later days)", () => {
    const days = firstEmail(planAt(lagos, "2026-11-20T12:00:00Z")).email;
    expect(days.text).toMatch(/\n {3}Due: /);
    expect(days.text).not.toMatch(/Due in \d/);
    const weekly = firstEmail(planAt(lagos, "2026-11-30T21:30:00Z"), "Monday").email;
    expect(weekly.text).not.toMatch(/[Dd]ue in \d/);
  });
});
