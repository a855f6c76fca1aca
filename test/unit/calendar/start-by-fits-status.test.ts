import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "#test/unit/domain/factories.ts";
import { startByCell } from "../../../shared/cli/start-by-cell.ts";

/**
 * The calendar feed's "Start:" event says what the step's card and emails say: only a
 * step not begun has a day to start by, only while that day is ahead, and it is the day the card
 * names, in every zone. The CLI's row shows the same day (shownStartByDay).
 */
function startEvents(thePlan: Plan, timezone: string) {
  const feed = renderApplicantFeed({
    applicantId: "a_start",
    timezone,
    plan: thePlan,
    interviews: [],
    updatedAt: thePlan.now,
  });
  return new ICAL.Component(ICAL.parse(feed))
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent))
    .filter((event) => event.uid.endsWith(".start@matchpath"))
    .map((event) => ({
      milestone: event.uid.split(".")[1],
      day: event.startDate.toString(),
      description: event.description,
    }));
}

/** Tariq in Lahore, J-1, matched on 19 Mar 2027: the certificate and the sponsorship's papers still to come. */
function matchedJ1(now: string) {
  const milestones: MilestoneEntry[] = [
    ...doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "usce",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
    ]),
    milestoneFactory("eras_application", "done", "2026-09-10"),
    milestoneFactory("nrmp_registration", "done", "2026-09-25"),
    milestoneFactory("rank_order_list", "done", "2027-02-20"),
    milestoneFactory("match_week", "done", "2027-03-15"),
    milestoneFactory("match_day", "done", "2027-03-19"),
    milestoneFactory("contract", "done", "2027-03-23"),
    milestoneFactory("ecfmg_certification", "in_progress"),
  ];
  return plan(
    {
      applicant: applicantFactory({
        externalId: "start-by-lahore",
        timezone: "Asia/Karachi",
        matchYear: 2027,
        graduation: "2024-12-15",
        medicalSchool: { name: "Lahore Example Medical College", country: "PK", wdomsSponsorNote: true },
      }),
      milestones,
      interviews: [],
    },
    seasonCalendar(2027),
    new Date(now),
  );
}

describe("the feed's start-by fits the step's status", () => {
  it("a certificate in progress, urgent, has no day to start by (it read Start by Sat 17 Apr)", () => {
    const thePlan = matchedJ1("2027-04-12T06:00:00Z");
    const certificate = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.urgency).toBe("urgent");
    expect(certificate?.startBy).toBeUndefined();
    expect(startEvents(thePlan, "Asia/Karachi").map((event) => event.milestone)).not.toContain(
      "ecfmg_certification",
    );
  });

  it("a Statement of Need free since Match Day shows no passed start day (it read Start: 4 Feb on 25 Mar)", () => {
    const thePlan = matchedJ1("2027-03-25T06:00:00Z");
    const statement = thePlan.nextSteps.find((step) => step.milestone === "j1_statement_of_need");
    expect(statement?.urgency).toBe("urgent");
    expect(statement?.startBy !== undefined && statement.startBy < thePlan.now).toBe(true);
    expect(startEvents(thePlan, "Asia/Karachi")).toEqual([]);
    expect(startByCell(statement ?? { startBy: undefined }, thePlan.now, "Asia/Karachi")).toBe("-");
  });
});

/** Mariam, J-1, for the 2028 Match, nothing begun but her school's listing: an early starter. */
function earlyStarter(timezone: string, now: string) {
  return plan(
    {
      applicant: applicantFactory({
        externalId: `early-start-${timezone}`,
        timezone,
        matchYear: 2028,
        graduation: "2027-11-30",
        specialties: ["Pediatrics"],
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-12-01")],
      interviews: [],
    },
    seasonCalendar(2028),
    new Date(now),
  );
}

describe("the ECFMG application's start day is the card's, in every zone", () => {
  const zones = ["Asia/Karachi", "Pacific/Auckland", "America/Los_Angeles"];

  it.each(zones)(
    "%s on 7 Dec 2026: told early, the feed starts it on Mon 28 Dec, the card's day (not today, not Tue 29 Dec)",
    (zone) => {
      const thePlan = earlyStarter(zone, "2026-12-07T12:00:00Z");
      const application = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_application");
      expect(application?.action).toContain("start by Mon 28 Dec 2026 at the latest");
      const event = startEvents(thePlan, zone).find((start) => start.milestone === "ecfmg_application");
      expect(event?.day).toBe("2026-12-28");
      expect(event?.description).toContain("Start by Mon 28 Dec 2026 (your time)");
    },
  );

  it.each(zones)(
    "%s on 20 Apr 2027: the latest start at 10:00 PM ET on Sat 1 May is started by Sat 1 May (Karachi read Sun 2 May)",
    (zone) => {
      const thePlan = earlyStarter(zone, "2027-04-20T12:00:00Z");
      const application = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_application");
      expect(application?.startBy).toBe("2027-05-02T02:00:00.000Z");
      expect(application?.deadline?.et).toBe("Mon 31 May 2027, 10:00 PM ET");
      const event = startEvents(thePlan, zone).find((start) => start.milestone === "ecfmg_application");
      expect(event?.day).toBe("2027-05-01");
      expect(startByCell(application ?? { startBy: undefined }, thePlan.now, zone)).toBe(
        "start by Sat 1 May 2027 †",
      );
    },
  );

  // East of New York the latest start's ET day is already the applicant's yesterday while the start
  // is still ahead: the card still names that day, so the feed keeps it (it dropped it at her midnight).
  it("Pacific/Auckland at 1:00 AM Tue 29 Dec 2026: the start at 9:00 AM ET on Mon 28 Dec still ahead, the feed keeps Start: Mon 28 Dec", () => {
    const zone = "Pacific/Auckland";
    const thePlan = earlyStarter(zone, "2026-12-28T12:00:00Z");
    const application = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_application");
    expect(Date.parse(application?.startBy ?? "")).toBeGreaterThan(Date.parse(thePlan.now));
    const event = startEvents(thePlan, zone).find((start) => start.milestone === "ecfmg_application");
    expect(event?.day).toBe("2026-12-28");
    expect(startByCell(application ?? { startBy: undefined }, thePlan.now, zone)).toBe(
      "start by Mon 28 Dec 2026 †",
    );
  });

  it("a start-by on the deadline's own day is no day to start by", () => {
    const deadline = {
      at: "2027-06-01T02:00:00.000Z",
      local: "",
      et: "",
      status: "advice" as const,
      source: "",
    };
    const sameDay = { startBy: "2027-05-31T20:00:00.000Z", deadline };
    expect(startByCell(sameDay, "2027-05-20T00:00:00Z", "America/New_York")).toBe("-");
    expect(
      startByCell(
        { ...sameDay, startBy: "2027-05-30T20:00:00.000Z" },
        "2027-05-20T00:00:00Z",
        "America/New_York",
      ),
    ).toBe("start by Sun 30 May 2027 †");
  });
});
