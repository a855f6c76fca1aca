import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * Card order: a school reported with no sponsor note beside an interview for the
 * Match. NEXT STEPS listed "later interview" above "urgent wdoms_listing": the reading order put
 * every step with a date ahead above every step without one, whatever their urgency, against the
 * README's "urgent (to be started now) before soon before later".
 */
describe("the reading order of a plan with an urgent undated step", () => {
  it("lists the urgent WDOMS check above the later interview", () => {
    const zone = "Europe/Istanbul";
    const now = new Date("2026-12-14T07:00:00Z");
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          fullName: "Elif Demir",
          matchYear: 2027,
          timezone: zone,
          medicalSchool: { name: "Ankara Tip Fakultesi", country: "TR", wdomsSponsorNote: false },
        }),
        interviews: [interviewFactory({ startsAt: "2027-01-26T11:00:00-05:00" })],
      }),
      seasonCalendar(2027),
      now,
    );
    const listed = listedInReadingOrder(result, zone);
    const rank = { overdue: 0, urgent: 1, soon: 2, later: 3 } as const;
    const ranks = listed.map((step) => rank[step.urgency]);
    expect(listed[0]?.milestone).toBe("wdoms_listing");
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
