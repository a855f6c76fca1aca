import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { linksSignedAt } from "#test/unit/functions/applicant-pages.ts";
import { InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { allA11yViolations } from "./support/accessibility.ts";
import type { BrowserSession } from "./support/chromium.ts";
import { launchWithApplicantPages } from "./support/in-process-api.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The visa steps' one-tap pages in Chromium, in the visa's words. A matched J-1 applicant in
 * Manila gives an interview day after the visa's date (our advice): the pages ask for an earlier
 * appointment and say the plan shows what it means for her start, never that the Match is lost. A
 * matched H-1B applicant in Lagos tells the day her program filed the petition (Filed on…), and the
 * petition's Done asks whether USCIS approved it. Every page checked with every axe rule and saved
 * as a screenshot.
 */
const CHAIN: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2025-01-10" },
  { key: "ecfmg_application", status: "done", date: "2025-02-01" },
  { key: "usmle_step1", status: "done", date: "2025-08-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-03-01", score: 245 },
  { key: "oet_medicine", status: "done", date: "2026-01-20" },
  { key: "ecfmg_pathway", status: "done", date: "2026-04-01" },
  { key: "ecfmg_certification", status: "done", date: "2026-06-01" },
  { key: "eras_application", status: "done", date: "2026-09-05" },
  { key: "nrmp_registration", status: "done", date: "2026-09-20" },
  { key: "rank_order_list", status: "done", date: "2027-02-20" },
  { key: "match_week", status: "done", date: "2027-03-15" },
  { key: "match_day", status: "done", date: "2027-03-19" },
];

describe("the J-1 visa interview's Scheduled for… after the visa's date, in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2027-06-13T01:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Maria Santos", timezone: "Asia/Manila", graduation: "2025-06-30" }), {
    milestones: [
      ...CHAIN,
      { key: "contract", status: "done", date: "2027-04-01" },
      { key: "j1_statement_of_need", status: "done", date: "2027-04-10" },
      { key: "j1_ecfmg_sponsorship", status: "done", date: "2027-04-12" },
      { key: "j1_ds2019", status: "done", date: "2027-05-14" },
    ],
  });
  const links = linksSignedAt(now);
  beforeAll(async () => {
    browser = await launchWithApplicantPages(store, now);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the form names the visa's date as our advice; the Recorded page asks for an earlier appointment", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("visa_j1", "schedule"));
    const form = (await page.locator("main").textContent()) ?? "";
    expect(form).toContain("This plan wants your visa by Wed 16 Jun 2027 (our advice)");
    expect(form).not.toContain("too late for this Match");
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "visa-interview-schedule-form");

    await page.getByLabel("Date (your time)").fill("2027-06-24");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    const recorded = (await page.locator("main").textContent()) ?? "";
    expect(recorded).toContain(
      "Thu 24 Jun 2027 is after Wed 16 Jun 2027 (our advice), the day this plan wanted your visa by.",
    );
    expect(recorded).not.toMatch(/too late to count|for this Match/);
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "visa-interview-recorded-after-visa-date");
    await page.close();
  });
});

describe("the H-1B petition's Filed on… and Done, in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2027-04-24T07:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Chidi Eze", visa: "H-1B", graduation: "2025-06-30" }), {
    milestones: [
      ...CHAIN,
      { key: "usmle_step3", status: "done", date: "2027-01-10", score: 225 },
      { key: "contract", status: "done", date: "2027-04-06" },
    ],
  });
  const links = linksSignedAt(now);
  beforeAll(async () => {
    browser = await launchWithApplicantPages(store, now);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("Done asks whether USCIS approved it; Filed on… records the filing day", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("visa_h1b", "done"));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Has USCIS approved your H-1B petition?",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "h1b-petition-done-approved");

    await page.goto(links.action("visa_h1b", "start"));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "On which day did your program file your H-1B petition with USCIS?",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "h1b-petition-filed-on-form");
    await page.getByLabel("Day it was filed (your time)").fill("2027-04-22");
    await page.getByRole("button", { name: "Save the filing day" }).click();
    await page.waitForLoadState("load");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You told us your program filed your H-1B petition on Thu 22 Apr 2027.",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "h1b-petition-filed-on-recorded");
    expect(store.state("a_ada").milestones.find((entry) => entry.key === "visa_h1b")).toEqual({
      key: "visa_h1b",
      status: "in_progress",
      date: "2027-04-22",
    });
    await page.close();
  });
});

describe("Step 3's Scheduled for… after ranking, in a browser", () => {
  let browser: BrowserSession;
  const now = new Date("2027-03-25T09:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Ana Lopez", visa: "H-1B", timezone: "America/Chicago" }), {
    milestones: CHAIN,
  });
  const links = linksSignedAt(now);
  beforeAll(async () => {
    browser = await launchWithApplicantPages(store, now);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a day after the petition's sit-by day is said as the start's, not the Match's", async () => {
    const page = await browser.context.newPage();
    await page.goto(links.action("usmle_step3", "schedule"));
    await page.getByLabel("Date (your time)").fill("2027-06-01");
    await page.getByRole("button", { name: "Save the date" }).click();
    await page.waitForLoadState("load");
    const recorded = (await page.locator("main").textContent()) ?? "";
    expect(recorded).toContain(
      "Tue 1 Jun 2027 is after Fri 19 Mar 2027 (our advice), the day this plan needed it by, which has passed.",
    );
    expect(await allA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, "step3-after-ranking-recorded");
    await page.close();
  });
});
