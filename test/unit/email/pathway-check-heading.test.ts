import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WARNING_NOTICE_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * The earlier-season Pathway certificate's check names the Pathways close in its heading as its Due
 * line does: in Manila the close (6:00 PM ET on Sat 26 Dec 2026, projected) is Sunday morning, so
 * the heading said "closes, Sat 26 Dec 2026" above "Check it by Sun 27 Dec 2026, 7:00 AM GMT+8",
 * and the subject said both, cut at "7:0…". Rafael: Manila, Pathway-certified in an
 * earlier season, on 1 Dec 2026 at his delivery slot.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/pathway-check-heading/pathway-certified-manila.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const LOCAL_AND_ET = "Sun 27 Dec 2026, 7:00 AM GMT+8 (Sat 26 Dec 2026, 6:00 PM ET) (projected)";

const emailIn = (timezone: string) => {
  const input = { ...snapshot, applicant: { ...snapshot.applicant, timezone } };
  const planned = plan(input, seasonCalendar(2027), new Date("2026-11-30T06:00:00Z"));
  const notice = planned.reminders.find((reminder) => reminder.rung === WARNING_NOTICE_RUNG);
  if (notice === undefined) throw new Error("no certificate check notice");
  const email = renderReminderEmail({
    recipientName: "Rafael Santos",
    reminders: [notice],
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone,
  });
  return { notice, email };
};

describe("the Pathway certificate check's heading names the close as its Due line does", () => {
  it("in Manila: the applicant's Sunday with the ET Saturday, once in the subject, never cut", () => {
    const { notice, email } = emailIn("Asia/Manila");
    expect(notice.title).toBe(
      `Check your ECFMG certificate's validity date against the 2027 residency start before Pathways closes, ${LOCAL_AND_ET}`,
    );
    expect(email.text).toContain(`1. ${notice.title}`);
    expect(email.text).toContain("Sun 27 Dec 2026, 7:00 AM GMT+8");
    expect(email.subject).toBe(notice.title);
    expect(email.subject).not.toContain("…");
  });

  it("in New York, where the days agree: the day alone", () => {
    const { notice } = emailIn("America/New_York");
    expect(notice.title).toMatch(/before Pathways closes, Sat 26 Dec 2026 \(projected\)$/);
  });

  it("in Auckland, the longest words for the instant: the subject still whole", () => {
    const { notice, email } = emailIn("Pacific/Auckland");
    expect(notice.title).toContain("Sun 27 Dec 2026, 12:00 PM GMT+13 (Sat 26 Dec 2026, 6:00 PM ET)");
    expect(email.subject).toBe(notice.title);
    expect(email.subject.length).toBeLessThanOrEqual(180);
  });
});
