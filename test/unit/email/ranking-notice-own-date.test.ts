import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * The H-1B-out-of-reach notice before ranking ("before you rank, ask each program about a later start
 * or a J-1") is laid against residency's start (dated by the deadline on the rank order list it would
 * be a second notice there for one deadline at one instant: one-notice-per-slot.test.ts). Riding the
 * list beside the list's own notice, it added that start to the list's date line: "Due: Thu 25 Feb
 * 2027 …; due by residency's start, Thu 1 Jul 2027", a rank list due in July. The line names the
 * list's own deadline only. Grace: Kampala, H-1B, list marked certified on a day still to come,
 * certificate issued, so the notice rides the list (test/fixtures/ranking-notice-dates/). It rides the
 * list only while Step 3 is no next step: here she graduated in Dec 2026, so FSMB's graduation check
 * (up to 12 weeks) passes the H-1B petition's sit-by day even with a visitor visa already held, and
 * Step 3 waits. A 2025 graduate with a visa held could still sit by that day, and the notice would
 * ride Step 3, a step it names.
 */
const FILE = new URL(
  "../../fixtures/ranking-notice-dates/h1b-list-dated-ahead-kampala.json",
  import.meta.url,
);
const grace: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const ROL_DAY = "Due: Thu 25 Feb 2027, 5:00 AM GMT+3 (your time) / Wed 24 Feb 2027, 9:00 PM ET";

/** The email of the reminders due at the plan's first send time, as the sender groups them. */
function firstEmail(now: string, snapshot = grace): { planned: Plan; text: string } {
  const planned = plan(snapshot, seasonCalendar(2027), new Date(now));
  const first = planned.reminders[0]?.sendAt;
  const reminders = planned.reminders.filter((each) => each.sendAt === first);
  const text = renderReminderEmail({
    recipientName: snapshot.applicant.fullName,
    reminders,
    plan: planned,
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
  }).text;
  return { planned, text };
}

/** Each numbered item's title and the date line under it. */
function dateLines(text: string): { title: string; line: string }[] {
  const lines = text.split("\n");
  return lines.flatMap((line, at) =>
    /^\d+\. /.test(line) ? [{ title: line, line: (lines[at + 1] ?? "").trim() }] : [],
  );
}

describe("the list dated ahead, in January, the certificate issued", () => {
  const certified = {
    ...grace,
    applicant: { ...grace.applicant, graduation: "2026-12-20" },
    milestones: grace.milestones.map((entry) =>
      entry.key === "ecfmg_certification" ? { ...entry, status: "done" as const, date: "2027-01-05" } : entry,
    ),
  };
  const { planned, text } = firstEmail("2027-01-16T06:00:00Z", certified);
  const list = dateLines(text).find(({ title }) =>
    title.startsWith("1. Your rank order list does not count"),
  );

  it("the start notice rides the list beside the list's own (the case under test)", () => {
    expect(planned.blocked.map((each) => each.milestone)).toContain("usmle_step3");
    const onList = planned.reminders.filter(
      (each) => each.milestone === "rank_order_list" && each.rung === "critical-risk",
    );
    expect(onList.map((each) => each.risk).sort()).toEqual([
      "ROL_BEFORE_RANKING_OPENS",
      "VISA_NOT_READY_FOR_START",
    ]);
    expect(text).toContain("before you rank, ask each program");
  });

  it("the rank order list's item names its deadline once, and nothing in July", () => {
    expect(list?.line.startsWith(ROL_DAY)).toBe(true);
    expect(list?.line).not.toMatch(/Jul 2027|residency's start/);
  });
});
