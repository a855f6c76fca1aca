import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { renderInterviewInvite } from "#calendar/interview-ics.ts";
import { waitingForTitle } from "#domain/catalog/index.ts";
import { dateBasis } from "#domain/date-basis.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Applicant, MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Steps that wait for another step (ECFMG certification, Match Week and Match Day were once
 * missing from the feed): a subscriber sees every deadline of their road, the waiting ones marked as such,
 * under the UID the event keeps once the step can start. Read back with ical.js.
 */
function feedOf(thePlan: Plan, applicantId = "a_road") {
  const component = new ICAL.Component(
    ICAL.parse(
      renderApplicantFeed({
        applicantId,
        timezone: "Asia/Kolkata",
        plan: thePlan,
        interviews: [],
        updatedAt: "2026-05-20T08:00:00.000Z",
      }),
    ),
  );
  for (const zone of component.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

const june = new Date("2026-06-01T00:00:00Z");
function planFor(milestones: MilestoneEntry[], applicant: Partial<Applicant> = {}, now = june) {
  return plan(
    {
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata", ...applicant }),
      milestones,
      interviews: [],
    },
    seasonCalendar(2027),
    now,
  );
}

describe("the calendar feed: steps waiting for another step", () => {
  const thePlan = planFor([milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")]);
  const events = feedOf(thePlan);
  const byUid = (milestone: string) =>
    events.find((event) => event.uid === `a_road.${milestone}.deadline@matchpath`);

  it("holds every deadline of the road: next, overdue and waiting steps alike", () => {
    const waiting = thePlan.blocked.filter((step) => step.resolvedBy === undefined);
    expect(waiting.map((step) => step.milestone)).toEqual(
      expect.arrayContaining(["ecfmg_certification", "match_week", "match_day"]),
    );
    const dated = [...thePlan.nextSteps, ...thePlan.overdue, ...waiting].filter(
      (step) => step.milestone !== "interview" && step.deadline,
    );
    for (const step of dated) expect(byUid(step.milestone), step.milestone).toBeDefined();
  });

  it("marks a waiting step in its title and says what it waits for, with the cut-off in both zones", () => {
    for (const step of thePlan.blocked) {
      if (!step.deadline) continue;
      const event = byUid(step.milestone);
      const names = step.waitingFor.map(waitingForTitle).join(", ");
      expect(event?.summary.endsWith(`waiting for ${names})`), `${step.milestone}: ${event?.summary}`).toBe(
        true,
      );
      expect(event?.description).toContain(`Waiting for ${names}`);
      expect(event?.description).toContain(step.deadline.local);
      expect(event?.description).toContain(step.deadline.et);
      // A cut-off ends at its instant; a deadline that is a day is that day, all day
      // (such a day sat a day later in Lagos when it ended at the raw instant).
      // NRMP's news (Match Week's Monday, Match Day's release) is no cut-off: it starts at its hour.
      if (step.deadline.precision === "day") expect(event?.startDate.toString()).toBe(step.deadline.day);
      else if (step.milestone === "match_week" || step.milestone === "match_day")
        expect(event?.startDate.toJSDate().toISOString()).toBe(new Date(step.deadline.at).toISOString());
      else expect(event?.endDate.toJSDate().toISOString()).toBe(new Date(step.deadline.at).toISOString());
      // Projected dates say so, waiting or not, and so does our advice.
      const basis = dateBasis(step.deadline);
      if (basis === "projected") expect(event?.summary).toContain("(projected; waiting for");
      if (basis === "advice") expect(event?.summary).toContain("(our advice; waiting for");
    }
    const certification = byUid("ecfmg_certification");
    // Two weeks before residency starts: our advice, whatever the season.
    expect(certification?.summary).toMatch(/^Due: [^(]+ \(our advice; waiting for .*Step 2 CK.*\)$/);
    // No reminder is planned for a step that cannot start, so its event has no alarm.
    expect(certification?.component.getAllSubcomponents("valarm")).toEqual([]);
  });

  it("keeps the UID when the step can start, so the calendar updates the event instead of adding one", () => {
    const waitingEvent = byUid("eras_application");
    expect(waitingEvent?.summary).toContain("waiting for");
    const afterToken = feedOf(
      planFor([
        milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20"),
        // Tokens for a season come out in June (ECFMG); one from before 2026-05-31 is the 2026 season's.
        milestoneFactory("eras_token", "done", "2026-06-30"),
      ]),
    );
    const started = afterToken.filter((event) => event.uid === "a_road.eras_application.deadline@matchpath");
    expect(started).toHaveLength(1);
    expect(started[0]?.summary).not.toContain("waiting for");
    expect(started[0]?.endDate.toJSDate().toISOString()).toBe(waitingEvent?.endDate.toJSDate().toISOString());
  });

  it("leaves out the dates behind an eligibility gate, which may not apply at all (DESIGN decision 10)", () => {
    const gated = planFor([], {
      medicalSchool: { name: "Unlisted College", country: "IN", wdomsSponsorNote: false },
    });
    const behindGate = gated.blocked.filter((step) => step.resolvedBy !== undefined);
    expect(behindGate.length).toBeGreaterThan(0);
    const gatedEvents = feedOf(gated, "a_gated");
    for (const step of behindGate) {
      expect(step.deadline, step.milestone).toBeUndefined();
      expect(gatedEvents.some((event) => event.uid === `a_gated.${step.milestone}.deadline@matchpath`)).toBe(
        false,
      );
    }
  });
});

describe("an interview email's .ics", () => {
  it("holds that interview alone, not the road's waiting steps (they belong in the feed)", () => {
    const thePlan = planFor([milestoneFactory("usmle_step2ck", "scheduled", "2026-08-20")]);
    expect(thePlan.blocked.some((step) => step.deadline)).toBe(true);
    const component = new ICAL.Component(
      ICAL.parse(
        renderInterviewInvite({
          applicantId: "a_road",
          timezone: "Asia/Kolkata",
          plan: thePlan,
          interview: {
            id: "mercy-im",
            program: "Mercy Internal Medicine",
            startsAt: "2026-11-12T10:00:00-06:00",
            timezone: "America/Chicago",
            format: "virtual",
          },
          updatedAt: "2026-05-20T08:00:00.000Z",
        }),
      ),
    );
    const uids = component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).uid);
    expect(uids).toEqual(["a_road.interview-mercy-im.interview@matchpath"]);
  });
});

describe("the calendar feed: a waiting step's passed planned date", () => {
  // Match Day never reported (the timeline's fixture): the contract's planned date has passed in
  // June, the visa's is ahead. The feed says "Planned" for the first, as the timeline does, never
  // "Due" a day gone.
  const lima = JSON.parse(
    readFileSync(
      new URL("../../fixtures/blocked-step-dates/match-unreported-j1-lima.json", import.meta.url),
      "utf8",
    ),
  ) as { applicant: Applicant; milestones: MilestoneEntry[] };
  const june10 = plan({ ...lima, interviews: [] }, seasonCalendar(2027), new Date("2027-06-10T14:00:00Z"));
  const events = feedOf(june10, "a_lima");
  const byUid = (milestone: string) =>
    events.find((event) => event.uid === `a_lima.${milestone}.deadline@matchpath`);

  it("reads 'Planned' for the contract's passed date and 'Due' for a date still ahead", () => {
    const passed = june10.blocked.filter((step) => step.deadline && step.deadline.at < june10.now);
    const ahead = june10.blocked.filter((step) => step.deadline && step.deadline.at > june10.now);
    expect(passed.map((step) => step.milestone)).toContain("contract");
    expect(ahead.length).toBeGreaterThan(0);
    for (const step of passed) {
      const event = byUid(step.milestone);
      expect(event?.summary, step.milestone).toMatch(/^Planned: /);
      expect(event?.description, step.milestone).toContain(`Planned for ${step.deadline?.local}`);
      expect(event?.description, step.milestone).not.toMatch(/^Due /m);
    }
    for (const step of ahead) {
      if (step.milestone === "match_day" || step.milestone === "match_week") continue;
      expect(byUid(step.milestone)?.summary, step.milestone).toMatch(/^Due: /);
    }
  });
});
