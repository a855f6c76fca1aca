import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { openCheckedEmail } from "./support/email-page.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The question about two answers that disagree, in a browser at a phone's width: an applicant in
 * Lagos, matched, reports the DS-2019 received but the program contract not started. The plan counts
 * the contract done and asks which is right; the email asks it as a question, with no due date, the
 * contract's Done as its button and a link to the timeline. Checked with every axe rule and saved as
 * a screenshot.
 */
describe("the answers-disagree question's email, in a browser at 390 px", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks whether the contract is done, with its Done button and no due date", async () => {
    const snapshot = matched2027("Africa/Lagos", {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
        milestoneFactory("contract", "not_started"),
        milestoneFactory("j1_statement_of_need", "done", "2027-03-25"),
        milestoneFactory("j1_ds2019", "done", "2027-04-30"),
      ],
    });
    const planned = plan(snapshot, seasonCalendar(2027), new Date("2027-05-01T08:00:00Z"));
    const notice = planned.reminders.find((each) => each.risk === "DONE_DATES_OUT_OF_ORDER");
    if (notice === undefined) throw new Error("the plan emails no question");
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_lagos",
      feedGeneration: 0,
      now: new Date(notice.sendAt),
    });
    const email = renderReminderEmail({
      recipientName: snapshot.applicant.fullName,
      reminders: [notice],
      plan: planned,
      links,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
      milestones: snapshot.milestones,
    });
    const { page, text } = await openCheckedEmail(browser, email.html);
    expect(text).toContain("is your program contract done?");
    expect(text).toContain("which is right?");
    expect(text).not.toContain("Due ");
    await saveScreenshot(page, "email-answers-disagree");
    await page.close();
  });
});
