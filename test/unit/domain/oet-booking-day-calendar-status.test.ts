import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Two applicants in Colombo with the same OET still to book for the 2027 Match, one planned on the
 * season as projected, the other on the same season once NRMP has confirmed its rank order list
 * deadline on the projected day (the same instant): the last booking day falls on the same day for
 * both, but only the first rests on a projected date. Each plan's countdown to it says so whichever
 * was planned first in the process (the planner Lambda plans applicants one after another): the
 * booking day was kept by zone and instant alone, so the second plan took the first one's status.
 */
const NOW = new Date("2026-10-05T04:00:00Z");
const projected = seasonCalendar(2027);
const ROL = "nrmp_rol_certification_and_late_registration_deadline";
const confirmed: SeasonCalendar = Object.freeze({
  ...projected,
  dates: Object.freeze({
    ...projected.dates,
    [ROL]: { ...projected.dates[ROL], status: "confirmed" as const, source: "NRMP's 2027 Match calendar" },
  }),
});

function oetToBook(calendar: SeasonCalendar) {
  const result = plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Colombo",
        matchYear: 2027,
        visa: "J-1",
        graduation: "2023-10-01",
      }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2024-01-01"),
        milestoneFactory("ecfmg_application", "done", "2024-02-01"),
        milestoneFactory("usmle_step1", "done", "2025-01-10"),
        { ...milestoneFactory("usmle_step2ck", "done", "2026-06-01"), score: 236 },
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-09-01"),
        milestoneFactory("eras_token", "done", "2026-06-25"),
        milestoneFactory("eras_application", "done", "2026-09-20"),
      ],
    }),
    calendar,
    NOW,
  );
  return result.reminders.filter(
    (reminder) => reminder.milestone === "oet_medicine" && reminder.title.includes("book a session by"),
  );
}

describe("the OET's last booking day, on a projected and on a confirmed rank order list deadline", () => {
  it("rests on the projected date for the one and not the other, in either order", () => {
    const first = oetToBook(projected);
    const second = oetToBook(confirmed);
    const again = oetToBook(projected);
    expect(first.length).toBeGreaterThan(0);
    expect(second.map((reminder) => reminder.deadline)).toEqual(first.map((reminder) => reminder.deadline));
    for (const reminder of [...first, ...again]) expect(reminder.deadlineDetail.status).toBe("projected");
    for (const reminder of second) expect(reminder.deadlineDetail.status).toBe("advice");
  });
});
