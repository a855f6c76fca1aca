import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The last days the emails count down to, in the calendar feed: many applicants read the calendar
 * instead of the email, so the day an email calls the last one stands as an event on that day,
 * carrying the reminders that count down to it, never only as words inside another step's event.
 * Auckland, J-1; read back with ical.js.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-days-auckland/", import.meta.url));
function planOf(name: string, now: string): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")));
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
function feedOf(thePlan: Plan) {
  const component = new ICAL.Component(
    ICAL.parse(
      renderApplicantFeed({
        applicantId: "a_akl",
        timezone: "Pacific/Auckland",
        plan: thePlan,
        interviews: [],
        updatedAt: thePlan.now,
      }),
    ),
  );
  for (const zone of component.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}
const alarmsOf = (event: ICAL.Event) => event.component.getAllSubcomponents("valarm");

describe("matched, the J-1 sponsorship file late on 20 Apr: complete by about Mon 3 May", () => {
  const thePlan = planOf("j1-file-late-auckland", "2027-04-20T10:00:00+12:00");
  const events = feedOf(thePlan);

  it("the email's last day has its own event on Mon 3 May, all day, in the notice's words", () => {
    const notice = thePlan.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
    expect(notice?.deadlineDetail.local).toBe("Mon 3 May 2027");
    const lastDay = events.find((event) => event.uid.endsWith(".last-day-20270503@matchpath"));
    expect(lastDay?.startDate.toString()).toBe("2027-05-03");
    expect(lastDay?.startDate.isDate).toBe(true);
    expect(lastDay?.summary).toBe(`${notice?.title} (our advice)`);
    expect(lastDay?.description).toContain("must be complete by about Mon 3 May 2027");
  });
});

describe("the Pathway planned for Thu 4 Feb, past the last day that keeps the Match (Tue 2 Feb, 9:00 PM ET)", () => {
  const thePlan = planOf("pathway-planned-after-last-day-auckland-j1", "2027-01-20T10:00:00+12:00");
  const events = feedOf(thePlan);
  const byUid = (kind: string) =>
    events.find((event) => event.uid === `a_akl.ecfmg_pathway.${kind}@matchpath`);

  // Planned past the last day, the Pathway is dated as one not started: its due date is that last
  // day, so its own event is the last day's, ending at the cut-off, and no second event repeats it.
  it("the Pathway's own event ends at that cut-off, with the countdown's alarms on it", () => {
    const deadline = byUid("deadline");
    expect(deadline?.endDate.toJSDate().toISOString()).toBe("2027-02-03T02:00:00.000Z");
    // The countdown's rungs and the critical notice, laid at her next delivery slot, count down to it.
    const rungs = thePlan.reminders.filter(
      (each) =>
        each.rung.startsWith("last-day-") ||
        (each.rung === "critical-risk" && each.milestone === "ecfmg_pathway"),
    );
    expect(rungs.length).toBeGreaterThan(0);
    expect(alarmsOf(deadline as ICAL.Event)).toHaveLength(rungs.length);
  });

  it("no second event for the same last day, and the projected deadline gone by carries none", () => {
    expect(byUid("last-day-20270203")).toBeUndefined();
    expect(
      events.some((event) => event.endDate.toJSDate().toISOString() === "2026-12-26T23:00:00.000Z"),
    ).toBe(false);
  });
});

describe("a notice with no date of its own (laid against residency's start) gets no last-day event", () => {
  it("SOAP's outcome never reported: the email says no date, and the feed has no event on 1 Jul for it", () => {
    const file = fileURLToPath(
      new URL(
        "../../fixtures/advisor-review-2027/eras-nrmp-done-no-exam-status-lahore.json",
        import.meta.url,
      ),
    );
    const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    const thePlan = plan(
      snapshot,
      seasonCalendar(snapshot.applicant.matchYear),
      new Date("2027-04-20T10:00:00Z"),
    );
    expect(thePlan.reminders.some((each) => each.laidAgainst === "residency-start")).toBe(true);
    const lastDays = feedOf(thePlan).filter((event) => event.uid.includes(".last-day"));
    expect(lastDays.map((event) => event.startDate.toString())).not.toContain("2027-07-01");
  });
});

describe("a last-day event's title reads as a calendar's, its day the event's own", () => {
  it("'act by the day below' (the email's pointer to its date line) reads 'act by this day', named by its day", () => {
    const file = fileURLToPath(
      new URL("../../fixtures/failed-exam-dated/step2ck-failed-done-dated.json", import.meta.url),
    );
    const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    const thePlan = plan(
      snapshot,
      seasonCalendar(snapshot.applicant.matchYear),
      new Date("2026-12-15T10:00:00Z"),
    );
    const lastDays = feedOf(thePlan).filter((event) => event.uid.includes(".last-day-"));
    expect(lastDays.length).toBeGreaterThan(0);
    for (const event of lastDays) {
      expect(event.summary).not.toContain("the day below");
      expect(event.uid).toMatch(/\.last-day-\d{8}@matchpath$/);
    }
    expect(lastDays.some((event) => event.summary.includes("act by this day"))).toBe(true);
  });
});
