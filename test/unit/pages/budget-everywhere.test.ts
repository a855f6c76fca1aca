import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escapeHtml } from "#email/html.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";
import { reminderFactory } from "#test/unit/usecases/fakes.ts";

// The budget step said "Fees still to come: $895 plus
// AU$587 (OET …) … item by item in the budget section", but the timeline's table and the email's
// budget block listed USD fees only: no OET fee, no Pathway fee, no visa integrity fee to verify.
const now = new Date("2026-11-30T20:00:00Z");
const pathway = plan(
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      graduation: "2025-06-30",
      timezone: "Pacific/Kiritimati",
    }),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-05-01"),
  }),
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
const budgetStep = pathway.nextSteps.find((step) => step.milestone === "budget");
// The plan has sent its budget reminders by now; the email shows the budget whenever one is in it.
const budgetReminder = reminderFactory({
  id: "budget:due-in-7d",
  milestone: "budget",
  title: "Plan your budget",
});
const timeline = timelinePage({
  firstName: "Tevita",
  timezone: "Pacific/Kiritimati",
  plan: pathway,
  links,
  comingReminders: [],
}).body;
const email = renderReminderEmail({
  recipientName: "Tevita",
  reminders: [budgetReminder],
  plan: pathway,
  links,
  unsubscribeUrl: "https://example.org/unsubscribe",
});

describe("the budget wherever it is shown", () => {
  const rows = budgetRows(pathway.budget);
  const totals = budgetTotals(pathway.budget);

  it("the scenario has a fee in AU$, fees to verify and a budget step", () => {
    expect(budgetStep).toBeDefined();
    expect(pathway.budget.otherCurrency?.map((item) => item.display)).toContain("AU$587");
    expect(pathway.budget.toVerify?.map((item) => item.key)).toEqual(
      expect.arrayContaining(["visa_integrity_fee", "ecfmg_pathway_application"]),
    );
  });

  it("the totals say per currency what the budget step's sentence says", () => {
    expect(totals.toPay).toBe(`$${pathway.budget.upcomingUsd.toLocaleString("en-US")} plus AU$587`);
    expect(budgetStep?.action).toContain(`Fees still to come: ${totals.toPay} (`);
  });

  it.each([
    ["timeline", () => timeline],
    ["email HTML", () => email.html],
    ["email text", () => email.text],
  ])("the %s lists every fee with its amount, status and flag", (surface, body) => {
    // The timeline keeps a range of years ("2016–17") whole with a word joiner (noteHtml).
    const page = (body() ?? "").replaceAll("\u2060", "");
    for (const row of rows) {
      const encode = surface === "email text" ? (text: string) => text : escapeHtml;
      expect(page).toContain(encode(row.label));
      expect(page).toContain(encode(row.amount));
      if (row.note) {
        // On the timeline the page to verify a flagged fee on is a link named by its host: its full
        // address broke the budget table mid-word at 360 px (timeline-narrow).
        const verifyAt = surface === "timeline" ? row.verifyAt : undefined;
        const host = verifyAt ? new URL(verifyAt.url).hostname.replace(/^www\./, "") : "";
        expect(page).toContain(
          verifyAt
            ? encode(row.note).replace(encode(verifyAt.url), `<a href="${encode(verifyAt.url)}">${host}</a>`)
            : encode(row.note),
        );
      }
    }
    expect(page).toContain("Visa Integrity Fee");
    expect(page).toContain("OET Medicine test fee");
    expect(page).toContain("ECFMG Pathway application fee");
    expect(page).toContain("To verify");
    expect(page).toContain(totals.toPay);
    if (surface === "timeline") expect(page).toContain(totals.paid);
    expect(page).not.toContain("Fees in US dollars");
  });

  it("the timeline names where each amount comes from, as the budget step promises ('with each source')", () => {
    const sources =
      /<summary>Where these amounts come from<\/summary>[\s\S]*?<\/details>/.exec(timeline ?? "")?.[0] ?? "";
    for (const row of rows)
      expect(sources).toContain(`<li>${escapeHtml(row.label)}: ${escapeHtml(row.source)}</li>`);
  });

  it("the email text prints each fee on one line with its status, and the totals per currency", () => {
    expect(email.text).toContain("- OET Medicine test fee, each sitting: AU$587 (coming)");
    expect(email.text).toContain(
      "- ECFMG Pathway application fee (amount not found) (estimate): not found (to verify)",
    );
    expect(email.text).toContain(`Still to pay: ${totals.toPay}`);
    expect(email.text).toContain("  To verify: check the current Pathways requirements before applying");
  });
});
