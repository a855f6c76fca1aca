import { describe, expect, it } from "vitest";
import { RESULT_FOLLOW_UP_RUNG } from "#domain/planner/own-date.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * An exam sat with no result yet (Fatima: Karachi, 2028 Match, Step 2 CK sat on 20 Jul 2027, no result yet,
 * timeline at 10 Sep 2027): the step reads "Result pending", not "Overdue" 4½ months before its
 * deadline; no "aim to finish by" reminder or line after the exam day; the follow-up asking for the
 * result and the hard-deadline ladder stay.
 */
describe("an exam sat with no result recorded: result pending, no target nags", () => {
  const input = {
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi" }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-10-01"),
      milestoneFactory("ecfmg_application", "done", "2026-11-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-07-20"),
    ],
    interviews: [],
  };
  const now = new Date("2027-09-10T09:00:00Z");
  const thePlan = plan(input, seasonCalendar(2028), now);
  const step2 = thePlan.nextSteps.find((step) => step.milestone === "usmle_step2ck");

  it("plans the step as urgent (tell us your result), never overdue while its deadline is ahead", () => {
    expect(step2?.urgency).toBe("urgent");
    expect(Date.parse(step2?.deadline?.at ?? "")).toBeGreaterThan(now.getTime());
    expect(thePlan.overdue.map((step) => step.milestone)).not.toContain("usmle_step2ck");
  });

  it("sends no target-date reminder for it after the exam day, at any instant after it", () => {
    for (const at of ["2027-07-21T09:00:00Z", "2027-08-01T09:00:00Z", "2027-09-10T09:00:00Z"]) {
      const later = plan(input, seasonCalendar(2028), new Date(at));
      const nags = later.reminders.filter(
        (reminder) => reminder.milestone === "usmle_step2ck" && reminder.title.includes("(target date)"),
      );
      expect(nags, at).toEqual([]);
    }
    // The control: not yet booked, the same target does count down (the filter above can find it).
    // Step 1 done: else its passed target moves Step 2 CK's by a gap, with no date.
    const unbooked = plan(
      {
        ...input,
        milestones: [
          ...input.milestones.slice(0, 2),
          milestoneFactory("usmle_step1", "done", "2027-03-01"),
          milestoneFactory("usmle_step2ck", "in_progress"),
        ],
      },
      seasonCalendar(2028),
      new Date("2027-07-21T09:00:00Z"),
    );
    expect(
      unbooked.reminders.some(
        (reminder) => reminder.milestone === "usmle_step2ck" && reminder.title.includes("(target date)"),
      ),
    ).toBe(true);
  });

  it("keeps the follow-up asking for the result and the hard-deadline rungs before the deadline", () => {
    const ofStep = thePlan.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");
    expect(ofStep.some((reminder) => reminder.rung === RESULT_FOLLOW_UP_RUNG)).toBe(true);
    const ladder = ofStep.filter((reminder) => reminder.rung !== RESULT_FOLLOW_UP_RUNG);
    expect(ladder.length).toBeGreaterThan(0);
    for (const reminder of ladder) {
      // Up to the last sitting day, a rung also asks to rebook a sitting not taken; the
      // result deadline's rungs ask for the result, never a bare "Pass …".
      expect(reminder.title).toMatch(
        /^(Has your USMLE Step 2 CK score come\? If so, tell us the result|Your USMLE Step 2 CK result must reach ECFMG by \w{3} \d{1,2} \w{3} \d{4} \(projected\): has it arrived\? Tell us the result)$/,
      );
      expect(Date.parse(reminder.sendAt)).toBeLessThanOrEqual(Date.parse(step2?.deadline?.at ?? ""));
    }
  });

  it("shows 'Result pending' on the timeline, the exam day that was, and no 'Aim to finish by'", () => {
    const html =
      timelinePage({
        firstName: "Fatima",
        timezone: "Asia/Karachi",
        links: applicantLinks({
          baseUrl: "https://api.example.org",
          keyring: parseKeyring(`k1=${"s".repeat(40)}`),
          applicantId: "a_fatima",
          feedGeneration: 0,
          now,
        }),
        plan: thePlan,
        comingReminders: [],
      }).body ?? "";
    const item = /<h3>Pass USMLE Step 2 CK[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";
    // TARGETS_SLIPPED (critical) names the step: the badge says urgent too.
    expect(item).toContain('<span class="tag urgent">Urgent: result pending</span>');
    expect(item).not.toContain("Overdue");
    expect(item).toContain("Your exam was: <strong>Tue 20 Jul 2027</strong>");
    expect(item).not.toContain("Aim to finish by");
  });
});
