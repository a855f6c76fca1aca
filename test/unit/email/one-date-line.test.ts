import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * An email item standing for rungs with different dates gives one date line: the first thing to
 * do with its date, then each later date with what it is, never a second "Due" line. Youssef:
 * Casablanca, H-1B, certified and registered for the 2027 Match, Step 3 not started, signs up on
 * Sat 19 Dec 2026 in the evening, after Step 3's start-by day (the catalog's lead before its day for
 * the petition): his first email carries Step 3's critical notice, dated by the day to apply for
 * the visitor visa by (no rung of that day goes out with it), and Step 3's start-by rung, due on
 * its day for the petition.
 */
describe("one date line per email item", () => {
  const now = new Date("2026-12-19T21:00:00Z");
  const planned = plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "one-date-line",
        fullName: "Youssef Benali",
        timezone: "Africa/Casablanca",
        matchYear: 2027,
        graduation: "2024-06-30",
        visa: "H-1B",
      }),
      milestones: [
        ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
        milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
        milestoneFactory("usmle_step3", "not_started"),
      ],
    }),
    seasonCalendar(2027),
    now,
  );
  const first = groupIntoEmails(planned.reminders)[0] ?? [];
  const email = renderReminderEmail({
    recipientName: "Youssef Benali",
    reminders: first,
    plan: planned,
    unsubscribeUrl: "https://api.example.org/u",
    timezone: "Africa/Casablanca",
  });
  const lines = email.text.split("\n");
  const title = lines.findIndex((line) => line.includes("Ranking on H-1B"));
  const why = lines.findIndex((line, index) => index > title && line.startsWith("   Why it matters"));
  const item = lines.slice(title + 1, why);

  it("the first email carries Step 3's notice and its start-by rung, with two dates", () => {
    const step3 = first.filter((reminder) => reminder.milestone === "usmle_step3").map((r) => r.rung);
    expect(step3.sort()).toEqual(["critical-risk", "start-by"]);
    expect(title).toBeGreaterThan(0);
  });

  it("says both on one line: the visitor visa's day first, then Step 3's day", () => {
    expect(item).toEqual([
      "   Apply for your B-1/B-2 visitor visa by: Mon 11 Jan 2027 (our advice, not set by any authority); due Fri 19 Mar 2027 (our advice)",
    ]);
    expect(email.html).toContain(
      "Apply for your B-1/B-2 visitor visa by <strong>Mon 11 Jan 2027</strong>; due Fri 19 Mar 2027 (our advice)",
    );
    expect(email.text).not.toMatch(/^ {3}(Start now, due|Due): /m);
  });

  it("the plan's REMINDERS table gives the notice the words its email does", () => {
    const row = renderPlan(planned, "Youssef Benali", "Africa/Casablanca")
      .split("\n")
      .find((line) => line.includes("critical-risk (+start-by)"));
    expect(row).toMatch(/Apply for your B-1\/B-2 visitor visa by +Mon 11 Jan 2027/);
  });
});
