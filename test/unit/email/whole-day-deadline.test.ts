import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * A day is a day. The later-candidate notice for Karki (OET booked
 * for 23 Jan, in reach only if NRMP's deadline is the later candidate) named her last sitting day,
 * a day the plan counts, as "Tue 12 Jan 2027, 11:59 PM GMT+5:45 (your time) / 1:14 PM ET" in its
 * subject and item, then "Due: Tue 12 Jan 2027." again below it; the certificate risk for a June
 * graduate in Cairo said "around Wed 4 Aug 2027, 12:00 AM GMT+3 (Tue 3 Aug 2027, 5:00 PM ET)".
 * Both are the applicant's calendar days, with no hour, and an item gives its day once.
 */
const DIR = fileURLToPath(new URL("../../fixtures/advisor-review-2027/", import.meta.url));
const planOf = (file: string, now: Date): Plan => {
  const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(`${DIR}${file}`, "utf8")),
  );
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), now);
};
const INVENTED_HOUR = /\d{1,2}:\d\d [AP]M/;

describe("a whole-day deadline is the applicant's day", () => {
  it("Karki's later-candidate notice, 10 Jan 2027: subject and item say Tue 12 Jan 2027 once, no hour", () => {
    const now = new Date("2027-01-10T09:00:00+05:45");
    const planned = planOf("pathway-oet-late-kathmandu.json", now);
    const notice = planned.reminders.find((reminder) => reminder.risk === "MATCH_YEAR_LAST_DAY");
    expect(notice?.deadlineDetail.local).toBe("Tue 12 Jan 2027");
    const due = planned.reminders.filter((reminder) => Date.parse(reminder.sendAt) === now.getTime());
    expect(due.map((reminder) => reminder.risk ?? reminder.rung)).toContain("MATCH_YEAR_LAST_DAY");
    const email = renderReminderEmail({
      recipientName: "Sushma",
      reminders: due,
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toContain("later than projected: act now: due Tue 12 Jan 2027");
    expect(email.subject).not.toMatch(INVENTED_HOUR);
    const item =
      email.text.split("\n\n").find((block) => block.includes("later than projected: act now")) ?? "";
    const dueLines = item.split("\n").filter((line) => line.trim().startsWith("Due"));
    expect(dueLines).toHaveLength(1);
    expect(dueLines[0]).toContain("Tue 12 Jan 2027");
    expect(dueLines[0]).not.toMatch(INVENTED_HOUR);
  });

  it("the June graduate's certificate risk names days: around Wed 4 Aug 2027, after Wed 16 Jun 2027", () => {
    const planned = planOf(
      "final-year-student-graduates-june-cairo.json",
      new Date("2026-12-04T10:00:00+02:00"),
    );
    const risk = planned.risks.find((each) => each.code === "CERTIFICATION_AFTER_START");
    expect(risk?.message).toContain(
      "ECFMG certification can complete around Wed 4 Aug 2027 at the earliest, after Wed 16 Jun 2027, when you need the certificate for orientation",
    );
    const dates = risk?.message.split(" (residency starts on")[0] ?? "";
    expect(dates).not.toMatch(INVENTED_HOUR);
    // The day it is needed is the certificate's row, as the plan shows it.
    const row = [...planned.nextSteps, ...planned.blocked].find(
      (step) => step.milestone === "ecfmg_certification",
    );
    expect(row?.deadline?.local).toBe("Wed 16 Jun 2027");
  });
});
