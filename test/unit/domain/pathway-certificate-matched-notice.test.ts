import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * After Match Day, PATHWAY_CERTIFICATE_MAY_EXPIRE asked a
 * matched applicant to check the certificate's validity date against the residency start, but no
 * email carried it: its notice was dated by the Pathways close, which had passed by Match Day. Once
 * matched, the warning is emailed as warnings are (one notice when it appears, one more 14 days before
 * its date unless that falls within a week of the first, which then tells it alone), dated before the first step after the Match that needs a valid certificate: ECFMG's J-1
 * sponsorship, or the program's filing of the H-1B petition. Its ids are the matched check's own, so a notice sent
 * before the Match does not stand for it.
 * Farhana: Dhaka, J-1; Usman: Lahore, H-1B; both certified through a Pathway accepted in October 2025
 * (before the 2027 Match's Pathways season) and matched on 19 Mar 2027.
 */
const DIR = fileURLToPath(new URL("../../fixtures/after-the-match/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
const J1 = snapshotOf("pathway-certificate-matched-j1-dhaka.json");
const H1B = snapshotOf("pathway-certificate-matched-h1b-lahore.json");
const calendar = seasonCalendar(2027);
const planAt = (snapshot: ApplicantSnapshot, now: string, remindersSent?: Record<string, string>): Plan =>
  plan({ ...snapshot, ...(remindersSent ? { remindersSent } : {}) }, calendar, new Date(now));
const noticesOf = (planned: Plan): Reminder[] =>
  planned.reminders.filter((reminder) => reminder.risk === "PATHWAY_CERTIFICATE_MAY_EXPIRE");

describe("the Pathway certificate's check reaches a matched applicant by email", () => {
  // The day after Match Day: the sponsorship's date (Mon 5 Apr) is 16 days away.
  const now = "2027-03-20T20:00:00+06:00";
  const planned = planAt(J1, now);
  const notices = noticesOf(planned);

  // The first at the next delivery slot (09:00): a catch-up, not a late arrival sent at once (8 PM).
  it("J-1: one notice at the next delivery slot, on the certificate's step: the one 14 days before the sponsorship date would repeat it a day later", () => {
    expect(planned.risks.map((risk) => risk.code)).toContain("PATHWAY_CERTIFICATE_MAY_EXPIRE");
    const sponsorship = planned.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
    expect(sponsorship?.deadline?.local).toBe("Mon 5 Apr 2027");
    expect(notices.map((notice) => [notice.sendAtLocal, notice.deadlineDetail.local])).toEqual([
      // 14 days before Mon 5 Apr, whose end is Dhaka's midnight (before ET's), is Mon 22 Mar: the
      // same title and text a day after this one (sent on 21 and 22 Mar), so none then.
      ["2027-03-21T09:00:00.000+06:00", "Mon 5 Apr 2027"],
    ]);
    for (const notice of notices) {
      expect(notice.milestone).toBe("ecfmg_certification");
      expect(notice.rung).toBe("warning-notice");
      expect(notice.title).toBe(
        "Check your ECFMG certificate's validity date against your residency start before you apply for ECFMG's J-1 sponsorship",
      );
      expect(notice.why).toContain("You matched, and you can start residency only with a valid certificate.");
    }
  });

  it("its email names the one date, the sponsorship's", () => {
    const email = renderReminderEmail({
      recipientName: "Farhana Rahman",
      reminders: notices.slice(0, 1),
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toBe(
      "Check your ECFMG certificate's validity date against your residency start before you apply for ECFMG's J-1 sponsorship: check it by Mon 5 Apr 2027",
    );
    // The date is the check's, on a certificate done long before: never "Due".
    expect(email.text).toContain("   Check it by: Mon 5 Apr 2027 (our advice, not set by any authority)");
    expect(email.text).not.toContain("Due:");
    expect(email.text).toContain(
      "Check by Mon 5 Apr 2027 (our advice), before you apply for ECFMG's J-1 sponsorship, which needs a valid certificate, the validity date ECFMG recorded for your certificate",
    );
  });

  it("a notice sent before the Match (by the Pathways close) does not stand for the matched one", () => {
    // Before the Match: the same applicant with no Match outcome recorded yet.
    const unmatched = {
      ...J1,
      milestones: J1.milestones.filter((entry) => !["match_week", "soap", "match_day"].includes(entry.key)),
    };
    const before = noticesOf(planAt(unmatched, "2026-12-04T20:00:00+06:00"));
    expect(before[0]?.title).toContain("before Pathways closes");
    expect(before.length).toBeGreaterThan(0);
    const sent = Object.fromEntries(before.map((notice) => [notice.id, notice.sendAt]));
    const after = noticesOf(planAt(J1, now, sent));
    expect(after.map((notice) => notice.id)).toEqual(notices.map((notice) => notice.id));
    for (const notice of after) expect(Object.keys(sent)).not.toContain(notice.id);
  });

  it("once the sponsorship's date has passed, the check is due before residency starts", () => {
    const late = noticesOf(planAt(J1, "2027-04-20T20:00:00+06:00"));
    // Two notices, weeks apart: at once and 14 days before the start (17 Jun).
    expect(late.map((notice) => [notice.sendAtLocal.slice(0, 10), notice.deadlineDetail.at])).toEqual([
      ["2027-04-21", calendar.dates.residency_start.iso],
      ["2027-06-17", calendar.dates.residency_start.iso],
    ]);
    const email = renderReminderEmail({
      recipientName: "Farhana Rahman",
      reminders: late.slice(0, 1),
      plan: planAt(J1, "2027-04-20T20:00:00+06:00"),
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    // A date that already says "by": "Check it: by residency's start", never "by by".
    expect(email.text).toMatch(/^ {3}Check it: by residency's start, Thu 1 Jul 2027/m);
    expect(late[0]?.title).toBe(
      "Check your ECFMG certificate's validity date against your residency start before it comes",
    );
    // From residency's start the warning is gone, and so are its notices.
    expect(noticesOf(planAt(J1, "2027-07-02T10:00:00+06:00"))).toEqual([]);
  });

  // The program needs the certificate to file the petition, not by the petition's date (the
  // approval in hand 60 days before the stamping, Fri 16 Apr 2027): the check was dated to the approval.
  it("H-1B: dated to the petition's filing, as soon as the contract is signed, not to its approval", () => {
    const planned = planAt(H1B, "2027-03-25T20:00:00+05:00");
    const h1b = noticesOf(planned);
    expect(h1b.map((notice) => notice.title)).toEqual([
      "Check your ECFMG certificate's validity date against your residency start before your program files your H-1B petition",
    ]);
    expect(h1b[0]?.sendAtLocal).toBe("2027-03-26T09:00:00.000+05:00");
    // The contract's date (two weeks after Match Day, advice: its target), before the petition's own.
    const contract = planned.nextSteps.find((step) => step.milestone === "contract");
    expect(h1b[0]?.deadlineDetail.local).toBe("Fri 2 Apr 2027");
    expect(h1b[0]?.deadlineDetail.at).toBe(contract?.target?.at);
    expect(h1b[0]?.deadlineDetail.basis).toBe("advice");
    expect(h1b[0]?.deadlineDetail.source).toMatch(
      /^the H-1B petition's filing, with your certificate: the contract's date/,
    );
    const petition = planned.blocked.find((step) => step.milestone === "visa_h1b");
    expect(petition?.deadline?.local).toBe("Fri 16 Apr 2027");
  });

  // The notice read "Check it by Fri 2 Apr 2027" while the warning it carries named only the
  // residency start: one date, and the text says it and why it comes before the start.
  it("H-1B: the warning's text names the date its notice gives, the contract's, and why", () => {
    const planned = planAt(H1B, "2027-03-25T20:00:00+05:00");
    const risk = planned.risks.find((entry) => entry.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
    expect(risk?.message).toContain(
      "Check by Fri 2 Apr 2027 (our advice), before your program files your H-1B petition, which it does once your contract is signed, the validity date ECFMG recorded for your certificate (in MyIntealth) against your residency start, Thu 1 Jul 2027",
    );
    expect(noticesOf(planned)[0]?.why).toBe(risk?.message);
    // Once that day has passed, the notice is due by the start and the text names no other day.
    const late = planAt(H1B, "2027-04-05T20:00:00+05:00");
    const lateRisk = late.risks.find((entry) => entry.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
    expect(lateRisk?.message).toContain("Check the validity date ECFMG recorded for your certificate");
    expect(lateRisk?.message).not.toContain("Check by");
  });

  it("H-1B: once the filing's date has passed, the check is due before residency starts", () => {
    const late = noticesOf(planAt(H1B, "2027-04-05T20:00:00+05:00"));
    expect(late[0]?.deadlineDetail.at).toBe(calendar.dates.residency_start.iso);
    expect(late[0]?.title).toBe(
      "Check your ECFMG certificate's validity date against your residency start before it comes",
    );
  });
});
