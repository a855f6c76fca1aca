import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * After Match Day a J-1 applicant with the contract (planned two weeks after Match Day) and the
 * Statement of Need (four weeks after) both behind is chased weekly on each up to residency's
 * start; one whose certificate is not issued yet is chased weekly on it too. Every weekly chase
 * falls on one weekday at one slot, so each week's chases are one email (reminders of one instant
 * are one email), never two or three on consecutive days.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
const NOW = new Date("2027-04-20T10:00:00Z");

/** The weekly chases: follow-ups of a step behind (visa-behind) or past its target, weekly. */
const weeklyChases = (reminders: readonly Reminder[]) =>
  reminders.filter((each) => each.rung === "visa-behind" || each.rung.startsWith("after-target"));

describe.each([
  { zone: "Africa/Accra", certificate: true },
  { zone: "Asia/Karachi", certificate: true },
  { zone: "America/Chicago", certificate: true },
  { zone: "Africa/Cairo", certificate: false },
])("J-1 chain behind after Match Day in $zone, certificate done: $certificate", ({ zone, certificate }) => {
  const extra = certificate ? [milestoneFactory("ecfmg_certification", "done", "2026-06-30")] : [];
  const result = plan(matched2027(zone, { visa: "J-1", extra }), calendar, NOW);
  const chases = weeklyChases(result.reminders);

  it("chases the contract and the Statement of Need (the certificate not issued counts down to the start's last day)", () => {
    const steps = new Set(chases.map((each) => each.milestone));
    expect(steps).toEqual(new Set(["contract", "j1_statement_of_need"]));
    // Not issued, the certificate is what the sponsorship file waits for, and the J-1 start's last
    // day (VISA_NOT_READY_FOR_START, Mon 3 May) is its due: its reminders count down to it.
    const own = result.reminders.filter((each) => each.milestone === "ecfmg_certification" && !each.risk);
    expect(own.length > 0).toBe(!certificate);
    for (const each of own) expect(each.deadlineDetail.local).toBe("Mon 3 May 2027");
  });

  it("sends one chase email a week: the steps chased at the same instants, 7 days apart", () => {
    const emails = groupIntoEmails(chases);
    expect(emails.length).toBeGreaterThan(4);
    const instants = emails.map((email) => Date.parse(email[0]?.sendAt ?? ""));
    for (let index = 1; index < instants.length; index++) {
      const gap = (instants[index] as number) - (instants[index - 1] as number);
      // A week, give or take a daylight-saving hour.
      expect(Math.abs(gap - 7 * DAY)).toBeLessThanOrEqual(3_600_000);
    }
    // Once the later step (the Statement of Need) is behind, each email carries both visa steps.
    const need = chases.filter((each) => each.milestone === "j1_statement_of_need");
    const needFrom = Math.min(...need.map((each) => Date.parse(each.sendAt)));
    for (const email of emails)
      if (Date.parse(email[0]?.sendAt ?? "") >= needFrom)
        expect(email.map((each) => each.milestone)).toEqual(
          expect.arrayContaining(["contract", "j1_statement_of_need"]),
        );
    // The certificate's weekly chase, while it lasts, rides in the same emails.
    for (const each of chases.filter((chase) => chase.milestone === "ecfmg_certification"))
      expect(instants).toContain(Date.parse(each.sendAt));
  });
});
