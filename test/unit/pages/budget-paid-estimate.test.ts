import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals, PAID_SO_FAR } from "#domain/budget-words.ts";
import { FEES } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";
import { budgetSection } from "../../../functions/console/pages/budget.ts";

/**
 * Fatima's budget said "USMLE Step 1 exam fee … Paid $680" and "Paid so far
 * $1,825", built from the fee table although she never said what she paid (Matchpath asks for no
 * amount), and the Step 1 fee's source was FSMB's content server (a "step-3-faq" address). Her
 * Step 2 CK, booked for 2027, is now counted at Step 1's $680 as an estimate (no Step 2 CK figure
 * was found), not the old $985: the paid total reads about $1,520.
 */
const now = new Date("2027-03-15T06:00:00Z");
const fatima = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi", fullName: "Fatima Malik" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-10-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-03-30"),
    ],
  }),
  seasonCalendar(2028),
  now,
);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});
const timeline = timelinePage({
  firstName: "Fatima",
  timezone: "Asia/Karachi",
  plan: fatima,
  links,
  comingReminders: [],
}).body;

describe("a fee the applicant did not report reads as an estimate", () => {
  const rows = budgetRows(fatima.budget);
  const step1 = rows.find((row) => row.label.startsWith("USMLE Step 1 exam fee"));

  it("a paid row gives 'about' the fee table's amount and says it is not what they told us", () => {
    expect(fatima.budget.spentUsd).toBe(1520);
    expect(step1?.status).toBe("Paid");
    expect(step1?.amount).toBe("about $680");
    expect(step1?.note).toContain(
      "an estimate at the fee in force then from Matchpath's fee table, not an amount you gave us",
    );
    for (const row of rows.filter((each) => each.status === "Paid")) expect(row.amount).toMatch(/^about /);
    for (const row of rows.filter((each) => each.status === "Coming"))
      expect(row.amount).not.toMatch(/^about /);
  });

  it("the paid total is an estimate too, on the timeline and the advisor's console", () => {
    expect(budgetTotals(fatima.budget).paid).toBe("about $1,520");
    expect(PAID_SO_FAR).toBe("Paid so far (estimated from the fee table)");
    for (const page of [timeline, budgetSection(fatima.budget)]) {
      expect(page).toContain(`<th scope="row">${PAID_SO_FAR}</th>`);
      expect(page).toContain("about $1,520");
      expect(page).not.toContain(">Paid so far<");
    }
  });

  it("the budget step says the amount paid so far is estimated", () => {
    const budgetStep = fatima.nextSteps.find((step) => step.milestone === "budget");
    expect(budgetStep?.action).toContain("(paid so far, estimated from the fee table: about $1,520)");
    expect(budgetStep?.action).not.toContain("spent so far");
  });

  it("nothing paid reads $0, not 'about $0'", () => {
    const none = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2028 }) }),
      seasonCalendar(2028),
      now,
    );
    expect(none.budget.spentUsd).toBe(0);
    expect(budgetTotals(none.budget).paid).toBe("$0");
  });
});

describe("each fee cites the page its figure is on", () => {
  // Step 1's $680 is on FSMB's 2025 fee table only, at the address the fact sheet cites for it
  // (FSMB's content server, so the figure is labelled secondary); ECFMG's FAQ shows no figure. No
  // other fee names that server.
  it("no fee's source is FSMB's content server but Step 1's, whose figure is only there", () => {
    for (const fee of FEES)
      if (fee.key !== "usmle_step1_exam") expect(fee.source).not.toContain("dxcloud.episerver.net");
    const step1 = FEES.find((fee) => fee.key === "usmle_step1_exam");
    expect(step1?.source).toBe("https://fsmb01mstr63nn9inte.dxcloud.episerver.net/usmle/step-3-faq");
    expect(step1?.verify).toMatch(/^flagged, verify: \$680 is FSMB's 2025 Step 1 fee/);
  });
});
