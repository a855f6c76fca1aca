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
 * Need), and so does the program's contract waiting on the J-1 sponsorship: both were planned by Mon
 * 5 Apr 2027 (our advice, the day its why names as the one the plan needed), and once the last day
 * that kept the program's start is over they are overdue since it, Mon 3 May 2027, the day the
 * critical notice asked to act by: never residency's start, never a day nobody was asked to act by.
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

// Tue 4 May 2027: the critical VISA_NOT_READY_FOR_START notice and the warning's go at the next
// slot, Wed 5 May 09:00 (recorded sent); Thu 13 May 09:00 (Accra = UTC) is a weekly chase slot
// of both steps behind (counted back in weeks from the start's two-week notice, Thu 17 Jun).
const FIRST = "2027-05-04T09:30:00.000Z";
// The certificate check's warning notice, a catch-up, and the critical notice go at the next
// delivery slot (Wed 5 May 09:00), not at once: they are recorded sent there.
const FIRST_SLOT = "2027-05-05T09:00:00.000Z";
const atOnce = planAt(FIRST).reminders.filter((reminder) => reminder.sendAt === FIRST_SLOT);
const notice = atOnce.find((reminder) => reminder.rung === "critical-risk");
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

describe("a visa step's chase gives one date: the day it missed, past the start's last day that day", () => {
  it("the contract's chase counts down to the start, overdue since the start's last day, and keeps its delivery", () => {
    expect(notice).toBeDefined();
    // On 4 May the critical notice is the J-1 start out of reach: it names no date (nothing is left
    // to act by but today), so no "overdue since" beside its verdict; the chase keeps its missed day.
    expect(notice?.overdueSince).toBeUndefined();
    expect(notice?.title).toContain("out of reach");
    expect(contract?.rung).toBe("visa-behind");
    expect(contract?.overdueSince?.local).toBe("Mon 3 May 2027");
    expect(contract?.overdueSince?.basis).toBe("advice");
    // Delivery: never after the instant it counts down to (residency's start), which it keeps.
    expect(contract?.deadline).toBe(calendar.dates.residency_start.iso);
    expect(Date.parse(contract?.sendAt ?? "")).toBeLessThan(Date.parse(contract?.deadline ?? ""));
    // Deterministic: the same chase planned a week earlier has the same id for this slot.
    const earlier = planAt("2027-05-07T10:00:00.000Z", sent).reminders.find(
      (reminder) => reminder.sendAt === SLOT && reminder.milestone === "contract",
    );
    expect(earlier?.id).toBe(contract?.id);
  });

  it("the contract's subject and item name the start's last day, its why the day the plan needed it, never the start", () => {
    const alone = contract === undefined ? [] : [contract];
    expect(email(alone).subject).toBe(
      "Sign your program's contract: overdue since Mon 3 May 2027 (our advice)",
    );
    // With the Statement of Need, overdue by the chain's own allowances, that step leads the email.
    const rendered = email(atSlot);
    expect(rendered.subject).toMatch(/: overdue since Mon 3 May 2027 \(our advice\) \(\+1 more\)$/);
    expect(rendered.subject).not.toContain("2 Apr");
    const item = itemBlock(rendered.text, "Sign your program's contract");
    expect(item).toContain("   Overdue since: Mon 3 May 2027 (our advice, not set by any authority)");
    expect(item).toContain(
      "your J-1 sponsorship through ECFMG waits on it: this plan needed it signed by Mon 5 Apr 2027",
    );
    expect(item).toContain("ask your program's GME office today");
    expect(item).toContain("before residency starts on Thu 1 Jul 2027");
    expect(item).not.toMatch(/by residency's start|This step was due/i);
    expect(item).not.toMatch(/^\s+Due/m);
    expect(item).not.toContain("Thu 1 Jul 2027, 12:00 AM ET");
    // "Your next steps" would say the same action and date again.
    expect(rendered.text).not.toMatch(/^- Sign your program's contract:/m);
    expect(rendered.html).not.toContain("Overdue since <strong>Fri 2 Apr 2027</strong>");
    // The Statement of Need, in the same email, names its own missed date.
    const need = itemBlock(rendered.text, "Statement of Need");
    expect(need).toContain("Overdue since: Mon 3 May 2027 (our advice, not set by any authority)");
  });

  it("the last rung before the start says no hours left to the start", () => {
    const eve = "2027-06-30T09:00:00.000Z";
    const last = planAt(eve, sent).reminders.filter(
      (reminder) => reminder.sendAt === eve && reminder.rung === "start-in-1d",
    );
    // (The contract's rung gives way to the start's critical notice that day; the Statement of Need's stays.)
    expect(last.map((reminder) => reminder.milestone)).toEqual(["j1_statement_of_need"]);
    const rendered = email(last);
    expect(rendered.subject).toMatch(/: overdue since Mon 3 May 2027 \(our advice\)$/);
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
      "<li>Sign your program&#39;s contract (overdue since Mon 3 May 2027, our advice)</li>",
    );
    expect(html).not.toContain("Fri 2 Apr");
    expect(html).not.toContain("Thu 1 Jul");
    // Both steps are past their dates: the console's next date is the chase's next email, never
    // residency's start as if the contract were due then.
    const facts = planFacts(planned, "Africa/Accra");
    expect(facts.nextDeadline?.kind).toBe("email");
    expect(facts.nextDeadline?.day).toBe("2027-05-13");
  });
});
