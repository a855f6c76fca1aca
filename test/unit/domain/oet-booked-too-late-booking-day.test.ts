import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Sushma, in Kathmandu, submitted her Pathway on 1 Dec 2026 and booked OET for
 * Sat 23 Jan 2027, after its last sitting day for the 2027 Match, Tue 5 Jan (projected). She heard
 * "move it earlier … by Tue 5 Jan" once, then nothing until 22 Dec, when every session by 5 Jan had
 * closed its bookings (about 20 days ahead, advice). An OET not booked hears the last booking day's
 * countdown; one booked too late needs a seat just as much, and hears it too.
 */
const NOW = new Date("2026-12-04T19:00:00+05:45");
const booked = (date: string) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Kathmandu",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2023-10-01",
      }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2024-01-01"),
        milestoneFactory("ecfmg_application", "done", "2024-02-01"),
        milestoneFactory("usmle_step1", "done", "2025-01-10"),
        { ...milestoneFactory("usmle_step2ck", "done", "2026-06-01"), score: 236 },
        milestoneFactory("oet_medicine", "scheduled", date),
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-01"),
        milestoneFactory("eras_token", "done", "2026-06-25"),
        milestoneFactory("eras_application", "done", "2026-09-20"),
        milestoneFactory("nrmp_registration", "done", "2026-11-10"),
      ],
    }),
    seasonCalendar(2027),
    NOW,
  );
const bookingRungs = (result: ReturnType<typeof plan>) =>
  result.reminders.filter(
    (reminder) => reminder.milestone === "oet_medicine" && reminder.title.includes("book a session by"),
  );

describe("an OET booked after its last sitting day hears the last booking day's countdown", () => {
  it("booked for Sat 23 Jan 2027: rungs before Wed 16 Dec 2026, the last day to book a sitting by 5 Jan", () => {
    const rungs = bookingRungs(booked("2027-01-23"));
    expect(rungs.map((reminder) => reminder.sendAtLocal.slice(0, 10))).toEqual([
      "2026-12-05",
      "2026-12-13",
      "2026-12-15",
    ]);
    for (const reminder of rungs) expect(reminder.title).toContain("Wed 16 Dec 2026");
  });

  it("its card says bookings close ahead of each session", () => {
    const step = booked("2027-01-23").nextSteps.find((next) => next.milestone === "oet_medicine");
    // And names the day they close for the last sitting day, the day the countdown runs to.
    expect(step?.action).toContain("sessions close their bookings about 20 days ahead");
    expect(step?.action).toContain("book by about Wed 16 Dec 2026");
  });

  it("booked in time (Sat 2 Jan 2027): no booking countdown, its own date drives its reminders", () => {
    expect(bookingRungs(booked("2027-01-02"))).toEqual([]);
  });
});
