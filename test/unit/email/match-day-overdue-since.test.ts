import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { timelineCard } from "../../../functions/console/pages/timeline.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * Match Day never reported, past the contract's date (two weeks after Match Day, our advice): the
 * row said "by residency's start, Thu 1 Jul 2027" and its weekly question "Answer by" that day,
 * while MATCH_DAY_NOT_REPORTED's email said "Overdue since Fri 2 Apr 2027", with the H-1B petition
 * days away. One date everywhere: the contract's, "overdue since" it once passed, the start named as
 * what is at risk, and the question still asked weekly up to the start. Nadia: Phoenix, H-1B, told
 * us "matched" on Monday, never where; Youssef: Cairo, J-1, told us nothing after ranking.
 */
const calendar = seasonCalendar(2027);
const read = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(new URL(`../../fixtures/match-day-overdue-since/${name}.json`, import.meta.url), "utf8"),
    ),
  );
const applicants = [
  ["Nadia, Phoenix, H-1B, matched on Monday", read("h1b-phoenix-matched-monday")],
  ["Youssef, Cairo, J-1, nothing told", read("j1-cairo-untold")],
] as const;
const CONTRACT_DAY = "Fri 2 Apr 2027";
const AFTER = "2027-04-10T17:00:00.000Z";
const BEFORE = "2027-03-26T17:00:00.000Z";

function views(snapshot: ApplicantSnapshot, now: string) {
  const at = new Date(now);
  const planned: Plan = plan(snapshot, calendar, at);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_fixt",
    feedGeneration: 0,
    now: at,
  });
  const { applicant, milestones } = snapshot;
  const timeline =
    timelinePage({
      firstName: applicant.fullName,
      timezone: applicant.timezone,
      links,
      plan: planned,
      comingReminders: planned.reminders,
      milestones,
    }).body ?? "";
  const state = { profile: profileFactory({ ...applicant }), milestones, interviews: [], ledger: [] };
  const consoleHtml = timelineCard(
    { state, plan: planned, audit: [], submissions: [], events: [] },
    now.slice(0, 10),
  );
  const email = (reminder: Reminder) =>
    renderReminderEmail({
      recipientName: applicant.fullName,
      reminders: [reminder],
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
  const cli = renderPlan(planned, applicant.fullName, applicant.timezone);
  return { planned, timeline, consoleHtml, email, cli };
}

/** The text from a card's title to the end of its list item. */
const cardOf = (html: string, title: string) => {
  const from = html.indexOf(title);
  return html.slice(from, html.indexOf("</li>", from));
};

describe.each(applicants)("Match Day unreported past the contract's date: %s", (_, snapshot) => {
  const { planned, timeline, consoleHtml, email, cli } = views(snapshot, AFTER);
  const step = planned.nextSteps.find((each) => each.milestone === "match_day");
  const asked = planned.reminders.filter((each) => each.milestone === "match_day");
  const weekly = asked.find((each) => each.rung === "match-day-weekly") as Reminder;

  it("the row is overdue since the contract's date; the contract's passed date is never shown as ahead", () => {
    expect(step?.urgency).toBe("overdue");
    expect(step?.deadline).toMatchObject({ local: CONTRACT_DAY, basis: "advice" });
    const contract = planned.blocked.find((each) => each.milestone === "contract");
    if (snapshot.milestones.some((each) => each.key === "match_week" && each.status === "done")) {
      // Matched on Monday: her contract is late, waiting on where ("Fri 2 Apr" bare read as still to come).
      expect(contract?.deadline).toBeUndefined();
      expect(contract?.overdueSince?.at).toBe(step?.deadline?.at);
      expect(cli).toMatch(/contract +match_day +- +overdue since Fri 2 Apr 2027 †/);
      expect(cardOf(timeline, "Sign your program&#39;s contract")).toContain(
        `Overdue since <strong>${CONTRACT_DAY}</strong>`,
      );
    } else {
      // Whether he matched is untold: the contract keeps its planned date, said as planned, never due.
      expect(contract?.overdueSince).toBeUndefined();
      expect(contract?.deadline?.at).toBe(step?.deadline?.at);
      expect(cli).toMatch(/contract +match_day +- +planned for Fri 2 Apr 2027 †/);
      expect(cardOf(timeline, "Sign your program&#39;s contract")).toContain(
        `Planned for <strong>${CONTRACT_DAY}</strong>`,
      );
    }
    expect(planned.overdue.find((each) => each.milestone === "match_day")?.deadline).toEqual(step?.deadline);
    // The start is named as what is at risk, not as the date to answer by.
    expect(step?.action).toContain("each week lost can push back your start on Thu 1 Jul 2027");
  });

  it("its weekly question and MATCH_DAY_NOT_REPORTED's notice say the same date, and the question runs to the start", () => {
    expect(asked.map((each) => each.rung).sort()).toEqual(["critical-risk", "match-day-weekly"]);
    for (const reminder of asked) expect(reminder.overdueSince?.local).toBe(CONTRACT_DAY);
    expect(weekly.deadline).toBe(calendar.dates.residency_start.iso);
    expect(weekly.why).toBe(step?.action);
  });

  it("the CLI's row, overdue list and reminders name the contract's day, never the start", () => {
    const lines = cli.split("\n");
    const row = lines.find((line) => /^ {2}\S+ +match_day /.test(line));
    expect(row).toMatch(/^ {2}overdue +match_day +- +Fri 2 Apr 2027 †/);
    expect(lines.some((line) => /^ {2}match_day +Fri 2 Apr 2027 † +advice/.test(line))).toBe(true);
    const reminderRows = lines.filter((line) => / match_day +(critical-risk|match-day-weekly) /.test(line));
    expect(reminderRows).toHaveLength(2);
    for (const line of reminderRows) expect(line).toMatch(/Overdue since +Fri 2 Apr 2027 †$/);
  });

  it("the weekly email: 'overdue since' the contract's day in its subject and date line", () => {
    const rendered = email(weekly);
    expect(rendered.subject).toContain(`overdue since ${CONTRACT_DAY}`);
    expect(rendered.text).toContain(`Overdue since: ${CONTRACT_DAY}`);
    expect(rendered.subject).not.toContain("1 Jul");
  });

  it("the timeline's card and the console's row read 'overdue since' the contract's day", () => {
    const card = cardOf(timeline, "Match Day: tell us where you matched");
    expect(card).toContain(`Overdue since <strong>${CONTRACT_DAY}</strong>`);
    expect(card).not.toContain("Answer by");
    // The advisor's console names the step in the advisor's words.
    const next = consoleHtml.slice(consoleHtml.indexOf("<h3>Next</h3>"));
    const row = cardOf(next, "Match Day: where they matched");
    expect(row).toContain(`overdue since <time datetime="2027-04-02">${CONTRACT_DAY}</time>`);
  });
});

describe.each(applicants)("before the contract's date nothing changes: %s", (_, snapshot) => {
  const { planned, timeline } = views(snapshot, BEFORE);
  const step = planned.nextSteps.find((each) => each.milestone === "match_day");

  it("urgent, 'Answer by' the contract's day, no 'overdue since' anywhere", () => {
    expect(step?.urgency).toBe("urgent");
    expect(step?.deadline?.local).toBe(CONTRACT_DAY);
    expect(planned.overdue.map((each) => each.milestone)).not.toContain("match_day");
    const asked = planned.reminders.filter((each) => each.milestone === "match_day");
    expect(asked.length).toBeGreaterThan(0);
    for (const reminder of asked) {
      expect(reminder.overdueSince).toBeUndefined();
      expect(reminder.deadlineDetail.local).toBe(CONTRACT_DAY);
    }
    expect(cardOf(timeline, "Match Day: tell us where you matched")).toContain(
      `Answer by <strong>${CONTRACT_DAY}</strong>`,
    );
  });
});
