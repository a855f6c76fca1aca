import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { budgetRows, PAID_SO_FAR } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { budgetLines } from "#email/reminder-sections.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { budgetSection } from "../../../functions/console/pages/budget.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * A fee paid on a known day is counted at the figure in force that day (fee-in-force.ts), so its
 * words say "the fee in force then", never "today's fee", in every channel. Ama, in Accra, sat
 * Step 1 on 14 May 2024, when IMGs paid ECFMG $985 (today's figure in the fee table is $680), and
 * reported Step 2 CK done with no day, which is counted at today's figure and says so.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/fee-in-force/step1-paid-2024-accra.json", import.meta.url),
);
const ama = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const now = new Date("2026-12-06T10:00:00Z");
const result = plan(ama, seasonCalendar(2027), now);
const rows = budgetRows(result.budget);
const step1 = rows.find((row) => row.label === "USMLE Step 1 exam fee");
const step2 = rows.find((row) => row.label === "USMLE Step 2 CK exam fee");
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-ama",
  feedGeneration: 0,
  now,
});
const timeline = timelinePage({
  firstName: "Ama",
  timezone: "Africa/Accra",
  plan: result,
  links,
  comingReminders: [],
}).body as string;

describe("a fee paid on a known day says it is the fee in force then", () => {
  it("Step 1 of May 2024 reads about $985, the fee in force then, not today's fee", () => {
    expect(step1).toMatchObject({ status: "Paid", amount: "about $985" });
    expect(step1?.note).toContain("$985 is an estimate at the fee in force then from Matchpath's fee table");
    expect(step1?.note).not.toContain("today's fee");
  });

  it("Step 2 CK done with no day is today's figure, and only it says so", () => {
    expect(step2?.note).toContain("today's fee");
    const todays = rows.filter((row) => row.note?.includes("today's fee"));
    // Her OET, sat on 10 Feb 2025, is no longer "AU$587 … at today's fee": the fee table has no 2025 figure.
    expect(todays.map((row) => row.label)).toEqual(["USMLE Step 2 CK exam fee"]);
    expect(rows.find((row) => row.label.startsWith("OET Medicine test fee"))).toMatchObject({
      status: "To verify",
      amount: "not found",
    });
  });

  it("the paid total claims no 'current fees' beside a fee of 2024", () => {
    expect(PAID_SO_FAR).not.toMatch(/current|today/);
    const budgetStep = result.nextSteps.find((step) => step.milestone === "budget");
    expect(budgetStep?.action ?? "").not.toMatch(/current fees/);
  });

  it("the email, the timeline and the console give the same row and words", () => {
    const email = budgetLines(result).join("\n");
    const console = budgetSection(result.budget, "Ama Mensah");
    expect(email).toContain("- USMLE Step 1 exam fee: about $985 (paid)");
    for (const text of [email, timeline, console]) {
      expect(text).toContain("about $985");
      expect(text).toContain("the fee in force then");
      expect(text).not.toContain("$985 is an estimate at today's fee");
    }
    expect(timeline).toContain(PAID_SO_FAR);
    expect(console).toContain(PAID_SO_FAR);
  });

  it("the CLI marks the row as priced on its day", () => {
    const cli = renderPlan(result, "Ama Mensah", "Africa/Accra");
    expect(cli).toMatch(/spent \(fee then\)\s+\$985\s+USMLE Step 1 exam fee/);
    expect(cli).toMatch(/\n {2}spent\s+\$680 !\s+USMLE Step 2 CK exam fee/);
  });

  it("the CLI marks no dated fee paid at today's figure: 'fee then' would tell nothing", () => {
    // Sita, in Kathmandu: every fee dated, each at the fee table's own (today's) figure.
    const sitaFile = fileURLToPath(
      new URL("../../fixtures/ds2019-waits-for-certificate/sponsorship-sent-kathmandu.json", import.meta.url),
    );
    const sita = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(sitaFile, "utf8")));
    const sitaPlan = plan(sita, seasonCalendar(2027), new Date("2027-05-15T06:00:00Z"));
    const cli = renderPlan(sitaPlan, "Sita Karki", "Asia/Kathmandu");
    expect(cli).toMatch(/\n {2}spent\s+\$160\s+Application for ECFMG Certification/);
    expect(cli).toMatch(/\n {2}spent\s+\$370\s+ECFMG J-1 sponsorship application fee/);
    expect(cli).not.toContain("fee then");
  });
});
