import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { comingEmailsHtml } from "#pages/timeline-sections.ts";

/**
 * After a visa step's date (our advice) passed, its visa-behind chase counts down to residency's
 * start, and one email gives one date per step in its subject, its item, "Your next steps" and the
 * timeline's next emails. A step of ours says "Overdue since <the day it missed>" (the Statement of
 * Need); the program's contract, whose signing window the program sets, says "Sign and return it by
 * residency's start", the date its why names too, with our date named as this plan's allowance only.
 * Kofi: Accra (UTC all year), J-1, matched on 19 Mar 2027, certificate issued, contract and Statement
 * of Need not done.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/after-the-match/contract-overdue-j1-accra.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const calendar = seasonCalendar(2027);
const planAt = (now: string, remindersSent?: Record<string, string>): Plan =>
  plan({ ...snapshot, ...(remindersSent ? { remindersSent } : {}) }, calendar, new Date(now));

// Tue 4 May 2027: the critical VISA_NOT_READY_FOR_START notice (and any other notice laid at once)
// goes out (recorded sent), the warning's at the next slot; Thu 13 May 09:00 (Accra = UTC) is a weekly chase slot
// of both steps behind (counted back in weeks from the start's two-week notice, Thu 17 Jun).
const FIRST = "2027-05-04T09:30:00.000Z";
const atOnce = planAt(FIRST).reminders.filter((reminder) => reminder.sendAt === FIRST);
const notice = atOnce.find((reminder) => reminder.rung === "critical-risk");
// The certificate check's warning notice, a catch-up, goes at the next delivery slot (Wed 5 May
// 09:00), not at once: it is recorded sent there too, as the critical notice is at once.
const FIRST_SLOT = "2027-05-05T09:00:00.000Z";
const sent = Object.fromEntries(
  planAt(FIRST)
    .reminders.filter((reminder) => Date.parse(reminder.sendAt) <= Date.parse(FIRST_SLOT))
    .map((reminder) => [reminder.id, reminder.sendAt]),
);
const SLOT = "2027-05-13T09:00:00.000Z";
const planned = planAt(SLOT, sent);
const atSlot = planned.reminders.filter((reminder) => reminder.sendAt === SLOT);
const contract = atSlot.find((reminder) => reminder.milestone === "contract");

function email(reminders: readonly Reminder[]) {
  return renderReminderEmail({
    recipientName: "Kofi Mensah",
    reminders,
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

/** The plain-text item whose title is `title`, up to the blank line after it. */
function itemBlock(text: string, title: string): string {
  return text.split("\n\n").find((block) => /^\d+\. /.test(block) && block.includes(title)) ?? "";
}

describe("a visa step's chase gives one date: the day it missed, or the start for the contract", () => {
  it("the contract's chase counts down to the start, with no overdue date, and keeps its delivery", () => {
    expect(notice).toBeDefined();
    expect(contract?.rung).toBe("visa-behind");
    expect(contract?.overdueSince).toBeUndefined();
    expect(contract?.deadlineDetail?.local).toBe("by residency's start, Thu 1 Jul 2027");
    // Delivery: never after the instant it counts down to (residency's start), which it keeps.
    expect(contract?.deadline).toBe(calendar.dates.residency_start.iso);
    expect(Date.parse(contract?.sendAt ?? "")).toBeLessThan(Date.parse(contract?.deadline ?? ""));
    // Deterministic: the same chase planned a week earlier has the same id for this slot.
    const earlier = planAt("2027-05-07T10:00:00.000Z", sent).reminders.find(
      (reminder) => reminder.sendAt === SLOT && reminder.milestone === "contract",
    );
    expect(earlier?.id).toBe(contract?.id);
  });

  it("the contract's subject, item and why name the start, our date only as this plan's allowance", () => {
    const alone = contract === undefined ? [] : [contract];
    expect(email(alone).subject).toMatch(
      /^Sign your program's contract: sign and return it by residency's start, Thu 1 Jul 2027/,
    );
    // With the Statement of Need, overdue by the chain's own allowances, that step leads the email.
    const rendered = email(atSlot);
    expect(rendered.subject).toMatch(/^Get your Statement of Need .*: overdue since Mon 5 Apr 2027/);
    expect(rendered.subject).not.toContain("2 Apr");
    const item = itemBlock(rendered.text, "Sign your program's contract");
    expect(item).toContain("   Sign and return it: by residency's start, Thu 1 Jul 2027");
    expect(item).toContain("this plan allowed until Fri 2 Apr 2027 (our advice");
    expect(item).toContain("programs set their own signing window");
    expect(item).toContain("before residency starts on Thu 1 Jul 2027");
    expect(item).not.toMatch(/overdue|This step was due/i);
    expect(item).not.toMatch(/^\s+Due/m);
    expect(item).not.toContain("Thu 1 Jul 2027, 12:00 AM ET");
    // "Your next steps" would say the same action and date again.
    expect(rendered.text).not.toMatch(/^- Sign your program's contract:/m);
    expect(rendered.html).not.toContain("Overdue since <strong>Fri 2 Apr 2027</strong>");
    // The Statement of Need, in the same email, names its own missed date.
    const need = itemBlock(rendered.text, "Statement of Need");
    expect(need).toContain("Overdue since: Mon 5 Apr 2027 (our advice, not set by any authority)");
  });

  it("the last rung before the start says no hours left to the start", () => {
    const eve = "2027-06-30T09:00:00.000Z";
    const last = planAt(eve, sent).reminders.filter(
      (reminder) => reminder.sendAt === eve && reminder.rung === "start-in-1d",
    );
    // (The contract's rung gives way to the start's critical notice that day; the Statement of Need's stays.)
    expect(last.map((reminder) => reminder.milestone)).toEqual(["j1_statement_of_need"]);
    const rendered = email(last);
    expect(rendered.subject).toMatch(/: overdue since Mon 5 Apr 2027 \(our advice\)$/);
    expect(rendered.text).not.toMatch(/Due in \d+ hours/);
  });

  it("the timeline's next emails name each step's one date; the console's next date is an email's send day", () => {
    const links = { preferences: "https://example.org/preferences" } as ApplicantLinks;
    const html = comingEmailsHtml({
      firstName: "Kofi",
      timezone: "Africa/Accra",
      plan: planned,
      links,
      comingReminders: atSlot,
    });
    expect(html).toContain(
      "Sign your program&#39;s contract (sign and return it by residency&#39;s start, Thu 1 Jul 2027)",
    );
    expect(html).toContain("(overdue since Mon 5 Apr 2027, our advice)");
    expect(html).not.toContain("Fri 2 Apr");
    expect(html).not.toContain("due Thu 1 Jul");
    // The console's next date is the contract's as its row and its chase give it: residency's start
    // as a day, never the date this plan allowed it (Fri 2 Apr), which is past.
    const facts = planFacts(planned, "Africa/Accra");
    expect(facts.nextDeadline?.title).toBe("Program contract");
    expect(facts.nextDeadline?.kind).toBe("deadline");
    expect(facts.nextDeadline?.day).toBe("2027-07-01");
  });
});
