import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * The H-1B-out-of-reach notice before ranking ("before you rank, ask each program about a later start
 * or a J-1") rides on the rank order list or the certificate. It was laid against residency's start
 * there, so the list's item read "Due: Thu 25 Feb 2027 …; due by residency's start, Thu 1 Jul 2027"
 * and the certificate's "Due: by residency's start": a rank list is never due in July, and the
 * notice asks for the programs' answer before ranking ends. Each item's date line now names the
 * rank order list deadline, the day the notice asks by. Grace: Kampala, H-1B, list marked certified
 * on a day still to come, certificate in progress (issued, in the last case) (test/fixtures/ranking-notice-dates/).
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

describe.each(["2027-01-16T06:00:00Z", "2027-02-15T06:00:00Z"])("the ranking notice's items at %s", (now) => {
  const { planned, text } = firstEmail(now);
  const items = dateLines(text);

  it("the email carries the notice (the case under test)", () => {
    expect(planned.reminders.some((each) => each.rung === "critical-risk")).toBe(true);
    expect(items.some(({ title }) => title.includes("before you rank, ask each program"))).toBe(true);
  });

  it("no item's date line names residency's start", () => {
    for (const { line } of items) expect(line).not.toContain("residency's start");
  });

  it("the notice's item is due by the rank order list deadline", () => {
    const notice = items.find(({ title }) => title.includes("before you rank, ask each program"));
    expect(notice?.line.startsWith(ROL_DAY)).toBe(true);
  });
});

describe("the list dated ahead, in January, the certificate issued", () => {
  // With nothing before it open, the notice rides on the rank order list itself.
  const certified = {
    ...grace,
    milestones: grace.milestones.map((entry) =>
      entry.key === "ecfmg_certification" ? { ...entry, status: "done" as const, date: "2026-12-01" } : entry,
    ),
  };

  it("the rank order list's item names its deadline once, and nothing in July", () => {
    const { planned, text } = firstEmail("2027-01-16T06:00:00Z", certified);
    const onList = planned.reminders.filter(
      (each) => each.milestone === "rank_order_list" && each.rung === "critical-risk",
    );
    expect(onList.length).toBeGreaterThan(1);
    const list = dateLines(text).find(({ title }) =>
      title.startsWith("1. Your rank order list does not count"),
    );
    expect(list?.line.startsWith(ROL_DAY)).toBe(true);
    expect(list?.line).not.toMatch(/Jul 2027/);
  });
});
