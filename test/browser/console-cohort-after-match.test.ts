import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortRow, selectRows } from "#domain/console/cohort-row.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortFragment } from "../../functions/console/pages/cohort.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The cohort as an advisor reads it in Chromium: in December an applicant with every exam and the
 * Pathway passed, interviewing, stood at "Exams and ECFMG" (her certificate is due by June); in
 * July one not matched and not in SOAP read "2027 → 2028 (2027 out of reach)" at "Rank order list".
 * Now "Interviews", and "(2027: not matched, not in SOAP)" at "ERAS application". axe-core finds no
 * serious violation.
 */
const CSS = readFileSync(new URL("../../functions/console/assets/console.css", import.meta.url), "utf8");
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console</title><style>${CSS}</style></head><body><main id="main">${body}</main></body></html>`;

const ROAD: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-04-01" },
  { key: "ecfmg_application", status: "done", date: "2023-03-01" },
  { key: "usmle_step1", status: "done", date: "2023-10-01" },
  { key: "usmle_step2ck", status: "done", date: "2024-08-20", score: 240 },
  { key: "oet_medicine", status: "done", date: "2024-10-05", score: 380 },
  { key: "ecfmg_pathway", status: "done", date: "2025-01-20" },
  { key: "lors", status: "done", date: "2026-08-01" },
  { key: "personal_statement", status: "done", date: "2026-08-15" },
  { key: "cv", status: "done", date: "2026-08-15" },
  { key: "program_list", status: "done", date: "2026-08-20" },
  { key: "eras_token", status: "done", date: "2026-06-12" },
  { key: "eras_application", status: "done", date: "2026-09-10" },
  { key: "nrmp_registration", status: "done", date: "2026-10-02" },
];
const INTERVIEWS: Interview[] = [
  {
    program: "Hartford Internal Medicine",
    startsAt: "2026-12-10T09:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
  },
];
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

function row(fullName: string, milestones: MilestoneEntry[], now: string) {
  const first = fullName.split(" ")[0]?.toLowerCase() ?? "x";
  const profile = profileFactory({ applicantId: `a_${first}`, fullName, email: `${first}@example.org` });
  const plan = domainPlanning.plan(
    { profile, milestones, interviews: INTERVIEWS, ledger: [] },
    new Date(now),
  );
  return cohortRow({ applicantId: profile.applicantId, applicant: profile, plan, interviews: INTERVIEWS });
}

describe("the cohort's stage and Match in interview season and after the Match", () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reads each applicant where the season has them", async () => {
    const rows = [
      row("Adaeze Obi", ROAD, "2026-12-08T16:00:00Z"),
      row(
        "Samir Khoury",
        [
          ...ROAD,
          { key: "ecfmg_certification", status: "done", date: "2025-03-15" },
          { key: "rank_order_list", status: "done", date: "2027-02-16" },
          { key: "soap", status: "waived", date: "2027-03-15" },
        ],
        "2027-07-17T10:00:00Z",
      ),
    ];
    const tab = await browser.context.newPage();
    await tab.setContent(
      page(cohortFragment(admin, selectRows(rows, {}, "name"), rows, { sort: "name", page: 1 })),
    );
    const cells = async (name: string) => {
      const line = tab.locator("main tbody tr", { hasText: name });
      return {
        match: (await line.locator('td[data-label="Match"]').textContent()) ?? "",
        stage: (await line.locator('td[data-label="Stage"]').textContent()) ?? "",
      };
    };
    const adaeze = await cells("Adaeze Obi");
    expect(adaeze.stage).toContain("Interviews");
    const samir = await cells("Samir Khoury");
    expect(samir.match).toContain("2028 (2027: not matched, not in SOAP)");
    expect(samir.match).not.toContain("out of reach");
    expect(samir.stage).toContain("ERAS application");
    await expectNoSeriousA11yViolations(tab);
    await saveScreenshot(tab, "console-cohort-after-match");
    await tab.close();
  });
});
