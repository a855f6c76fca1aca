import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "../domain/factories.ts";

/**
 * A matched J-1 applicant in Quito, certified, signed her contract on 24 Mar 2027 and has told us of neither
 * her Statement of Need nor her ECFMG J-1 sponsorship application. The visa chain's notices name
 * both steps and ask to be told of each ("tell us when it is done", "mark these steps done"), but
 * rode on the Statement of Need's card with its buttons only: the sponsorship's Done was further
 * down the email, or nowhere. Each notice now offers the Done of every step it names that can be
 * recorded, once in the email.
 */
const zone = "America/Guayaquil";
const input = matched2027(zone, {
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2026-05-20"),
    milestoneFactory("contract", "done", "2027-03-24"),
  ],
});
const SPONSORSHIP_DONE = "I completed my J-1 application: fee paid, every document in";

function emailAt(now: string, rung: string) {
  const planned = plan(input, seasonCalendar(2027), new Date(now));
  const notice = planned.reminders.find((each) => each.rung === rung && each.sendAt === now);
  expect(notice, `a ${rung} notice at ${now}`).toBeDefined();
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_quito",
    feedGeneration: 0,
    now: new Date(now),
  });
  return renderReminderEmail({
    recipientName: "Valentina Cruz",
    reminders: notice === undefined ? [] : [notice],
    plan: planned,
    links,
    timezone: zone,
    milestones: input.milestones,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

/** The plain text's first item, from "1. " to the blank line after it. */
const firstItem = (text: string) => /\n1\. [\s\S]*?\n\n/.exec(text)?.[0] ?? "";

describe("the visa chain's notices offer the Done of every step they name", () => {
  it("the late-steps warning: the Statement of Need's Done and the sponsorship's, on the notice", () => {
    const email = emailAt("2027-04-06T14:00:00.000Z", "warning-notice");
    const item = firstItem(email.text);
    expect(item).toContain("This plan's day for your J-1 sponsorship through ECFMG");
    expect(item).toContain("tell us when it is done");
    expect(item).toContain(
      "Done (Get your Statement of Need from your home country's Ministry of Health): https://",
    );
    expect(item).toContain(`${SPONSORSHIP_DONE} (Apply for J-1 sponsorship through ECFMG): https://`);
    // Offered once: not again under "Your next steps".
    expect(email.text.split(SPONSORSHIP_DONE)).toHaveLength(2);
    expect(email.html.split(SPONSORSHIP_DONE)).toHaveLength(2);
  });

  it("residency started without the visa: “mark these steps done” offers the sponsorship's Done too", () => {
    const email = emailAt("2027-07-01T14:00:00.000Z", "critical-risk");
    const item = firstItem(email.text);
    expect(item).toContain("If you have started, mark these steps done.");
    expect(item).toContain(`${SPONSORSHIP_DONE} (Apply for J-1 sponsorship through ECFMG): https://`);
    // The DS-2019 and the visa wait for the sponsorship: no Done for them yet, as on the timeline.
    expect(item).not.toContain("(Receive your DS-2019 (through your program))");
    expect(item).not.toContain("(Get your J-1 visa at the US consulate)");
  });
});
