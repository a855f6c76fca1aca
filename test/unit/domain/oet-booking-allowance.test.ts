import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory, interviewFactory } from "./factories.ts";

/**
 * OET's booking allowance (OET_BOOKING_DAYS, 20 days,
 * advice from OET's 8 Apr 2017 session page) drives the plan of an OET not booked. Its last sitting
 * day for the 2027 Match is Tue 5 Jan 2027 (projected), so its last booking day is Wed 16 Dec 2026:
 * a rung comes before it; after it the plan says booking for sittings in time has probably closed
 * and to check OET's calendar for a late seat, without writing the Match off on that guess; never
 * "take it today" or "sit it tomorrow".
 */

/** An Accra applicant (GMT), everything done but the OET (`status`, no date) and the Pathway (not reported). */
function accra(status: MilestoneStatus): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "o3-accra",
      timezone: "Africa/Accra",
      matchYear: 2027,
      graduation: "2025-07-15",
    }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status },
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-05:00" })],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(2027), new Date(now));
}

function allText(result: Plan): string {
  return [
    ...result.risks.map((risk) => risk.message),
    ...result.nextSteps.map((step) => step.action),
    ...result.reminders.map((reminder) => `${reminder.title} ${reminder.why}`),
  ].join("\n");
}

describe("OET not booked: the last booking day", () => {
  it.each(["not_started", "in_progress"] as const)(
    "%s on 1 Dec: a rung before Wed 16 Dec names it",
    (status) => {
      const result = planAt(accra(status), "2026-12-01T10:00:00Z");
      const booking = result.reminders.filter(
        (reminder) =>
          reminder.milestone === "oet_medicine" &&
          reminder.title.includes("Wed 16 Dec 2026") &&
          Date.parse(reminder.sendAt) > Date.parse("2026-12-02T00:00:00Z") &&
          Date.parse(reminder.sendAt) < Date.parse("2026-12-17T00:00:00Z"),
      );
      expect(booking.length).toBeGreaterThan(0);
      expect(booking[0]?.why).toContain("OET's session calendar");
    },
  );

  it.each(["2026-12-20T10:00:00Z", "2026-12-30T10:00:00Z", "2027-01-04T22:30:00Z", "2027-01-05T08:00:00Z"])(
    "at %s, past it: probably closed, check OET's calendar; not written off; never today/tomorrow",
    (now) => {
      const result = planAt(accra("not_started"), now);
      expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      const text = allText(result);
      expect(text).toContain("probably closed");
      expect(text).not.toMatch(/book the earliest OET Medicine sitting you can/i);
      expect(text).not.toMatch(/(take|sit) it (today|tomorrow)/);
      expect(text).not.toContain("book a sitting now");
    },
  );

  it("the evening before the last projected sitting day names the later candidate's Tue 12 Jan 2027", () => {
    const result = planAt(accra("not_started"), "2027-01-04T22:30:00Z");
    const last = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY")?.message ?? "";
    expect(last).toContain("Tue 12 Jan 2027");
  });
});
