import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * An early starter (2028 Match, only WDOMS done) on 30 Nov 2026 read
 * "Submit the Application for ECFMG Certification Urgent — Due Wed 25 Aug 2027 … Aim to finish by
 * Wed 27 Jan 2027": the badge comes from the target, yet the eye read "Urgent … Due Aug 2027".
 * One rule: a step whose target is shown leads with it, the deadline after.
 */
describe("timeline: a target shown leads the step's dates", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const thePlan = plan(
    {
      applicant: applicantFactory({
        matchYear: 2028,
        timezone: "Africa/Lagos",
        visa: "J-1",
        graduation: "2027-06-30",
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
      interviews: [],
    },
    seasonCalendar(2028),
    now,
  );
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
      comingReminders: [],
    }).body ?? "";

  it("puts 'Aim to finish by' before 'Due' on every step with a target ahead, the ECFMG application included", () => {
    const application = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_application");
    // Its latest safe start is four weeks ahead, so it is soon, not urgent.
    expect(application?.urgency).toBe("soon");
    expect(application?.target).toBeDefined();
    const withTarget = thePlan.nextSteps.filter(
      (step) =>
        step.target !== undefined &&
        step.deadline !== undefined &&
        Date.parse(step.target.at) > now.getTime(),
    );
    expect(withTarget.map((step) => step.milestone)).toContain("ecfmg_application");
    for (const step of withTarget) {
      const item = new RegExp(`<h3>${step.title}[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";
      const target = item.indexOf("Aim to finish by <strong>");
      const due = item.indexOf("Due <strong>");
      expect(target).toBeGreaterThan(-1);
      expect(due).toBeGreaterThan(-1);
      expect(target).toBeLessThan(due);
    }
  });
});
