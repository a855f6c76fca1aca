import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, interviewFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { planFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";

/**
 * The timeline on the narrowest phones (320 px), with the page's own stylesheet: every step with
 * the buttons it can have, each carrying the step's long title as a visually hidden label, and the
 * calendar address. Rendered from the page function, so the worst case is here whatever the demo's
 * plan holds. Checked to fail without the rules that keep the page narrow (buttons wrapping, long
 * addresses breaking: 349 and 1,373 px). The clip pattern of commit c01675f does not change the
 * width in Debian's Chromium: this page is 320 px wide with the rule before it too.
 * A made-up plan has no risk notes, and those cite their sources by URL: so a real applicant's
 * planned timeline is checked too (a note's long URL once made it 467 px wide).
 */
describe("timeline on a narrow phone", () => {
  let browser: BrowserSession;
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now: new Date("2026-06-01T08:00:00Z"),
  });
  const steps = (["usmle_step2ck", "usce", "personal_statement", "eras_application"] as const).map(
    (milestone) =>
      stepFactory({
        milestone,
        title: `${milestone.replace("_", " ")}: a deliberately long step title that an applicant reads on a phone`,
        urgency: "urgent",
      }),
  );
  // Reminders a week apart before each deadline, so every step can be snoozed.
  const reminders = steps.flatMap((step) =>
    [0, 7, 14].map((day) =>
      reminderFactory({
        id: `${step.milestone}:r${day}`,
        milestone: step.milestone,
        sendAt: new Date(Date.parse("2026-06-02T08:00:00Z") + day * 86_400_000).toISOString(),
        deadline: "2026-07-01T03:59:00.000Z",
      }),
    ),
  );
  const html =
    timelinePage({
      firstName: "Oluwadamilare-Chukwuemeka",
      timezone: "Africa/Lagos",
      links,
      plan: planFactory({ now: "2026-06-01T08:00:00.000Z", nextSteps: steps, reminders }),
      comingReminders: reminders.slice(0, 6),
    }).body ?? "";

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 320, height: 700 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every step's buttons and never scrolls sideways at 320 px", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.setContent(html, { waitUntil: "load" });
    expect(await page.locator("ul.steps a.button").count()).toBeGreaterThanOrEqual(steps.length * 2);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await page.close();
  });

  it("never scrolls sideways at 320 px on a real applicant's planned timeline (risks citing URLs)", async () => {
    const real = realTimeline();
    expect(real).toMatch(/https:\/\/\S{60,}/);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.setContent(real, { waitUntil: "load" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await page.close();
  });

  /**
   * At 390 px the budget's "Amount" header broke inside the word
   * ("Amoun / t"): the page lets long addresses break anywhere, and that let the table squeeze its
   * headers to a letter's width. Every word of the budget table stays whole on a phone's width.
   */
  // With an interview and nothing reported, the fees presumed paid and their total line.
  it.each([
    [360, false],
    [390, false],
    [360, true],
    [390, true],
  ])("breaks no word of the budget table at %i px (presumed fees: %s)", async (width, interviewed) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 700 });
    const real = realTimeline(interviewed);
    if (interviewed) expect(real).toContain("Presumed paid, from your interview");
    await page.setContent(real, { waitUntil: "load" });
    const broken = await page.evaluate(`(() => {
      const broken = [];
      const table = document.querySelector("section[aria-labelledby=budget] table");
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    })()`);
    expect(await page.locator("section[aria-labelledby=budget] th", { hasText: "Amount" }).count()).toBe(1);
    expect(broken).toEqual([]);
    await page.close();
  });
});

/**
 * The applicant whose timeline overflowed: Karachi, J-1, Match 2027, Step 1 and Step 2 CK done, late November; or,
 * `interviewed`, nothing reported beside an interview for that Match (its steps presumed done).
 */
function realTimeline(interviewed = false): string {
  const now = new Date("2026-11-30T12:00:00Z");
  const planned = plan(
    {
      applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2027, visa: "J-1" }),
      milestones: interviewed
        ? []
        : [
            milestoneFactory("usmle_step1", "done", "2025-03-10"),
            milestoneFactory("usmle_step2ck", "done", "2025-09-10"),
          ],
      interviews: interviewed
        ? [interviewFactory({ program: "Lakeside IM", startsAt: "2027-01-12T10:00:00-05:00" })]
        : [],
    },
    seasonCalendar(2027),
    now,
  );
  return (
    timelinePage({
      firstName: "Fatima",
      timezone: "Asia/Karachi",
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_fatima",
        feedGeneration: 0,
        now,
      }),
      plan: planned,
      comingReminders: planned.reminders.slice(0, 6),
    }).body ?? ""
  );
}
