import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { milestoneFactory, rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Match Week's emails let an applicant who did not match say so. Monday's question offers both
 * answers ("Matched", "Not matched: I'm in SOAP") and states SOAP's window from the season data,
 * not only Thursday's end (SOAP does not wait for the answer's deadline);
 * Tuesday's SOAP email speaks in Tuesday's tense. A Manila applicant of the 2027 Match, list
 * certified, Monday's result not told.
 */
const calendar = seasonCalendar(2027);
const RELEASE = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const ZONE = "Asia/Manila";
const CERTIFIED: MilestoneEntry[] = rankListCertified2027();
const profile = profileFactory({ fullName: "Maria Santos", matchYear: 2027, timezone: ZONE });

function at(now: Date, milestones = CERTIFIED) {
  const plan = domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  const email = (reminder: Reminder) =>
    renderReminderEmail({
      recipientName: "Maria Santos",
      reminders: [reminder],
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: ZONE,
      milestones,
    });
  return { plan, links, email };
}

/** The email's first item, up to the blank line after it. */
const firstItem = (text: string) => {
  const start = text.indexOf("1. ");
  return text.slice(start, text.indexOf("\n\n", start));
};
const firstOf = (plan: Plan, milestone: string) => {
  const found = plan.reminders.find((reminder) => reminder.milestone === milestone);
  if (found === undefined) throw new Error(`no ${milestone} reminder`);
  return found;
};

describe("Monday's Match Week email", () => {
  const { plan, links, email } = at(new Date(RELEASE + 3_600_000));
  const sent = email(firstOf(plan, "match_week"));
  const item = firstItem(sent.text);

  it("offers both answers: Matched (Match Week done) and Not matched: I'm in SOAP (SOAP in progress)", () => {
    expect(item).toContain(`   Matched: ${links.action("match_week", "done")}`);
    expect(item).toContain(`   Not matched: I'm in SOAP: ${links.action("soap", "start")}`);
    expect(sent.html).toContain(">Not matched: I&#39;m in SOAP</a>");
  });

  it("states SOAP's window, from NRMP's release to its end, not only Thursday", () => {
    expect(item).toContain(
      "SOAP does not wait for Thursday: it opened with NRMP's release, Mon 15 Mar 2027, 10:00 AM ET (projected), and ends Thu 18 Mar 2027, 5:00 PM ET (projected)",
    );
    expect(item).toContain("Send your SOAP applications through ERAS as soon as ERAS opens for SOAP");
  });

  it("the timeline's Match Week step offers the same two answers", () => {
    const html =
      timelinePage({
        firstName: "Maria",
        timezone: ZONE,
        links,
        plan,
        comingReminders: plan.reminders,
        milestones: CERTIFIED,
      }).body ?? "";
    const card = html.slice(html.indexOf("Match Week: tell us whether you matched"));
    expect(card).toContain(`href="${links.action("match_week", "done").replaceAll("&", "&amp;")}">Matched<`);
    expect(card).toContain(
      `href="${links.action("soap", "start").replaceAll("&", "&amp;")}">Not matched: I&#39;m in SOAP<`,
    );
  });
});

describe("Tuesday's SOAP email", () => {
  const { plan, links, email } = at(new Date("2027-03-16T14:00:00Z"));
  const item = firstItem(email(firstOf(plan, "soap")).text);

  it("says to send the applications now, never 'on Monday' once Monday has passed", () => {
    expect(item).toContain("Send your applications through ERAS now");
    expect(item).toContain("programs have been reading them since Tuesday morning");
    expect(item).not.toContain("on Monday to programs");
  });

  it("offers Not matched: I'm in SOAP on SOAP's own card", () => {
    expect(item).toContain(`Not matched: I'm in SOAP: ${links.action("soap", "start")}`);
  });
});

describe("once answered, or once SOAP has ended, there is no 'Not matched' to tap", () => {
  it("SOAP in progress: the plan is SOAP's, with no second 'I'm in SOAP'", () => {
    const inSoap = [...CERTIFIED, milestoneFactory("soap", "in_progress")];
    const { plan, email } = at(new Date("2027-03-16T14:00:00Z"), inSoap);
    expect(plan.nextSteps.some((step) => step.milestone === "match_week")).toBe(false);
    expect(firstItem(email(firstOf(plan, "soap")).text)).not.toContain("Not matched: I'm in SOAP");
  });

  it("after SOAP's end no step offers it", () => {
    const { plan } = at(new Date(calendar.dates.nrmp_soap_ends.at + 3_600_000));
    expect(actionsFor({ milestone: "soap" }, plan, ZONE, CERTIFIED)).not.toContain("start");
  });
});
