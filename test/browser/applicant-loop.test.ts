import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  STEP2_EXAM_DATE,
  STEP2_FIRST_REMINDER_AT,
  step2Applicant,
} from "#test/integration/support/applicants.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  onlyOne,
  postWebhook,
  stack,
  storedPlan,
} from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { openInbox } from "./support/local-inbox.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The applicant's loop in a real browser: a reminder email from the SES emulator's
 * store, its Done button, the confirmation page (a GET changes nothing), the POST (twice records
 * once), the timeline and the next email no longer asking for the step, and the calendar feed.
 */
describe("closing the loop with the applicant", () => {
  let browser: BrowserSession;
  const applicant = step2Applicant();
  let html = "";
  let text = "";

  beforeAll(async () => {
    browser = await launchChromium();
    await clockTo("2026-06-01T00:00:00Z");
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    await clockTo(STEP2_FIRST_REMINDER_AT);
    const email = onlyOne(await emailsTo(applicant.email));
    html = email.body.html ?? "";
    text = email.body.text ?? "";
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Taps one link of the email in a fresh inbox (see openInbox), and returns the window it opened. */
  async function tapInInbox(linkName: string): Promise<Page> {
    const inbox = await openInbox(browser.context, applicant.email, stack.ses());
    const opened = await inbox.tap(linkName);
    await inbox.close();
    return opened;
  }

  function linkIn(body: string, pattern: RegExp): string {
    const match = pattern.exec(body);
    if (!match?.[1]) throw new Error(`no link matching ${pattern} in the email`);
    return match[1].replaceAll("&amp;", "&");
  }

  it("shows an accessible email with the step's actions first, a timeline link and a calendar link", async () => {
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    // Step 2 CK is booked for 20 Aug, two weeks ahead: a Done now would be refused,
    // so the reminder leads with Scheduled for… and offers no Done until that day.
    const first = page.locator("a.primary").first();
    await expect(first.textContent()).resolves.toBe("Scheduled for…");
    expect(await first.getAttribute("href")).toContain("/actions?applicant=");
    // No Snooze: Step 2 CK's next reminder comes 11 days after this one, past the longest snooze,
    // so a snooze would silence nothing.
    await expect(page.getByRole("link", { name: "Snooze", exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "See my whole timeline" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Add my deadlines to my calendar" }).count()).resolves.toBe(
      1,
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "reminder-email");
    // The plain-text part carries the same links, and no Done under the reminder either.
    const item = text.slice(text.indexOf("1. "), text.indexOf("\n\n", text.indexOf("1. ")));
    expect(item).toContain("Step 2 CK");
    expect(item).toMatch(/Scheduled for…: (\S+)/);
    expect(item).not.toContain("Done:");
    for (const link of [/Your whole timeline: (\S+)/, /calendar: (webcal:\S+)/]) {
      expect(text).toMatch(link);
    }
    await page.close();
  });

  it("every kind of link in the email opens its page when tapped in the local inbox", async () => {
    const headings: Record<string, RegExp> = {
      "Scheduled for…": /^When is .* scheduled\?$/,
      "Email preferences": /^Email preferences$/,
      "See my whole timeline": /timeline/i,
    };
    const inbox = await openInbox(browser.context, applicant.email, stack.ses());
    for (const [linkName, heading] of Object.entries(headings)) {
      const page = await inbox.tap(linkName);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(heading);
      await page.close();
    }
    await inbox.close();
  });

  it("GET of Done confirms without changing anything; POST records once; a second tap says already recorded", async () => {
    // The email offers no Done while the exam is ahead: the exam moved to
    // today and the applicant sat it, so they give today's date with the reminder's Scheduled for…
    const page = await tapInInbox("Scheduled for…");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^When is .* scheduled\?$/);
    await page.getByLabel("Date (your time)").fill("2026-08-06");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Recorded");
    const before = await applicantState(applicant.applicantId);
    expect(before?.milestones.find((entry) => entry.key === "usmle_step2ck")).toMatchObject({
      status: "scheduled",
      date: "2026-08-06",
    });

    // The exam day has come: the timeline now offers Done on it, and its GET changes nothing.
    await page.getByRole("link", { name: "See my timeline" }).click();
    await page.waitForLoadState("load");
    const done = page.getByRole("link", { name: "Done — Pass USMLE Step 2 CK" });
    const doneUrl = (await done.getAttribute("href")) ?? "";
    expect(doneUrl).toContain("/actions?applicant=");
    expect(html).not.toContain(doneUrl.replaceAll("&", "&amp;"));
    await done.click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("as done?");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "action-confirm");
    expect(await applicantState(applicant.applicantId)).toEqual(before);

    await page.getByRole("button", { name: "Yes, mark it done" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Recorded");
    const after = await applicantState(applicant.applicantId);
    expect(after?.milestones.find((entry) => entry.key === "usmle_step2ck")?.status).toBe("done");

    // The same link again (a second tap, a double submit): nothing more is recorded.
    const again = await fetch(doneUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Already recorded");
    const third = await applicantState(applicant.applicantId);
    expect(third?.profile.updatedAt).toBe(after?.profile.updatedAt);
    await page.close();
  });

  it("the timeline no longer asks for the step, and is accessible with private-page headers", async () => {
    await drainStream();
    const timelineUrl = linkIn(text, /Your whole timeline: (\S+)/);
    const response = await fetch(timelineUrl);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await openPage(browser, timelineUrl);
    const nextSteps = await page.locator("section[aria-labelledby=next]").textContent();
    expect(nextSteps).not.toContain("Step 2 CK");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "timeline", { maxHeight: 1800 });
    // The narrowest phone: nothing (not even a visually hidden label) may make the page scroll sideways.
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await page.close();
  });

  it("sends no later reminder about the step that was marked done", async () => {
    await clockTo("2026-08-19T12:00:00Z");
    // After the first email, only the certificate's question (nothing holds it back once Step 2 CK
    // is done), never Step 2 CK again.
    const later = (await emailsTo(applicant.email)).slice(1);
    expect(later.filter((email) => /Step 2/.test(email.subject))).toEqual([]);
    expect(later.every((email) => email.subject.includes("has ECFMG issued it?"))).toBe(true);
    const plan = (await storedPlan(applicant.applicantId))?.plan;
    expect(plan?.reminders.some((reminder) => reminder.milestone === "usmle_step2ck")).toBe(false);
    expect(STEP2_EXAM_DATE).toBe("2026-08-20");
  });

  it("serves a calendar feed that ical.js reads, with every deadline of the plan", async () => {
    const feedUrl = linkIn(text, /calendar: (webcal:\S+)/).replace(/^webcal:/, "http:");
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const uids = calendar
      .getAllSubcomponents("vevent")
      .map((event) => String(event.getFirstPropertyValue("uid")));
    const plan = (await storedPlan(applicant.applicantId))?.plan;
    for (const step of plan?.nextSteps ?? []) {
      if (step.milestone !== "interview" && step.deadline) {
        expect(uids).toContain(`${applicant.applicantId}.${step.milestone}.deadline@matchpath`);
      }
    }
  });

  it("refuses tampered, other-applicant and expired links with a clear page, changing nothing", async () => {
    const actionUrl = linkIn(html, /href="([^"]+)"[^>]*>Scheduled for…</);
    const before = await applicantState(applicant.applicantId);
    const tampered = actionUrl.replace(
      /token=([^&]+)/,
      (_match, token: string) => `token=${token.slice(0, -4)}AAAA`,
    );
    const tamperedPage = await openPage(browser, tampered, { expectStatus: 401 });
    expect(await tamperedPage.getByRole("heading", { level: 1 }).textContent()).toBe(
      "This link is not valid",
    );
    await expectNoSeriousA11yViolations(tamperedPage);

    const other = actionUrl.replace(/applicant=[^&]+/, "applicant=a_someoneelse");
    const posted = await fetch(other, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(posted.status).toBe(401);

    await clockTo("2026-09-30T00:00:00Z");
    const expired = await fetch(actionUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This link has expired");
    expect((await applicantState(applicant.applicantId))?.milestones).toEqual(before?.milestones);
    await tamperedPage.close();
  });
});
