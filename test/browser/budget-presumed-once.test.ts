import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESUMED_ONCE } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, interviewFactory } from "#test/unit/domain/factories.ts";
import { budgetSection } from "../../functions/console/pages/budget.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { SCREENSHOT_DIR } from "./support/screenshots.ts";

/**
 * The applicant's timeline and the advisor console put the whole presumption on every
 * presumed-paid row, as the email once did (test/unit/email/budget-presumed-once.test.ts). Like the email,
 * they say it once, under the table, and every item name wraps between words only, at 320 and
 * 360 px. A Nairobi graduate who has reported nothing but an interview in Boston.
 */
const now = new Date("2026-12-10T09:00:00Z");
const planned = plan(
  {
    applicant: applicantFactory({
      externalId: "fixy-wanjiru",
      fullName: "Wanjiru Kamau",
      timezone: "Africa/Nairobi",
      matchYear: 2027,
      graduation: "2024-11-30",
      medicalSchool: { name: "University of Nairobi", country: "KE", wdomsSponsorNote: true },
    }),
    milestones: [],
    interviews: [
      interviewFactory({ program: "Harbor Family Medicine", startsAt: "2027-01-14T09:00:00-05:00" }),
    ],
  },
  seasonCalendar(2027),
  now,
);
const timeline =
  timelinePage({
    firstName: "Wanjiru",
    timezone: "Africa/Nairobi",
    links: applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "a_wanjiru",
      feedGeneration: 0,
      now,
    }),
    plan: planned,
    comingReminders: planned.reminders.slice(0, 6),
  }).body ?? "";
const CSS = readFileSync(new URL("../../functions/console/assets/console.css", import.meta.url), "utf8");
const consolePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console</title><style>${CSS}</style></head><body><main id="main"><section id="budget-s" aria-labelledby="budget-h"><span id="budget-h" hidden>Budget</span>${budgetSection(planned.budget)}</section></main></body></html>`;

const surfaces = [
  ["timeline", timeline, "section[aria-labelledby=budget]"],
  ["console", consolePage, "#budget-s"],
] as const;

/** The words of each item name (the name cell's own text, not its note) that sit on two lines. */
const BROKEN_NAMES = (section: string) => `(() => {
  const broken = [];
  let words = 0;
  for (const cell of document.querySelectorAll("${section} tbody tr:not(.fee-note) > td:first-child")) {
    const node = cell.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    for (const match of node.data.matchAll(/\\S+/g)) {
      words += 1;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return { broken, words };
})()`;

describe("the budget's presumption said once on the timeline and the console", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the plan has several fees presumed paid", () => {
    expect(planned.budget.items.filter((item) => item.status === "presumed").length).toBeGreaterThan(2);
  });

  it.each(
    surfaces.flatMap(([name, html, section]) =>
      [320, 360].map((width) => [name, width, html, section] as const),
    ),
  )("%s at %i px: the presumption once, names whole, axe clean", async (name, width, html, section) => {
    const page: Page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 740 });
    await page.setContent(html, { waitUntil: "load" });
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page
      .locator(section)
      .screenshot({ path: join(SCREENSHOT_DIR, `budget-presumed-once-${name}-${width}.png`) });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is under test.
    const text = (await page.locator(section).innerText()).replace(/\s+/g, " ");
    expect(text.split(PRESUMED_ONCE).length - 1).toBe(1);
    // No row repeats the presumption (the note a presumed row carried before).
    expect(await page.locator(section).innerHTML()).not.toContain("Presumed from your interview");
    const { broken, words } = (await page.evaluate(BROKEN_NAMES(section))) as {
      broken: string[];
      words: number;
    };
    expect(words).toBeGreaterThan(10);
    expect(broken).toEqual([]);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });
});
