import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { reminderFactory } from "#test/unit/usecases/fakes.ts";
import { budgetSection } from "../../../functions/console/pages/budget.ts";

/**
 * The NRMP registration fee's "Where these amounts come from" gave only a
 * personal-finance blog, the figure's source (flagged "to verify on NRMP's Match Fees page"). The
 * figure cites NRMP's own newsletter it follows from, and NRMP's fees page (the fact sheet's NRMP
 * applicant fees row) is given as the place to verify, on the console, the timeline and in the email.
 */
const NRMP_FEES_PAGE = "http://www.nrmp.org/match-process/match-fees/";
const now = new Date("2026-06-01T12:00:00Z");
const thePlan = plan(
  inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones: examsDone("2025-06-01") }),
  seasonCalendar(2027),
  now,
);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});

describe("the NRMP fee names NRMP's own page to verify it", () => {
  const row = budgetRows(thePlan.budget).find((each) => each.label.startsWith("NRMP registration"));

  it("the row keeps the figure's source and names NRMP's page to verify", () => {
    expect(row?.source).toBe("https://www.nrmp.org/about/news/2023/02/february-2023-illuminator/");
    expect(row?.verifyAt).toEqual({ page: expect.stringContaining("NRMP"), url: NRMP_FEES_PAGE });
    expect(row?.note).toContain(NRMP_FEES_PAGE);
  });

  it.each([
    ["console", () => budgetSection(thePlan.budget)],
    [
      "timeline",
      () => timelinePage({ firstName: "A", timezone: "UTC", plan: thePlan, links, comingReminders: [] }).body,
    ],
    [
      "email",
      () =>
        renderReminderEmail({
          recipientName: "A",
          reminders: [
            reminderFactory({ id: "budget:due-in-7d", milestone: "budget", title: "Plan your budget" }),
          ],
          plan: thePlan,
          links,
          unsubscribeUrl: "https://example.org/unsubscribe",
        }).text,
    ],
  ])("the %s shows NRMP's fees page", (_, body) => {
    expect(body()).toContain(NRMP_FEES_PAGE);
  });
});
