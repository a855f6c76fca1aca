import { describe, expect, it } from "vitest";
import { deadlineWords } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * On 2 Dec 2026 the timeline showed "Register for the NRMP … Overdue — Due Thu 25 Feb
 * 2027": NRMP's early registration deadline (30 Nov) had passed, late registration (with a fee)
 * runs to the rank order list deadline. The badge and the dates must agree: the page says which
 * date passed and labels the date ahead as the late deadline.
 */
describe("timeline: a step past its early deadline while a late one holds", () => {
  const now = new Date("2026-12-02T06:00:00Z");
  const zone = "Pacific/Kiritimati";
  const thePlan = plan(
    {
      applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa: "J-1" }),
      milestones: [
        milestoneFactory("usmle_step1", "done", "2026-06-01"),
        milestoneFactory("usmle_step2ck", "scheduled", "2027-01-10"),
        milestoneFactory("eras_application", "done", "2026-09-20"),
        // OET and the Pathway done: with them still to do, ECFMG's Pathway review puts the 2027
        // Match out of reach on 2 Dec, and registration waits for 2028.
        milestoneFactory("oet_medicine", "done", "2026-05-01"),
        milestoneFactory("ecfmg_pathway", "done", "2026-06-01"),
      ],
      interviews: [],
    },
    seasonCalendar(2027),
    now,
  );
  const registration = thePlan.nextSteps.find((step) => step.milestone === "nrmp_registration");
  const html =
    timelinePage({
      firstName: "Tēvita",
      timezone: zone,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_tevita",
        feedGeneration: 0,
        now,
      }),
      plan: thePlan,
      comingReminders: [],
    }).body ?? "";
  const item = /<h3>Register for the NRMP[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";

  it("carries the passed early deadline in the plan, before the late deadline still ahead", () => {
    // Still possible until the late deadline: urgent, not overdue.
    expect(registration?.urgency).toBe("urgent");
    const missed = registration?.missedDeadline;
    const late = registration?.deadline;
    expect(Date.parse(missed?.at ?? "")).toBeLessThan(now.getTime());
    expect(Date.parse(late?.at ?? "")).toBeGreaterThan(now.getTime());
  });

  it("badges it 'Urgent: early deadline passed' (the step is pressed), names that date, and labels the date ahead 'Late deadline'", () => {
    const missed = registration?.missedDeadline;
    const late = registration?.deadline;
    if (!missed || !late) throw new Error("no late-deadline step");
    expect(item).toContain('<span class="tag urgent">Urgent: early deadline passed</span>');
    expect(item).not.toContain(">Overdue<");
    expect(item).toContain(
      `Early deadline <strong>${deadlineWords(missed).local}</strong> (your time) has passed`,
    );
    expect(item).toContain(`Late deadline <strong>${deadlineWords(late).local}</strong>`);
    expect(item).not.toMatch(/<p class="due">Due /);
  });

  it("keeps 'Overdue' and 'Due' for a step with one deadline", () => {
    const single = thePlan.nextSteps.filter((step) => step.deadline && !step.missedDeadline);
    expect(single.length).toBeGreaterThan(0);
    expect(html).toMatch(/<p class="due">Due <strong>/);
  });
});
