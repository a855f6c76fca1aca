import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { PROJECTED_SENTENCE } from "#calendar/feed-parts.ts";
import { DATE_TAGS } from "#domain/date-basis.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
} from "#test/unit/domain/factories.ts";

// A calendar event read "Rule: -7 days from the eras_application due date;
// advice: …": the planner's rule text with an internal key. A calendar app shows the description
// to the applicant (and whoever shares the calendar): titles and plain sentences only.
const scenarios: [string, number, string, MilestoneKey[], string][] = [
  ["an early starter", 2028, "2027-06-30", ["wdoms_listing"], "2026-11-30T20:00:00Z"],
  [
    "a Pathway applicant",
    2027,
    "2025-06-30",
    ["wdoms_listing", "ecfmg_application", "usmle_step1"],
    "2026-11-30T20:00:00Z",
  ],
  [
    "an applicant in ERAS season",
    2027,
    "2024-06-30",
    ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck"],
    "2026-07-01T20:00:00Z",
  ],
];

describe.each(scenarios)("the calendar of %s", (_who, matchYear, graduation, done, now) => {
  const thePlan = plan(
    inputFactory({
      applicant: applicantFactory({ matchYear, graduation, timezone: "Africa/Lagos" }),
      milestones: doneMilestones(done, "2026-05-01"),
    }),
    seasonCalendar(matchYear),
    new Date(now),
  );
  const feed = renderApplicantFeed({
    applicantId: "a_test",
    timezone: "Africa/Lagos",
    plan: thePlan,
    interviews: [],
    updatedAt: now,
  });
  const events = new ICAL.Component(ICAL.parse(feed))
    .getAllSubcomponents("vevent")
    .map((component) => new ICAL.Event(component));

  it("has events, and no description shows an internal key or rule text", () => {
    expect(events.length).toBeGreaterThan(3);
    for (const event of events) {
      const text = `${event.summary}\n${event.description}`;
      expect(text, event.summary).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/);
      expect(text, event.summary).not.toMatch(/Rule:|days from the|advice:|target:/);
    }
  });

  it("marks every projected deadline in a sentence and gives each deadline in both zones", () => {
    for (const step of [...thePlan.nextSteps, ...thePlan.blocked]) {
      if (!step.deadline || step.milestone === "interview") continue;
      const event = events.find((each) => each.uid === `a_test.${step.milestone}.deadline@matchpath`);
      // A post-Match advice date is a day (precision "day", catalog `due.asDay`): shown once, as a
      // target is, with no time to convert; every instant deadline in both zones.
      expect(event?.description).toContain(
        step.deadline.precision === "day"
          ? `${step.deadline.local}`
          : `${step.deadline.local} (your time) / ${step.deadline.et} (US Eastern)`,
      );
      if (step.deadline.precision === "day") expect(event?.description).not.toContain("(US Eastern)");
      if (step.deadline.status === "projected") expect(event?.description).toContain(PROJECTED_SENTENCE);
    }
  });

  it("puts a deadline that is a day (post-Match advice dates) on that day, all day, as its description and the timeline say", () => {
    // "Due Thu 30 Mar 2028" sat at 4:30 PM on Fri 31 Mar in Lagos, a timed
    // event ending at the raw instant in New York.
    const days = [...thePlan.nextSteps, ...thePlan.blocked].filter(
      (step) => step.milestone !== "interview" && step.deadline?.precision === "day",
    );
    for (const step of days) {
      const event = events.find((each) => each.uid === `a_test.${step.milestone}.deadline@matchpath`);
      expect([step.milestone, event?.startDate.isDate, event?.startDate.toString()]).toEqual([
        step.milestone,
        true,
        step.deadline?.day,
      ]);
    }
  });

  it("puts the contract on its rule's day, 14 days after Match Day, in Lagos as in New York", () => {
    // The 2028 contract ("14 days from the match_day due date", Match Day
    // Fri 17 Mar 2028) was DTSTART;VALUE=DATE:20280330, a day before its own rule's date.
    const contract = events.find((each) => each.uid === "a_test.contract.deadline@matchpath");
    const dated = [...thePlan.nextSteps, ...thePlan.blocked].some(
      (step) => step.milestone === "contract" && step.deadline !== undefined,
    );
    // The early starter's plan has it; a plan without a dated contract has no event.
    expect(contract !== undefined).toBe(dated);
    if (matchYear === 2028) expect(contract, "the contract event").toBeDefined();
    // Of the Match its steps are dated for: out of reach, these scenarios' next one, planned in full
    // (the Pathway applicant has Step 2 CK and the Pathway to do on 30 Nov 2026).
    const outOfReach = thePlan.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
    const matchDaySeason = outOfReach ? matchYear + 1 : matchYear;
    const matchDay = seasonCalendar(matchDaySeason).dates.nrmp_match_day.at;
    const rule = new Date(matchDay + 14 * 86_400_000).toISOString().slice(0, 10);
    if (contract !== undefined)
      expect([contract.startDate.isDate, contract.startDate.toString()]).toEqual([true, rule]);
  });

  it("names a target still ahead beside the deadline as a day in the applicant's zone, as the timeline words it", () => {
    for (const step of thePlan.nextSteps) {
      if (!step.target || !step.deadline || Date.parse(step.target.at) <= Date.parse(now)) continue;
      const event = events.find((each) => each.uid === `a_test.${step.milestone}.deadline@matchpath`);
      // A target is a day (precision "day"): no time, no "(your time)", no US Eastern copy of the day.
      expect(step.target.precision).toBe("day");
      expect(event?.description).toContain(`Aim to finish by ${step.target.local}: a ${DATE_TAGS.target}.`);
    }
  });
});

describe("an interview's description", () => {
  it("says where to change it and where the whole plan is in two sentences, not one run-on", () => {
    const interview = interviewFactory({
      startsAt: "2027-04-06T10:00:00-05:00",
      timezone: "America/Chicago",
    });
    const feed = renderApplicantFeed({
      applicantId: "a_test",
      timezone: "Australia/Sydney",
      plan: plan(
        inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), interviews: [interview] }),
        seasonCalendar(2027),
        new Date("2027-03-01T00:00:00Z"),
      ),
      interviews: [interview],
      updatedAt: "2027-03-01T00:00:00Z",
    });
    const event = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents("vevent")
      .map((component) => new ICAL.Event(component))
      .find((each) => each.summary.startsWith("Interview:"));
    // Not "send your interview form again": without the reference that adds a second interview,
    // so the sentence names the reference.
    expect(event?.description).toMatch(
      /To move or cancel this interview, send your interview form with its reference, [\w.:-]+, or ask your advisor: without the reference, a form adds a second interview instead of moving this one\. Your whole plan: open See my whole timeline in any recent Matchpath email\.$/,
    );
    expect(event?.description).not.toMatch(/; See|email shows/);
  });
});
