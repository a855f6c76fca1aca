import { describe, expect, it } from "vitest";
import { PRESUMED_ONCE, PRESUMED_PAID } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { budgetLines } from "#email/reminder-sections.ts";
import { budgetHtml } from "#pages/timeline-sections.ts";
import { applicantFactory, inputFactory, interviewFactory } from "#test/unit/domain/factories.ts";
import { budgetSection } from "../../../functions/console/pages/budget.ts";

/**
 * The fees an interview presumes paid show as their own line wherever the budget is
 * shown (the applicant's timeline, the console's applicant page, the email's budget block), apart
 * from "Paid so far", in USD and AU$ alike.
 */
const result = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "advs-ines",
      fullName: "Inês Carvalho",
      timezone: "America/Sao_Paulo",
      matchYear: 2027,
      graduation: "2024-12-15",
      medicalSchool: { name: "Universidade de São Paulo", country: "BR", wdomsSponsorNote: true },
    }),
    milestones: [],
    interviews: [
      interviewFactory({
        program: "Mesa Verde Pediatrics",
        startsAt: "2027-01-08T09:00:00-07:00",
        timezone: "America/Denver",
      }),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-12-05T12:00:00Z"),
);

describe("the presumed-paid line", () => {
  it("timeline: a 'Presumed paid' total beside 'Paid so far: $0', and rows marked so", () => {
    const html = budgetHtml(result.budget);
    expect(html).toContain(PRESUMED_PAID);
    expect(html).toMatch(/Presumed paid<\/td><td class="amount">about AU\$587/);
    expect(html).toMatch(
      /Paid so far \(estimated from the fee table\)<\/th><td><\/td><td class="amount">\$0</,
    );
  });

  it("console: the same total line", () => {
    const html = budgetSection(result.budget);
    expect(html).toContain(PRESUMED_PAID);
    expect(html).toMatch(/about \$[\d,]+ plus AU\$587/);
  });

  it("email: each presumed fee's row says presumed paid, and the budget says why once", () => {
    const lines = budgetLines(result);
    expect(lines.some((line) => /^- USMLE Step 1 exam fee: about \$680 \(presumed paid\)$/.test(line))).toBe(
      true,
    );
    expect(lines.filter((line) => line === PRESUMED_ONCE)).toHaveLength(1);
  });
});
