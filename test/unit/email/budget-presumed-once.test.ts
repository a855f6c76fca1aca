import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { budgetLines } from "#email/reminder-sections.ts";
import { applicantFactory, inputFactory, interviewFactory } from "#test/unit/domain/factories.ts";
import { reminderFactory } from "#test/unit/usecases/fakes.ts";

/**
 * The email's budget for an interviewing applicant whose fees are presumed paid, read on a
 * 360 px phone: each presumed row repeated the whole presumption, about 16
 * lines a row in the name column, and the names broke mid-word. The presumption is said once, under
 * the table; each row keeps its status ("Presumed paid") and only what a flag says about its amount.
 */
const result = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "fixh-tomas",
      fullName: "Tomás Reyes",
      timezone: "America/Bogota",
      matchYear: 2027,
      graduation: "2023-11-30",
      medicalSchool: { name: "Universidad Nacional de Colombia", country: "CO", wdomsSponsorNote: true },
    }),
    milestones: [],
    interviews: [
      interviewFactory({
        program: "Lakeshore Family Medicine",
        startsAt: "2027-01-14T08:30:00-06:00",
        timezone: "America/Chicago",
      }),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-12-07T15:00:00Z"),
);
const presumption = /your interview suggests/g;

describe("the email's budget says the presumption once", () => {
  const html = renderReminderEmail({
    recipientName: "Tomás Reyes",
    reminders: [
      reminderFactory({ milestone: "budget", id: "budget:due-in-7d", title: "Review your budget" }),
    ],
    plan: result,
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
  }).html;
  const table = html.slice(html.indexOf(">Your budget<"), html.indexOf("Amounts from the sources named"));

  it("the plan has several fees presumed paid (the case under test)", () => {
    expect(result.budget.items.filter((item) => item.status === "presumed").length).toBeGreaterThan(2);
  });

  it("HTML: the presumption once, after the rows; every presumed row still marked 'Presumed paid'", () => {
    expect(table.match(presumption)).toHaveLength(1);
    expect(table.indexOf("Fees marked “Presumed paid”")).toBeGreaterThan(table.indexOf("Still to pay"));
    const presumedRows = result.budget.items.filter((item) => item.status === "presumed").length;
    expect(table.match(/>Presumed paid</g)?.length).toBeGreaterThanOrEqual(presumedRows);
  });

  it("HTML: item names wrap between words only, and their notes span the table's width", () => {
    const names = [...table.matchAll(/<td class="item" style="([^"]*)"/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(5);
    for (const style of names) expect(style).toContain("word-break:normal;overflow-wrap:break-word");
    expect(table).not.toMatch(/<td class="item"[^>]*>[^<]*<br>/);
    expect(table).toMatch(/<td class="note" colspan="2"/);
  });

  it("plain text: the same sentence once, after what is still to pay", () => {
    const lines = budgetLines(result);
    expect(lines.filter((line) => line.includes("your interview suggests"))).toHaveLength(1);
    const once = lines.findIndex((line) => line.startsWith("Fees marked “Presumed paid”"));
    expect(once).toBeGreaterThan(lines.findIndex((line) => line.startsWith("Still to pay")));
  });
});
