import { describe, expect, it } from "vitest";
import { groupIntoEmails, weeklySummaryDay } from "#domain/weekly-summary.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { planFactory, reminderFactory } from "#test/unit/usecases/fakes.ts";

// Two reminders at the same minute arrive as ONE email ("… (+1 more)"),
// but "Your next emails" listed them as two rows; a weekly summary was not labelled as such.
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "a_ada",
  feedGeneration: 0,
  now: new Date("2026-09-10T08:00:00Z"),
});
const pathway = reminderFactory({
  id: "ecfmg_pathway:due-in-14d",
  milestone: "ecfmg_pathway",
  title: "Complete an ECFMG Pathway",
});
const nrmp = reminderFactory({
  id: "nrmp_registration:due-in-14d",
  milestone: "nrmp_registration",
  title: "Register for the NRMP",
});
const later = reminderFactory({
  id: "eras_application:due-in-1d",
  sendAt: "2026-09-23T08:00:00.000Z",
  sendAtLocal: "2026-09-23T09:00:00.000+01:00",
});
const emailsOf = (preferences?: { digest: "as-due" | "weekly"; digestDay: number }) => {
  const html =
    timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
      plan: planFactory(),
      links,
      comingReminders: [pathway, nrmp, later],
      ...(preferences ? { preferences } : {}),
    }).body ?? "";
  return /<section aria-labelledby="emails">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
};

describe("Your next emails, one row per email", () => {
  it("groups reminders sent at the same instant, keeping their order", () => {
    expect(groupIntoEmails([pathway, nrmp, later]).map((email) => email.map((each) => each.id))).toEqual([
      [pathway.id, nrmp.id],
      [later.id],
    ]);
  });

  it("shows two reminders arriving together as one email, its time once, then what it carries", () => {
    const emails = emailsOf();
    expect(emails.match(/Thu 17 Sep 2026, 9:00 AM GMT\+1/g)).toHaveLength(1);
    expect(emails).toContain(
      "<li><strong>Thu 17 Sep 2026, 9:00 AM GMT+1</strong>: one email about 2 reminders<ul><li>Complete an ECFMG Pathway (due Thu 24 Sep 2026, 5:00 PM WAT)</li><li>Register for the NRMP (due ",
    );
    expect(emails).toContain(
      "<li><strong>Wed 23 Sep 2026, 9:00 AM GMT+1</strong>: Submit the ERAS application (due ",
    );
    expect(emails).not.toContain("weekly summary");
  });

  it("labels the weekly summary as such (a Thursday summary; the Wednesday reminder, due within 72 hours, comes alone)", () => {
    expect(weeklySummaryDay({ digest: "weekly", digestDay: 4 }, [pathway])).toBe("Thursday");
    expect(weeklySummaryDay({ digest: "weekly", digestDay: 4 }, [later])).toBeUndefined();
    const emails = emailsOf({ digest: "weekly", digestDay: 4 });
    expect(emails).toContain(
      "<strong>Thu 17 Sep 2026, 9:00 AM GMT+1</strong>: your weekly summary, with<ul><li>Complete an ECFMG Pathway",
    );
    expect(emails).toContain(
      "<li><strong>Wed 23 Sep 2026, 9:00 AM GMT+1</strong>: Submit the ERAS application (due ",
    );
  });
});

describe("one email's items in the order the email gives them", () => {
  // A target of the same day is listed after a hard deadline, as the email lists it.
  const target = reminderFactory({
    id: "lors:target-in-7d",
    milestone: "lors",
    title: "Letters of recommendation uploaded",
    countsDownTo: "target",
    deadline: "2026-09-23T23:00:00.000Z",
    deadlineDetail: {
      at: "2026-09-23T23:00:00.000Z",
      local: "Thu 24 Sep 2026",
      et: "Wed 23 Sep 2026",
      status: "projected",
      source: "target: advice",
      precision: "day",
      day: "2026-09-24",
    },
  });
  const deadline = reminderFactory({ id: "eras_token:due-in-7d", title: "Get your ERAS token from ECFMG" });

  it("lists the deadline before the target of the same day", () => {
    const html =
      timelinePage({
        firstName: "Ada",
        timezone: "Africa/Lagos",
        plan: planFactory(),
        links,
        comingReminders: [target, deadline],
      }).body ?? "";
    const emails = /<section aria-labelledby="emails">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(emails.indexOf("Get your ERAS token")).toBeGreaterThan(0);
    expect(emails.indexOf("Get your ERAS token")).toBeLessThan(emails.indexOf("Letters of recommendation"));
  });
});

describe("the calendar section names where each address goes", () => {
  it("says Google Calendar and Outlook on the web take the https address, and a download does not update", () => {
    const html =
      timelinePage({
        firstName: "Ada",
        timezone: "Africa/Lagos",
        plan: planFactory(),
        links,
        comingReminders: [],
      }).body ?? "";
    const section = /<section aria-labelledby="calendar">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(section).toContain(`href="${links.feedSubscription.replaceAll("&", "&amp;")}"`);
    expect(section).toMatch(/Google Calendar or Outlook on the web[^<]*add calendar from URL/);
    expect(section).toContain(`<code>${links.feed.replaceAll("&", "&amp;")}</code>`);
    expect(section).toMatch(/does not update/);
  });
});
