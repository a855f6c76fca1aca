import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Budget, BudgetItem } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage } from "#pages/action-pages.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * An applicant whose 2027 Match is over (no certified rank order list by
 * its deadline): no bill for that season's ERAS and NRMP fees, no post-Match step "waiting on
 * something", no Done button for its steps, and the next-emails section says why none is planned.
 */
describe("a season that is over: no actions, no bill, no waiting", () => {
  const input = {
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos", visa: "H-1B" }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-06-01"),
      milestoneFactory("ecfmg_application", "done", "2026-06-10"),
      milestoneFactory("usmle_step1", "done", "2026-06-20"),
      milestoneFactory("usmle_step2ck", "done", "2026-07-20"),
      // The OET reported and the Pathway submitted in time for ECFMG's review, so the applicant could
      // have ranked: with them missing the season was out of reach at its deadline and stays
      // MATCH_YEAR_NOT_FEASIBLE after it.
      milestoneFactory("oet_medicine", "done", "2026-08-01"),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-09-01"),
    ],
    interviews: [],
  };
  const calendar = seasonCalendar(2027);
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const over = plan(input, calendar, new Date(rol + 7 * 86_400_000));
  const before = plan(input, calendar, new Date(rol - 7 * 86_400_000));

  it("is the SEASON_OVER case, and the control (a week before the deadline) is not", () => {
    expect(over.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    expect(before.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
  });

  // Its ERAS and NRMP fees come back as the next Match's, estimated and marked so
  // ("Fees still to come: $0" for an IMG who will pay them again): none is that
  // season's bill, and no late fee is budgeted for the next Match.
  it("bills none of that season's fees (ERAS, NRMP, the late fee), only the next Match's; the control bills its own", () => {
    const seasonFees = (items: readonly BudgetItem[]) =>
      items.filter((item) => /^(eras|nrmp)/.test(item.key) && item.status === "upcoming");
    const all = (budget: Budget) => [...budget.items, ...(budget.toVerify ?? [])];
    expect(seasonFees(all(before.budget)).length).toBeGreaterThan(0);
    expect(seasonFees(all(before.budget)).filter((item) => item.nextMatch !== undefined)).toEqual([]);
    expect(seasonFees(all(over.budget)).filter((item) => item.nextMatch?.matchYear !== 2028)).toEqual([]);
    expect(seasonFees(all(over.budget)).map((item) => item.key)).not.toContain("nrmp_late_fee");
    // The control, ERAS never submitted a week before the deadline, weighs the next Match: its ERAS
    // and NRMP fees are held "if you apply for the 2027 Match" (to verify, in no total),
    // so they are added back.
    const heldFees = (before.budget.toVerify ?? [])
      .filter(
        (item) => /^(eras|nrmp)/.test(item.key) && item.verify?.startsWith("If you apply for the 2027 Match"),
      )
      .reduce((sum, item) => sum + item.amountUsd, 0);
    expect(heldFees).toBeGreaterThan(0);
    // ERAS and NRMP only: Step 3 and its visitor visa are held apart while Step 3 cannot reach this
    // Match, and are the next Match's own fees once the season is over.
    const upcomingSeasonFees = (budget: Budget) =>
      budget.items
        .filter((item) => /^(eras|nrmp)/.test(item.key) && item.status === "upcoming")
        .reduce((sum, item) => sum + item.amountUsd, 0);
    expect(upcomingSeasonFees(over.budget)).toBeLessThan(upcomingSeasonFees(before.budget) + heldFees);
  });

  it("lists no step of that season as waiting on something, and offers no action on its steps", () => {
    const bound = (key: string) => catalogEntry(key as never).seasonBound === true;
    expect(before.blocked.some((step) => bound(step.milestone))).toBe(true);
    // Still ahead: not listed at all; past its deadline: listed as overdue only (the console says why).
    const overdue = new Set(over.overdue.map((step) => step.milestone));
    expect(over.blocked.filter((step) => bound(step.milestone) && !overdue.has(step.milestone))).toEqual([]);
    for (const step of [...over.nextSteps, ...over.overdue].filter((step) => bound(step.milestone)))
      expect(actionsFor(step, over, "Africa/Lagos", input.milestones), step.milestone).toEqual([]);
  });

  it("says on the timeline that no email is planned, and why", () => {
    const now = new Date(rol + 7 * 86_400_000);
    const html =
      timelinePage({
        firstName: "Chiamaka",
        timezone: "Africa/Lagos",
        links: applicantLinks({
          baseUrl: "https://api.example.org",
          keyring: parseKeyring(`k1=${"s".repeat(40)}`),
          applicantId: "a_chiamaka",
          feedGeneration: 0,
          now,
        }),
        plan: over,
        comingReminders: [],
      }).body ?? "";
    const emails = /<h2 id="emails">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(emails).toContain("No email is planned: the Match 2027 season has passed for you");
    // Only a step not bound to that season still waits (ECFMG certification, on the Pathway).
    const waiting = /<h2 id="blocked">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect([...waiting.matchAll(/<h3>([^<]*)<\/h3>/g)].map((match) => match[1])).toEqual([
      "Receive ECFMG certification",
    ]);
  });

  it("answers an older email's Done link for such a step with 'nothing to record', no form", () => {
    const page = actionConfirmationPage(
      {
        claims: {
          purpose: "action",
          applicantId: "a_chiamaka",
          milestone: "personal_statement",
          action: "done",
          issuedAt: new Date(rol - 30 * 86_400_000),
          expiresAt: new Date(rol + 30 * 86_400_000),
          nonce: "n1",
          keyId: "k1",
        },
        state: { profile: {} as never, milestones: [], interviews: [], ledger: [] },
        plan: over,
        title: "Write your personal statement",
        currentStatus: "not_started",
        alreadyApplied: false,
        seasonPassed: true,
        snoozeOptions: [],
        today: "2027-03-03",
        latest: "2027-07-01",
      },
      "https://api.example.org/actions",
      "https://api.example.org/timeline",
    );
    expect(page.body).toContain("Nothing to record for “Write your personal statement”");
    expect(page.body).toContain("belonged to the Match 2027 season, which has passed for you");
    expect(page.body).not.toContain("<form");
  });
});
