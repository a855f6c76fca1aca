import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An early starter in Manila, planning for the 2028 Match in December 2026: an advisor tells them to
 * register with NRMP when its applicant registration opens (mid-September 2027, beside the ERAS
 * submission), and reminds them of the early deadline after. The first registration reminder went
 * on the start-by day, two weeks before the early deadline in late November.
 */
const now = new Date("2026-12-06T14:00:00Z");
const calendar = seasonCalendar(2028);
const result = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Manila", graduation: "2026-06-30" }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20")],
  }),
  calendar,
  now,
);
const registration = result.reminders
  .filter((reminder) => reminder.milestone === "nrmp_registration")
  .sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));

describe("NRMP registration for an early starter", () => {
  it("is first reminded when NRMP's applicant registration opens, never before", () => {
    const opens = calendar.dates.nrmp_applicant_registration_opens.at;
    const first = registration[0];
    expect(first?.rung).toBe("registration-opens");
    // Opening at 12:00 PM ET is midnight in Manila: the first reminder time after it, 9:00 AM.
    expect(first?.sendAtLocal).toBe("2027-09-16T09:00:00.000+08:00");
    expect(Date.parse(first?.sendAt ?? "")).toBeGreaterThanOrEqual(opens);
    // It names the early deadline, as the reminders that follow it do.
    expect(first?.deadline).toBe(
      result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.deadline?.at,
    );
  });

  it("keeps the reminders before the early deadline after it", () => {
    expect(registration.map((reminder) => reminder.rung)).toEqual([
      "registration-opens",
      "due-in-14d",
      "due-in-3d",
      "due-in-1d",
    ]);
  });
});
