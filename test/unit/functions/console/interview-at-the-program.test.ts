import { describe, expect, it } from "vitest";
import { cohortRow } from "#domain/console/cohort-row.ts";
import { interviewFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortCsv, cohortFragment } from "../../../../functions/console/pages/cohort.ts";
import { auditRow } from "../../../../functions/console/pages/readable.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";
import { planAsListed } from "../../../../shared/cli/listed-plan.ts";

/**
 * An interview is shown at the program's time, never in ET, which is neither the applicant's zone
 * nor the program's, and it "starts", never "is due", wherever one time fits: the cohort's Next
 * date and its CSV, the change log's saved what-if, `npm run plan -- --json`, and the word on the
 * console's timeline. Priya, in Kolkata, has a virtual interview at 9:00 AM in Chicago (CST),
 * 10:00 AM ET.
 */
const interview = interviewFactory({
  program: "Lakeshore IM",
  startsAt: "2026-11-10T09:00:00-06:00",
  timezone: "America/Chicago",
});
const profile = profileFactory({ timezone: "Asia/Kolkata", fullName: "Priya Nair" });
const state = {
  profile,
  milestones: [
    milestoneFactory("wdoms_listing", "done", "2026-03-01"),
    milestoneFactory("ecfmg_application", "done", "2026-04-01"),
  ],
  interviews: [interview],
  ledger: [],
};
const NOW = "2026-11-08T12:00:00Z";
const plan = domainPlanning.plan(state, new Date(NOW));
const AT_PROGRAM = "Tue 10 Nov 2026, 9:00 AM CST (at the program)";

describe("an interview at the program's time", () => {
  it("is the cohort row's Next date, in the program's time, in the table and the CSV", () => {
    const row = cohortRow({ applicantId: "a_ada", applicant: profile, plan, interviews: state.interviews });
    expect(row.nextDeadline).toMatchObject({
      at: "2026-11-10T15:00:00.000Z",
      programZone: "America/Chicago",
    });
    const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(html).toContain(`<time datetime="2026-11-10T15:00:00.000Z">${AT_PROGRAM}</time>`);
    const csv = cohortCsv([row]);
    expect(csv).toContain(AT_PROGRAM);
    expect(csv).not.toContain("10:00 AM ET");
  });

  it("is the change log's saved what-if in the program's time", () => {
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const line = auditRow(
      {
        at: NOW,
        actor: "helen.advisor@matchpath.example",
        role: "advisor",
        action: "what-if.save",
        before: { milestones: [], interviews: [] },
        after: { type: "milestone.update", interviews: [{ ...interview }] },
      } as ApplicantView["audit"][number],
      view,
    );
    expect(line).toContain(
      `interview with Lakeshore IM: — → <time datetime="${interview.startsAt}">${AT_PROGRAM}</time>`,
    );
    expect(line).not.toContain("10:00 AM ET");
  });

  it("starts, on the console's timeline, where a deadline is due", () => {
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const items = timelineCard(view, "2026-11-08").split("<li");
    const card = items.find((item) => item.includes("Interview with Lakeshore IM"));
    expect(card).toMatch(
      /<br>starts <time [^>]*>[^<]* their time · Tue 10 Nov 2026, 9:00 AM CST \(at the program\)/,
    );
    expect(card).not.toMatch(/\bdue\b/);
  });

  it("carries its time at the program in --json, on its step and its reminders", () => {
    const listed = planAsListed(plan, profile.timezone, state.interviews);
    const step = listed.nextSteps.find((each) => each.milestone === "interview");
    expect(step?.atProgram).toBe(AT_PROGRAM);
    const reminders = listed.reminders.filter((each) => each.interviewId !== undefined);
    expect(reminders.length).toBeGreaterThan(0);
    // The start's reminders; the thank-you note's day is the applicant's, not the program's.
    for (const reminder of reminders)
      if (reminder.deadlineDetail.status === "applicant")
        expect(reminder.atProgram).toMatch(/ \(at the program\)$/);
      else expect(reminder.atProgram).toBeUndefined();
    expect(reminders.some((reminder) => reminder.atProgram !== undefined)).toBe(true);
    expect(
      listed.nextSteps.filter((each) => each.milestone !== "interview").some((each) => "atProgram" in each),
    ).toBe(false);
  });
});

describe("the thank-you note after the interview", () => {
  // The day after the interview its step is the note, whose day is Priya's own, never the program's.
  const after = domainPlanning.plan(state, new Date("2026-11-10T18:00:00Z"));
  const thanks = after.nextSteps.find((step) => step.milestone === "interview");

  it("is the thank-you step, dated by a day to send it", () => {
    expect(thanks?.title).toMatch(/^Thank /);
  });

  it("carries no time at the program in --json or the cohort's Next date", () => {
    const listed = planAsListed(after, profile.timezone, state.interviews);
    const step = listed.nextSteps.find((entry) => entry.milestone === "interview");
    expect(step?.atProgram).toBeUndefined();
    const row = cohortRow({
      applicantId: "a_ada",
      applicant: profile,
      plan: after,
      interviews: state.interviews,
    });
    expect(row.nextDeadline?.programZone).toBeUndefined();
  });
});
