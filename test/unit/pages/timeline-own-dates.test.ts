import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * A date the applicant gives ("Scheduled for…") is shown beside the
 * authority's deadline, never in its place, in the human format the Due line uses.
 */
describe("timeline: the applicant's own dates beside the deadlines", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-10-01"),
        milestoneFactory("ecfmg_application", "done", "2026-11-01"),
        milestoneFactory("usmle_step2ck", "scheduled", "2027-06-15"),
        milestoneFactory("ecfmg_pathway", "scheduled", "2028-05-01"),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    now,
  );
  const html =
    timelinePage({
      firstName: "Priya",
      timezone: "Asia/Kolkata",
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_priya",
        feedGeneration: 0,
        now,
      }),
      plan: thePlan,
      comingReminders: [],
    }).body ?? "";
  const stepHtml = (title: string) => new RegExp(`<h3>${title}[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";

  it("shows the Pathway's projected deadline and, beside it, the later date the applicant gave, flagged", () => {
    const pathway = stepHtml("Complete an ECFMG Pathway");
    // The Pathway rule (projection-rules.json milestoneOffsets): 60 days before the 2028 ROL deadline (Wed 23 Feb 2028, 9 PM ET).
    expect(pathway).toMatch(/Due <strong>Sun 26 Dec 2027[^<]*<\/strong>/);
    expect(pathway).toContain(
      'Your date: <strong>Mon 1 May 2028</strong> <span class="tag overdue">after the deadline</span>',
    );
    expect(pathway).toContain("You plan to submit your Pathway application on Mon 1 May 2028");
    expect(pathway).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("shows the exam day beside the Step 2 CK deadline, in words", () => {
    const step2 = stepHtml("Pass USMLE Step 2 CK");
    expect(step2).toMatch(/Due <strong>[^<]*2028[^<]*<\/strong>/);
    expect(step2).toContain("Your exam: <strong>Tue 15 Jun 2027</strong>");
    expect(step2).toContain("Your exam is on Tue 15 Jun 2027");
    expect(step2).not.toContain("after the deadline");
  });
});
