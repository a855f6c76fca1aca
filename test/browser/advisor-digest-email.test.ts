import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderDigestEmail } from "#email/digest-email.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { digestEntries } from "#usecases/advisor-digest.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * The advisors' daily digest as an advisor's mail client shows it, from real plans: one
 * applicant whose ERAS application is overdue while programs review, one whose school has no
 * ECFMG sponsor note, one with nothing open whose address bounced (Matchpath cannot reach her: said
 * once). Accessible (axe-core, WCAG 2.1 AA), readable on a phone without scrolling
 * sideways, every applicant linked to their console page.
 */
const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "nrmp_registration",
  "budget",
] as const;

function applicant(
  id: string,
  fullName: string,
  overrides: Partial<ApplicantState["profile"]> = {},
  alsoDone: readonly MilestoneEntry["key"][] = [],
  notDone: readonly MilestoneEntry["key"][] = [],
) {
  const milestones = [
    ...[...DONE, ...alsoDone]
      .filter((key) => !notDone.includes(key))
      .map((key): MilestoneEntry => ({ key, status: "done" })),
    { key: "ecfmg_pathway", status: "waived" } as MilestoneEntry,
    { key: "research", status: "waived" } as MilestoneEntry,
  ].map((entry) => ({ ...entry, updatedAt: "2026-01-01T00:00:00.000Z" }));
  const state = {
    profile: profileFactory({ applicantId: id, fullName, ...overrides }),
    milestones,
    interviews: [],
    ledger: [],
  } as ApplicantState;
  return { state, plan: domainPlanning.plan(state, new Date("2026-09-24T13:00:00Z")) };
}

describe("the advisor's daily digest email", () => {
  let browser: BrowserSession;
  const entries = digestEntries(
    undefined,
    [
      applicant("a_ada", "Ada Okafor"),
      // No USMLE pass: beside a "no" a pass would open the gate (sponsor-note-evidence.ts).
      applicant(
        "a_tunde",
        "Babatunde Adeyemi-Okonkwo",
        { medicalSchool: { name: "Unlisted College", country: "NG", wdomsSponsorNote: false } },
        [],
        ["usmle_step1", "usmle_step2ck"],
      ),
      { ...applicant("a_mei", "Mei Lin", {}, ["eras_application"]), unreachable: "bounce" },
    ],
    (id) => `https://matchpath.example/console#/applicants/${id}`,
  );
  const email = renderDigestEmail({
    day: "Thursday, September 24, 2026",
    entries,
    cohortUrl: "https://matchpath.example/console",
  });

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 600, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("links each applicant to their console page, passes axe-core, and reads at 360 px", async () => {
    expect(entries.map((entry) => entry.fullName)).toEqual([
      "Ada Okafor",
      "Babatunde Adeyemi-Okonkwo",
      "Mei Lin",
    ]);
    expect(entries[2]?.risks).toEqual([]);
    const page = await browser.context.newPage();
    await page.setContent(email.html, { waitUntil: "load" });
    const links = (await page.evaluate(
      `[...document.querySelectorAll("a")].map((a) => a.getAttribute("href"))`,
    )) as string[];
    expect(links).toContain("https://matchpath.example/console#/applicants/a_ada");
    expect(links).toContain("https://matchpath.example/console#/applicants/a_tunde");
    expect(links).toContain("https://matchpath.example/console#/applicants/a_mei");
    expect(links).toContain("https://matchpath.example/console");
    const text = (await page.evaluate("document.body.innerText")) as string;
    expect(text).toContain("ERAS application not submitted while programs review");
    expect(text).toContain("Medical school not eligible for ECFMG certification");
    expect(text).toContain("Newly overdue");
    expect(text).toContain(
      "Matchpath cannot reach Mei Lin: an email to their address bounced, so Matchpath sends them nothing more; ask them for a new address.",
    );
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "advisor-digest-600");
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "advisor-digest-360");
    await page.close();
  });
});
