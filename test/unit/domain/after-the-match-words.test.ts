import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { stepLine } from "#email/reminder-sections.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { stepHtml } from "#pages/timeline-step.ts";

/**
 * After the Match, in words that fit the phase.
 * (a) The Match Week and Match Day steps in their reporting phase ask what NRMP told the applicant:
 * their reminders said "Answer by …", while the timeline card and the email's "Your next
 * steps" line still said "On …". One wording on all three: Match Week's, asked now while SOAP runs,
 * "Tell us today; SOAP ends …" (SOAP does not wait for an answer-by day); Match Day's "Answer by". Wanjiru: Nairobi, J-1, 2027 list
 * certified, neither Match Week nor Match Day reported.
 * (b) A 2028 applicant (not moved) with SOAP in progress and no date, from the 2027 Match: once the
 * 2028 season had begun the plan kept it and read "You are in SOAP" a year early. No SOAP of the
 * plan's Match runs before its Match Week's Monday release: until then it is preparation. Paolo:
 * Manila, 2028 Match, exams and Pathway done.
 */
const DIR = fileURLToPath(new URL("../../fixtures/after-the-match/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const stepOf = (planned: Plan, key: string): NextStep | undefined =>
  planned.nextSteps.find((step) => step.milestone === key);
const links: ApplicantLinks = {
  timeline: "https://example.org/t",
  preferences: "https://example.org/p",
  feed: "https://example.org/f",
  feedSubscription: "webcal://example.org/f",
  action: (milestone, action) => `https://example.org/a/${milestone}/${action}`,
};
const card = (planned: Plan, step: NextStep): string =>
  stepHtml(step, planned, links, undefined, "Africa/Nairobi", [], []);

describe("a Match outcome question reads as its reminder does on its card and step line", () => {
  const wanjiru = snapshotOf("match-outcome-unreported-nairobi.json");

  it("Match Week, Tuesday: tell us today, SOAP ending when it does, as its reminder says", () => {
    const planned = planAt(wanjiru, "2027-03-16T12:00:00+03:00");
    const step = stepOf(planned, "match_week");
    expect(step?.title).toBe("Match Week: tell us whether you matched");
    const line = stepLine(step as NextStep, Date.parse(planned.now), planned.risks);
    // SOAP's end, 5:00 PM ET Thursday, is midnight in Nairobi: the end of Thursday, never Friday.
    expect(step?.deadline?.local).toBe("Thu 18 Mar 2027, end of the day (midnight GMT+3)");
    expect(line).toContain("(tell us today; SOAP ends Thu 18 Mar 2027, end of the day (midnight GMT+3)");
    expect(line).not.toMatch(/\(on Thu 18 Mar/);
    expect(card(planned, step as NextStep)).toContain(
      '<p class="due">Tell us today; SOAP ends <strong>Thu 18 Mar 2027, end of the day (midnight',
    );
    const reminder = planned.reminders.find((each) => each.rung === "match-week-result");
    expect(reminder?.deadlineDetail.local).toBe(step?.deadline?.local);
  });

  it("Match Day, after its release: answer by the date its question gives", () => {
    const planned = planAt(wanjiru, "2027-03-22T12:00:00+03:00");
    const step = stepOf(planned, "match_day");
    expect(step?.title).toBe("Match Day: tell us where you matched");
    const line = stepLine(step as NextStep, Date.parse(planned.now), planned.risks);
    // Its date is the contract's day, our advice, as its question's: "answer by Fri 2 Apr 2027".
    expect(line).toContain("(answer by Fri 2 Apr 2027");
    expect(line).not.toMatch(/\(on [A-Z][a-z]{2} \d+/);
    expect(card(planned, step as NextStep)).toContain('<p class="due">Answer by <strong>Fri 2 Apr 2027');
    const reminder = planned.reminders.find((each) => each.rung === "match-day-weekly");
    expect(reminder?.deadlineDetail.local).toBe(step?.deadline?.local);
  });

  it("before the Monday release Match Week is an event: 'On' (control)", () => {
    const planned = planAt(wanjiru, "2027-03-10T12:00:00+03:00");
    const step = stepOf(planned, "match_week");
    expect(step?.title).not.toContain("tell us");
    expect(stepLine(step as NextStep, Date.parse(planned.now), planned.risks)).toMatch(
      /\(on Mon 15 Mar 2027/,
    );
    expect(card(planned, step as NextStep)).toContain('<p class="due">On <strong>');
  });
});

describe("an undated SOAP in progress before the plan's Match Week is preparation", () => {
  const paolo = snapshotOf("soap-in-progress-undated-2028-manila.json");
  const everyText = (planned: Plan): string =>
    JSON.stringify([planned.nextSteps, planned.blocked, planned.reminders, planned.risks]);

  it.each(["2027-07-02T10:00:00+08:00", "2027-12-02T10:00:00+08:00"])(
    "at %s, the 2028 plan never says 'You are in SOAP'",
    (now) => {
      const planned = planAt(paolo, now);
      expect(everyText(planned)).not.toContain("You are in SOAP");
      const soap = [...planned.nextSteps, ...planned.blocked].find((step) => step.milestone === "soap");
      expect(soap?.title).toBe("SOAP, if you do not match");
    },
  );

  it("from the 2028 Match Week's Monday release, SOAP in progress counts (control)", () => {
    const registered: MilestoneEntry[] = [
      { key: "eras_token", status: "done", date: "2027-06-10" },
      { key: "eras_application", status: "done", date: "2027-09-20" },
      { key: "lors", status: "done", date: "2027-09-01" },
      { key: "personal_statement", status: "done", date: "2027-09-01" },
      { key: "cv", status: "done", date: "2027-09-01" },
      { key: "program_list", status: "done", date: "2027-09-05" },
      { key: "nrmp_registration", status: "done", date: "2027-09-28" },
      { key: "rank_order_list", status: "done", date: "2028-02-15" },
    ];
    const inSoap = { ...paolo, milestones: [...paolo.milestones, ...registered] };
    const monday = seasonCalendar(2028).dates.nrmp_match_week_start_and_soap_start.at;
    const before = planAt(inSoap, new Date(monday - 3_600_000).toISOString());
    expect(everyText(before)).not.toContain("You are in SOAP");
    const after = planAt(inSoap, new Date(monday + 24 * 3_600_000).toISOString());
    expect(stepOf(after, "soap")?.action).toMatch(/^You are in SOAP/);
  });
});
