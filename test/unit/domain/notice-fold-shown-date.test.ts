import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * Two critical notices on one step at one instant showing one date are one email item, though laid
 * against different season dates: Kwame (Accra, H-1B, certificate issued, Step 3 not started) can
 * still sit Step 3 by the petition's day only with a visitor visa already held, so Step 3 is a next
 * step. STEP3_NEEDED_FOR_H1B's notice rides it, laid against the rank order list deadline, and so does
 * VISA_NOT_READY_FOR_START's "before ranking" notice, laid against residency's start but dated by that
 * deadline (carrierDate). Both showed the deadline at one instant; now Step 3's own leads and carries
 * the visa's (Reminder.folded), FSMB's figures said once.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-step3-abroad-accra.json", import.meta.url);
const kwame = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const ROL_DEADLINE = "2027-02-25T02:00:00.000Z"; // Wed 24 Feb, 9:00 PM ET
/** Written out (not imported), so the test checks the words applicants read. */
const STEP3_TITLE = "Ranking on H-1B for the 2027 Match is most likely out of reach: rank J-1 programs too";
const VISA_TITLE = "If you match with an H-1B program, the H-1B likely cannot be ready by your start";
const BOTH_FIGURES = "FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks";

describe("Step 3 abroad before ranking: the visa's notice folds into Step 3's, the same date shown", () => {
  // Far from the deadline the notices go at the next delivery slot (09:00 in Accra); on its eve,
  // with under a day left then, at once.
  it.each([
    ["2027-01-20T08:00:00.000Z", "2027-01-20T09:00:00.000Z"],
    ["2027-02-10T08:00:00.000Z", "2027-02-10T09:00:00.000Z"],
    ["2027-02-24T08:00:00.000Z", "2027-02-24T08:00:00.000Z"],
  ])("at %s (sent %s)", (now, sent) => {
    // Prepare, Act
    const planned = plan(kwame, seasonCalendar(2027), new Date(now));
    const critical = planned.risks.filter((each) => each.severity === "critical");
    const atNow = planned.reminders.filter((each) => each.sendAt === sent && each.risk !== undefined);
    // Assess: both risks stand and are noticed on Step 3 (the case under test) ...
    expect(critical.map((each) => [each.code, each.noticeOn])).toEqual([
      ["STEP3_NEEDED_FOR_H1B", "usmle_step3"],
      ["VISA_NOT_READY_FOR_START", "usmle_step3"],
    ]);
    // ... one notice shows the deadline, Step 3's own, carrying the visa's with its own id.
    expect(atNow.map((each) => [each.milestone, each.risk, each.deadline])).toEqual([
      ["usmle_step3", "STEP3_NEEDED_FOR_H1B", ROL_DEADLINE],
    ]);
    const lead = atNow[0];
    expect(lead?.title).toBe(STEP3_TITLE);
    expect(lead?.folded?.map((each) => each.risk)).toEqual(["VISA_NOT_READY_FOR_START"]);
    expect(lead?.folded?.[0]?.id).toMatch(/^r-/);
    expect(lead?.folded?.[0]?.id).not.toBe(lead?.id);
    expect(lead?.why).toContain(`Also: ${VISA_TITLE}`);
    expect(lead?.why.split(BOTH_FIGURES).length).toBe(2);
    // The email: one item for both, the visa's words once.
    const text = renderReminderEmail({
      recipientName: kwame.applicant.fullName,
      reminders: atNow,
      plan: planned,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    }).text;
    const items = text.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(items).toEqual([`1. ${STEP3_TITLE}`]);
    expect(text.split(`Also: ${VISA_TITLE}`).length - 1).toBe(1);
    // The day to apply to FSMB by, which Step 3's card words apart ("so apply now"), is emailed too.
    expect(lead?.why).toContain("so apply now, by Fri 26 Feb 2027 at the latest");
    expect(text).toContain("so apply now, by Fri 26 Feb 2027 at the latest");
  });
});
