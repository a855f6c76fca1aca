import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortRow } from "#domain/console/cohort-row.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { demoApplicants } from "#local/demo-applicants.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { budgetSection } from "../../functions/console/pages/budget.ts";
import { cohortFragment } from "../../functions/console/pages/cohort.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The console on a 390 px phone: the budget table was about 6,000
 * px tall, every fee's note spelled out under its name; the cohort showed Applicant, Match and Stage,
 * with the risk column an advisor scans first behind the sideways scroll. The notes fold, and on a
 * phone each applicant is a card that leads with their name, open risks and next date, with no
 * sideways scroll; on a desktop the cohort stays a table. The pages are the console's fragments in
 * its own stylesheet; axe-core finds no serious violation.
 */
const CSS = readFileSync(new URL("../../functions/console/assets/console.css", import.meta.url), "utf8");
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console</title><style>${CSS}</style></head><body><main id="main">${body}</main></body></html>`;

const now = new Date("2027-04-01T10:00:00Z");
const planOf = (fullName: string) => {
  const found = demoApplicants("b").find((each) => each.snapshot.applicant.fullName.startsWith(fullName));
  if (found === undefined) throw new Error(`no demo applicant ${fullName}`);
  const { applicant, milestones, interviews } = found.snapshot;
  const profile = profileFactory({ ...applicant, applicantId: `a_${fullName.toLowerCase()}` });
  const state = { profile, milestones: milestones as MilestoneEntry[], interviews, ledger: [] };
  return { profile, plan: domainPlanning.plan(state, now) };
};
const people = ["Chiamaka", "Aarav", "Omar", "Fatima"].map(planOf);
const rows = people.map(({ profile, plan }) =>
  cohortRow({ applicantId: profile.applicantId, applicant: profile, plan }),
);
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
const cohortHtml = page(cohortFragment(admin, rows, rows, { sort: "name", page: 1 }));
const budgetHtml = page(
  `<section aria-labelledby="budget-h"><span id="budget-h" hidden>Budget</span>${budgetSection(people[0]?.plan.budget ?? ({} as never))}</section>`,
);

describe("the console on a 390 px phone", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (html: string, width: number): Promise<Page> => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height: 844 });
    await tab.setContent(html, { waitUntil: "load" });
    return tab;
  };

  it("folds the budget's notes: the table is a phone's screen or two, each note one tap away", async () => {
    const tab = await open(budgetHtml, 390);
    const table = tab.getByRole("region", { name: "Budget table" });
    const height = (await table.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
    // Spelled out, the notes made it 7,676 px at 390 px; folded, with each name on its own line, 1,300-1,400.
    expect(height).toBeLessThan(2_000);
    const notes = table.locator("details");
    expect(await notes.count()).toBeGreaterThan(0);
    const first = notes.first();
    expect(await first.locator("p, span.muted").first().isVisible()).toBe(false);
    await first.locator("summary").click();
    expect(await first.locator("span.muted").first().isVisible()).toBe(true);
    expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(tab);
    await saveScreenshot(tab, "console-budget-390");
    await tab.close();
  });

  it("lets the budget footer's 'Paid so far' heading span its row, the amount beside or under it", async () => {
    // At 390 px the footer's heading cell must not wrap into a narrow grey column.
    const tab = await open(budgetHtml, 390);
    const table = tab.getByRole("region", { name: "Budget table" });
    const row = await table.locator("tfoot tr").first().boundingBox();
    const heading = await table.locator("tfoot th").first().boundingBox();
    expect(row).not.toBeNull();
    expect(heading).not.toBeNull();
    expect(heading?.width ?? 0).toBeGreaterThanOrEqual((row?.width ?? 0) * 0.95);
    // A string: the project's types have no DOM library.
    const lineHeight = Number(
      await tab.evaluate(
        `parseFloat(getComputedStyle(document.querySelector('[aria-label="Budget table"] tfoot th')).lineHeight) || 20`,
      ),
    );
    // One line of text plus the cell's padding: not wrapped word by word.
    expect(heading?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(lineHeight * 2 + 12);
    await saveScreenshot(tab, "console-budget-footer-390");
    await tab.close();
  });

  it("shows each applicant's open risks and next date without sideways scroll", async () => {
    const tab = await open(cohortHtml, 390);
    const region = tab.getByRole("region", { name: "Cohort table" });
    const sideways = await region.evaluate((box) => box.scrollWidth - box.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    for (const label of ["Open risks", "Next date"]) {
      const cell = region.locator(`td[data-label="${label}"]`).first();
      const box = await cell.boundingBox();
      expect(box, label).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(390);
      expect(await cell.locator(".cell-label").isVisible(), label).toBe(true);
      expect(await cell.textContent(), label).toMatch(new RegExp(`^${label}: `));
    }
    // The name leads each card, its open risks right under it.
    const name = await region.locator("tbody tr").first().locator("td").first().boundingBox();
    const risks = await region.locator('tbody tr td[data-label="Open risks"]').first().boundingBox();
    expect((risks?.y ?? 0) > (name?.y ?? 0)).toBe(true);
    const deadline = await region.locator('tbody tr td[data-label="Next date"]').first().boundingBox();
    expect((deadline?.y ?? 0) > (risks?.y ?? 0)).toBe(true);
    // The column headers are still the table's, for a screen reader.
    expect(await region.getByRole("columnheader", { name: "Open risks" }).count()).toBe(1);
    expect(await tab.locator(".scroll-hint:visible").count()).toBe(0);
    await expectNoSeriousA11yViolations(tab);
    await saveScreenshot(tab, "console-cohort-390");
    await tab.close();
  });

  it("keeps the cohort a table on a desktop", async () => {
    const tab = await open(cohortHtml, 1280);
    const header = await tab.getByRole("columnheader", { name: "Open risks" }).boundingBox();
    expect(header?.height ?? 0).toBeGreaterThan(0);
    expect(await tab.locator(".cell-label").first().isVisible()).toBe(false);
    const cells = tab.locator("tbody tr").first().locator("td");
    const [a, b] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(a?.y).toBe(b?.y);
    await saveScreenshot(tab, "console-cohort-1280");
    await tab.close();
  });
});
