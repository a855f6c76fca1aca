import { describe, expect, it } from "vitest";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { applicantFactory, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * A critical risk's "What to do" link (the timeline's risks, which say how to resolve it) stays in
 * the email when an item says the risk: an undated notice has no buttons, and "Risks to watch"
 * goes when it would only repeat, so the item is the link's only place.
 */
describe("the no-sponsor notice, for a graduate in Karachi whose school has no ECFMG sponsor note", () => {
  const now = new Date("2026-12-05T09:00:00Z");
  const planned = plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "what-to-do-karachi",
        fullName: "Ayesha Siddiqui",
        timezone: "Asia/Karachi",
        matchYear: 2027,
        medicalSchool: { name: "Example College", country: "PK", wdomsSponsorNote: false },
      }),
      milestones: [],
    }),
    seasonCalendar(2027),
    now,
  );
  const notice = planned.reminders.find((reminder) => reminder.rung === CRITICAL_RISK_RUNG);
  const risk = planned.risks.find((each) => each.code === notice?.risk);
  if (notice === undefined || risk?.severity !== "critical") throw new Error("no critical notice");
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ayesha",
    feedGeneration: 0,
    now,
  });
  const email = renderReminderEmail({
    recipientName: "Ayesha",
    reminders: [notice],
    plan: planned,
    links,
    unsubscribeUrl: "https://api.example.org/u",
  });
  const url = `${links.timeline}#risks`;

  // One link for each critical risk: the season out of reach is told under "Risks to watch".
  const critical = planned.risks.filter((each) => each.severity === "critical").length;

  it("gives each critical risk its What to do link once, the school's on the notice, in the text part", () => {
    expect(email.text.split(`What to do: ${url}`)).toHaveLength(critical + 1);
    const item = email.text.slice(0, email.text.indexOf("Your whole timeline"));
    expect(item).toContain(`   What to do: ${url}`);
  });

  it("gives the same links once each, the school's on the notice, in the HTML part", () => {
    const href = `href="${url.replace(/&/g, "&amp;")}"`;
    const link = new RegExp(`${href.replace(/[.?+]/g, "\\$&")}[^>]*>What to do</a>`, "g");
    expect(email.html.match(link)).toHaveLength(critical);
    const item = email.html.slice(0, email.html.indexOf("See my whole timeline"));
    expect(item).toMatch(new RegExp(`${href.replace(/[.?+]/g, "\\$&")}[^>]*>What to do</a>`));
  });
});
