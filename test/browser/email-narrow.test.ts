import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERVIEW_CANCELLED_RUNG } from "#domain/interview-cancellations.ts";
import type { BudgetItem } from "#domain/plan.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { planFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";
import { allA11yViolations, expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/** The budget table of a reminder email on the narrowest phones applicants read it on (320–414 px). */
describe("reminder email on a narrow phone", () => {
  let browser: BrowserSession;
  const item = (key: string, label: string, amountUsd: number, status: BudgetItem["status"]): BudgetItem => ({
    key,
    label,
    amountUsd,
    status,
    basis: "official",
    source: "https://example.org/fees",
    asOf: "2027",
  });
  const email = renderReminderEmail({
    recipientName: "Ada Okafor",
    reminders: [
      reminderFactory({ milestone: "budget", id: "budget:due-in-7d", title: "Review your budget" }),
    ],
    plan: planFactory({
      nextSteps: [
        stepFactory({ milestone: "budget", title: "Review your budget", action: "Plan the fees." }),
      ],
      budget: {
        currency: "USD",
        items: [
          item("step2ck", "USMLE Step 2 CK registration fee", 1_015, "spent"),
          item("eras", "ERAS application fees for 40 internal medicine programs", 2_130, "upcoming"),
          item("nrmp", "NRMP Main Residency Match registration", 85, "upcoming"),
          // A fee presumed paid from an interview: its row's status is the longest.
          item("step1", "USMLE Step 1 exam fee", 680, "presumed"),
          // A long word in a narrow column: it broke mid-word at 320 px.
          item("ecfmg_application", "Application for ECFMG Certification", 160, "presumed"),
        ],
        spentUsd: 1_015,
        upcomingUsd: 2_215,
        presumedUsd: 840,
        totalUsd: 4_070,
      },
    }),
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
  });

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps every amount on one line at 360 px and never scrolls sideways", async () => {
    for (const width of [320, 360, 414]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 740 });
      await page.setContent(email.html, { waitUntil: "load" });
      // Each amount's rendered text lines (the text's own boxes, not the cell's, which grows with a
      // wrapped label beside it). A string: the test compiles without the DOM library.
      const lines = (await page.evaluate(`[...document.querySelectorAll(".amount")].map((amount) => {
        const range = document.createRange();
        range.selectNodeContents(amount);
        return [amount.textContent, new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size];
      })`)) as [string, number][];
      expect(lines).toHaveLength(6);
      for (const [amount, count] of lines) expect(count, `${width}px: ${amount}`).toBe(1);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      if (width === 360) await saveScreenshot(page, "email-budget-360");
      await page.close();
    }
  });

  it("wraps item names between words only, says the presumption once in a few lines, and stays accessible", async () => {
    for (const width of [320, 360]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 740 });
      await page.setContent(email.html, { waitUntil: "load" });
      // Each name's words, as rendered: a word broken across lines has its first and last
      // characters on different lines (the tops of their own boxes differ).
      const broken = (await page.evaluate(`[...document.querySelectorAll("td.item")].flatMap((cell) => {
        const text = cell.firstChild;
        const words = [...text.textContent.matchAll(/\\S+/g)];
        const top = (at) => {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + 1);
          return Math.round(range.getBoundingClientRect().top);
        };
        return words.filter((word) => top(word.index) !== top(word.index + word[0].length - 1)).map((word) => word[0]);
      })`)) as string[];
      expect(broken, `${width}px`).toEqual([]);
      await expect(page.locator("td.item").count()).resolves.toBe(5);
      // The presumption: one sentence under the table (8 lines at 320 px, 7 at 360; each presumed row
      // ran about 16 before), no note on a presumed row (its status says it).
      const note = page.locator(".presumed-note");
      await expect(note.count()).resolves.toBe(1);
      const lineHeight = 13 * 1.5;
      const height = (await note.locator("div").boundingBox())?.height ?? Number.POSITIVE_INFINITY;
      expect(height / lineHeight, `${width}px: lines of the presumption`).toBeLessThanOrEqual(8);
      const presumedRow = page.locator("tr", { has: page.locator(".status", { hasText: "Presumed paid" }) });
      await expect(
        presumedRow.locator("xpath=following-sibling::tr[1]/td[@class='note']").count(),
      ).resolves.toBe(0);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      expect(await allA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, `email-budget-presumed-${width}`);
      await page.close();
    }
  });

  it("the weekly summary says what it is and lists what it gathers, accessibly", async () => {
    const summary = renderReminderEmail({
      recipientName: "Ada Okafor",
      reminders: [
        reminderFactory({ milestone: "lors", id: "lors:due-in-14d", title: "Get your letters uploaded" }),
        reminderFactory(),
      ],
      plan: planFactory(),
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
      weeklySummaryDay: "Wednesday",
    });
    const page = await browser.context.newPage();
    await page.setContent(summary.html, { waitUntil: "load" });
    // innerText, not textContent: the text as a reader sees it (rendered, hidden preheader left out).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is under test.
    const body = (await page.locator("body").innerText()).replace(/\s+/g, " ");
    expect(body).toContain("Your weekly summary: 2 reminders");
    // The two count down to one deadline: they come in the reading order the timeline shows
    // (display-order.ts), the plan's own order between equals.
    expect(body).toMatch(
      /In this summary: Submit the ERAS application \(due [^)]+\) Get your letters uploaded \(due [^)]+\)/,
    );
    expect(body).toContain("reminders about your US residency application (Match 2027)");
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "email-weekly-summary");
    await page.close();
  });

  it("has a main landmark and an h1, buttons under the next steps and a way to act on a critical risk", async () => {
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_ada",
      feedGeneration: 0,
      now: new Date("2026-09-17T08:00:00Z"),
    });
    const rendered = renderReminderEmail({
      recipientName: "Ada Okafor",
      reminders: [reminderFactory()],
      plan: planFactory({
        nextSteps: [
          stepFactory(),
          stepFactory({ milestone: "lors", title: "Get your letters uploaded", action: "Ask your writers." }),
        ],
        risks: [
          {
            code: "EXAMS_LATE_FOR_RANKING",
            severity: "critical",
            message: "Step 2 CK is booked after the date ECFMG must report it by.",
            milestones: ["usmle_step2ck"],
          },
        ],
      }),
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
      links,
    });
    const page = await browser.context.newPage();
    await page.setContent(rendered.html, { waitUntil: "load" });
    expect(await allA11yViolations(page)).toEqual([]);
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "One deadline needs your attention",
    );
    const steps = page.locator("li", { hasText: "Get your letters uploaded" });
    await expect(steps.getByRole("link", { name: "Done" }).getAttribute("href")).resolves.toBe(
      links.action("lors", "done"),
    );
    const risk = page.locator("li", { hasText: "Step 2 CK is booked after" });
    await expect(risk.getByRole("link", { name: "What to do" }).getAttribute("href")).resolves.toBe(
      `${links.timeline}#risks`,
    );
    await saveScreenshot(page, "email-steps-and-risks");
    await page.close();
  });

  it("a cancelled interview's email leads with the cancellation, says what the attached file does, and is accessible", async () => {
    const cancelledAt = "2027-05-12T15:00:00.000Z";
    const cancelled = renderReminderEmail({
      recipientName: "Ada Okafor",
      reminders: [
        reminderFactory(),
        reminderFactory({
          id: "interview-cancelled-iv-cook",
          milestone: "interview",
          interviewId: "iv-cook",
          rung: INTERVIEW_CANCELLED_RUNG,
          title: "Your interview with Cook County Internal Medicine is cancelled",
          deadline: cancelledAt,
          deadlineDetail: {
            at: cancelledAt,
            local: "Wed 12 May 2027, 4:00 PM WAT",
            et: "Wed 12 May 2027, 11:00 AM ET",
            status: "applicant",
            source: "interview start from your earlier email",
          },
          why: "Your interview record no longer has this interview: it was cancelled.",
        }),
      ],
      plan: planFactory(),
      interviews: [
        {
          id: "iv-cook",
          program: "Cook County Internal Medicine",
          startsAt: "2027-05-12T10:00:00-05:00",
          timezone: "America/Chicago",
          format: "virtual",
        },
      ],
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    });
    expect(cancelled.subject).toMatch(
      /^Your interview with Cook County Internal Medicine is cancelled: was to start /,
    );
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.setContent(cancelled.html, { waitUntil: "load" });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is under test.
    const body = (await page.locator("body").innerText()).replace(/\s+/g, " ");
    expect(body).toContain(
      "Was to start Wed 12 May 2027, 4:00 PM WAT (your time) Wed 12 May 2027, 10:00 AM CDT (at the program)",
    );
    expect(body).toContain("A calendar file (.ics) that cancels this interview is attached to this email.");
    expect(body.indexOf("is cancelled")).toBeLessThan(body.indexOf("Submit the ERAS application"));
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "email-interview-cancelled");
    await page.close();
  });
});
