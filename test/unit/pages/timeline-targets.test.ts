import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * A reminder about a competitive target was listed as "(due …)" under "Your next
 * emails", contradicting the step's real deadline on the same page. A target reads "aim to finish
 * by", and the step shows its target beside the deadline (or beside "No fixed deadline").
 */
describe("timeline: target dates are never shown as deadlines", () => {
  const now = new Date("2027-05-01T12:00:00Z");
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", visa: "J-1" }),
      milestones: [milestoneFactory("usmle_step1", "done", "2026-06-01")],
      interviews: [],
    },
    seasonCalendar(2028),
    now,
  );
  const toTarget = thePlan.reminders.filter((reminder) => reminder.countsDownTo === "target");
  const html =
    timelinePage({
      firstName: "Ngozi",
      timezone: "Africa/Lagos",
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_ngozi",
        feedGeneration: 0,
        now,
      }),
      plan: thePlan,
      comingReminders: toTarget,
    }).body ?? "";

  it("lists a target's reminder as 'aim to finish by', never 'due'", () => {
    expect(toTarget.length).toBeGreaterThan(0);
    const emails = /<section aria-labelledby="emails">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(emails).toContain("(target date) (aim to finish by ");
    expect(emails).not.toContain("(due ");
  });

  it("shows each step's target ahead as 'Aim to finish by', tagged as not a deadline, beside its deadline", () => {
    const withTarget = thePlan.nextSteps.filter(
      (step) => step.target !== undefined && Date.parse(step.target.at) > now.getTime(),
    );
    expect(withTarget.length).toBeGreaterThan(0);
    for (const step of withTarget) {
      const item = new RegExp(`<h3>${step.title}[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";
      expect(item).toContain("Aim to finish by <strong>");
      // A target is a day in the applicant's zone: no "(your time)" after it, as after a timed deadline.
      expect(item).toContain(`Aim to finish by <strong>${step.target?.local}</strong> <span class="tag">`);
      expect(item).toContain('<span class="tag">target, not a deadline</span>');
      expect(item).toMatch(step.deadline ? /Due <strong>/ : /No fixed deadline/);
    }
  });
});

describe("timeline: the order of next steps is explained", () => {
  it("says the steps are ordered by urgency, then by date", () => {
    const html =
      timelinePage({
        firstName: "Ngozi",
        timezone: "Africa/Lagos",
        links: applicantLinks({
          baseUrl: "https://api.example.org",
          keyring: parseKeyring(`k1=${"s".repeat(40)}`),
          applicantId: "a_ngozi",
          feedGeneration: 0,
          now: new Date("2027-05-01T12:00:00Z"),
        }),
        plan: plan(
          {
            applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos" }),
            milestones: [],
            interviews: [],
          },
          seasonCalendar(2028),
          new Date("2027-05-01T12:00:00Z"),
        ),
        comingReminders: [],
      }).body ?? "";
    expect(html).toMatch(
      /<h2 id="next">Next steps<\/h2><p class="due">Most urgent first: what is due within a week, [^<]*by the first date each counts down to [^<]*\.<\/p>/,
    );
  });
});
