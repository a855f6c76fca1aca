import { describe, expect, it } from "vitest";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import { cohortRow } from "#domain/console/cohort-row.ts";
import { planFacts } from "#domain/console/row-as-of.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { cohortCsv, cohortFragment } from "../../../functions/console/pages/cohort.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The cohort row's "Next deadline" showed a step's late hard deadline
 * (ECFMG application, 25 Aug 2027, for a 2028 starter with only WDOMS done) while her email, the
 * same day, said "aim to finish by 27 Jan 2027" (its target, which drives the reminders). The row
 * shows what the plan counts down to, in the timeline's reading order, the deadline still readable.
 */
describe("cohort row: what the plan counts down to", () => {
  const applicant = applicantFactory({
    timezone: "Asia/Karachi",
    matchYear: 2028,
    visa: "J-1",
    graduation: "2027-07-15",
  });
  const input = inputFactory({
    applicant,
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
  });
  const now = "2026-11-30T12:00:00Z";
  const stored = plan(input, seasonCalendar(2028), new Date(now));

  it("shows the ECFMG application's target, labelled a target, with its deadline beside it", () => {
    const row = cohortRow({ applicantId: "a_1", applicant, plan: stored });
    const ecfmg = stored.nextSteps.find((step) => step.milestone === "ecfmg_application");
    expect(ecfmg?.target?.day).toBe("2027-01-27");
    expect(row.nextDeadline).toMatchObject({
      title: ecfmg === undefined ? undefined : stepForAdvisor(ecfmg),
      kind: "target",
      at: ecfmg?.target?.at,
      day: "2027-01-27",
      deadline: { at: ecfmg?.deadline?.at, status: ecfmg?.deadline?.status },
    });
  });

  it("names the first step of the timeline's reading order that counts down to a date", () => {
    const facts = planFacts(stored, applicant.timezone);
    const first = listedInReadingOrder(stored, applicant.timezone).find(
      (step) => step.target !== undefined || step.deadline !== undefined,
    );
    // By the advisor's name for the step: the cohort's reader is the advisor.
    expect(facts.nextDeadline?.title).toBe(first === undefined ? undefined : stepForAdvisor(first));
  });

  it("the cohort page and CSV say it is a target and keep the deadline readable", () => {
    const row = cohortRow({ applicantId: "a_1", applicant, plan: stored });
    const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };
    const html = cohortFragment(admin, [row], [row], { sort: "name", page: 1 });
    expect(html).toContain(
      '<time datetime="2027-01-27">Wed 27 Jan 2027</time> <span class="badge">target, not a deadline</span><br><span class="muted">deadline <time datetime="2027-06-01T02:00:00.000Z">Mon 31 May 2027, 10:00 PM ET</time> <span class="badge">our advice, not set by any authority</span></span>',
    );
    const [header, line] = cohortCsv([row]).trim().split("\r\n");
    const columns = header?.split(",") ?? [];
    const cells = line?.split(",") ?? [];
    expect(line).toContain(
      '"Wed 27 Jan 2027 (target, not a deadline; deadline Mon 31 May 2027, 10:00 PM ET)"',
    );
    expect(cells[columns.indexOf("nextDeadlineAt")]).toBe(row.nextDeadline?.at);
  });

  it("shows a booked exam as the applicant's own day, not its ET day", () => {
    const booked = inputFactory({
      applicant,
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-10-01"),
        milestoneFactory("ecfmg_application", "done", "2026-11-01"),
        milestoneFactory("usmle_step1", "scheduled", "2026-12-10"),
      ],
    });
    const row = cohortRow({
      applicantId: "a_2",
      applicant,
      plan: plan(booked, seasonCalendar(2028), new Date(now)),
    });
    expect(row.nextDeadline).toMatchObject({ kind: "own-date", day: "2026-12-10" });
  });
});
