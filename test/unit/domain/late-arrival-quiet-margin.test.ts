import { describe, expect, it } from "vitest";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, interviewFactory } from "./factories.ts";

/**
 * A late arrival in quiet hours was held to their end even with under two hours
 * left (Karachi at 23:30, NRMP's early registration closing at 09:59 the next morning). Rule:
 * quiet hours hold the notice only while their end still leaves at least 12 hours (advice) before
 * the deadline; otherwise it goes now, at night. NRMP's early deadline for the 2027 Match is
 * Mon 30 Nov 2026, 11:59 PM ET (projected): 6:59 PM in Honolulu, 10:59 PM in Chicago.
 */
function applicantIn(timezone: string, quietHours?: PlannerInput["quietHours"]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ externalId: "lq-1", timezone, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
      "eras_application",
    ]),
    interviews: [interviewFactory({ program: "Lakeside IM", startsAt: "2026-12-14T10:00:00-05:00" })],
    ...(quietHours === undefined ? {} : { quietHours }),
  });
}

function nrmpNotice(input: PlannerInput, now: string) {
  const reminders = plan(input, seasonCalendar(2027), new Date(now)).reminders;
  return reminders.find((r) => r.milestone === "nrmp_registration");
}

describe("a late arrival in quiet hours waits for their end only with 12 hours left after it", () => {
  it("Honolulu at 07:00 on the deadline day (10 h 59 min left at 08:00): the notice goes now", () => {
    const now = "2026-11-30T17:00:00.000Z"; // 07:00 Mon in Honolulu
    const notice = nrmpNotice(applicantIn("Pacific/Honolulu"), now);
    expect(notice?.sendAt).toBe(now);
  });

  it("Chicago at 06:00 on the deadline day (14 h 59 min left at 08:00): held to 08:00", () => {
    const notice = nrmpNotice(applicantIn("America/Chicago"), "2026-11-30T12:00:00.000Z");
    expect(notice?.sendAtLocal).toBe("2026-11-30T08:00:00.000-06:00");
  });

  it("exactly 12 hours left when quiet hours end: held; 11 h 59 min: now", () => {
    const now = "2026-11-30T12:00:00.000Z"; // 06:00 Mon in Chicago
    const held = nrmpNotice(applicantIn("America/Chicago", { start: "21:00", end: "10:59" }), now);
    expect(held?.sendAtLocal).toBe("2026-11-30T10:59:00.000-06:00");
    const sent = nrmpNotice(applicantIn("America/Chicago", { start: "21:00", end: "11:00" }), now);
    expect(sent?.sendAt).toBe(now);
  });

  it("the same input and now give the same ids", () => {
    const now = "2026-11-30T17:00:00.000Z";
    const ids = () =>
      plan(applicantIn("Pacific/Honolulu"), seasonCalendar(2027), new Date(now)).reminders.map((r) => r.id);
    expect(ids()).toEqual(ids());
  });
});
