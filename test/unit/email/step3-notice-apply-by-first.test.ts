import { describe, expect, it } from "vitest";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * An H-1B applicant abroad whose Step 3 is dated for the petition after the Match (Fri 19 Mar
 * 2027): the STEP3_NEEDED_FOR_H1B notice's item opens with the first thing to do, the day to apply
 * for the visitor visa by (Mon 11 Jan 2027: FSMB runs beside it), labelled as that day, with one due
 * after it, never "Due" the rank order list deadline first. Ana: Manila, certified, registered, Step 3 not started.
 */
describe("the Step 3 notice abroad on H-1B, the petition's day in reach", () => {
  const now = new Date("2026-12-23T01:00:00Z");
  const planned = plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "notice-apply-by-first",
        timezone: "Asia/Manila",
        matchYear: 2027,
        graduation: "2024-05-31",
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
  const step3 = planned.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
  const notice = step3.find((reminder) => reminder.rung === CRITICAL_RISK_RUNG);
  const applyBy = step3.find((reminder) => reminder.rung.startsWith("visa-by-in"));

  it("dates the notice by the day to apply for the visitor visa by", () => {
    expect(notice?.risk).toBe("STEP3_NEEDED_FOR_H1B");
    expect(notice?.deadline).toBe(applyBy?.deadline);
    expect(notice?.deadlineDetail.day).toBe("2027-01-11");
  });

  it("opens its item with 'Apply for your B-1/B-2 visitor visa by', one due after it", () => {
    if (notice === undefined || applyBy === undefined) throw new Error("no notice or apply-by rung");
    const email = renderReminderEmail({
      recipientName: "Ana",
      reminders: step3.filter((reminder) => reminder.sendAt === notice.sendAt || reminder === applyBy),
      plan: planned,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_ana",
        feedGeneration: 0,
        now,
      }),
      unsubscribeUrl: "https://api.example.org/u",
    });
    expect(email.subject).toContain("apply for your B-1/B-2 visitor visa by Mon 11 Jan 2027");
    const lines = email.text.split("\n");
    const title = lines.findIndex((line) => line.includes("Ranking on H-1B"));
    expect(lines[title + 1]).toMatch(/^ {3}Apply for your B-1\/B-2 visitor visa by: Mon 11 Jan 2027/);
    const why = lines.findIndex((line, index) => index > title && line.startsWith("   Why it matters"));
    const item = lines.slice(title + 1, why).join(" ");
    expect(item).not.toContain("Thu 25 Feb 2027");
    expect(item.match(/\bdue\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
