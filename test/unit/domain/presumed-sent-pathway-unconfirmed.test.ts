import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The card of a Pathway presumed sent, past its
 * projected deadline, says the date is projected and unconfirmed, and what to do if ECFMG still
 * accepts applications, not a bare "has passed" that invites giving up.
 */
describe("presumed-sent Pathway after its projected deadline", () => {
  it("the hedge says the deadline passed on our projection, unconfirmed: check ECFMG and submit today", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          timezone: "Asia/Kathmandu",
          matchYear: 2027,
          graduation: "2024-06-30",
        }),
        milestones: [{ key: "oet_medicine", status: "in_progress" }],
        interviews: [interviewFactory({ id: "iv-f", startsAt: "2026-12-11T10:00:00-05:00" })],
      }),
      seasonCalendar(2027),
      new Date("2026-12-29T05:00:00Z"),
    );
    const card = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway")?.action ?? "";
    expect(card).toContain(
      "If you never submitted it, the 2027 Match's Pathway deadline, Sat 26 Dec 2026, passed on our projection;",
    );
    expect(card).toContain(
      "ECFMG's 2027 Pathways deadlines are not yet confirmed in Matchpath's data: check ECFMG's Pathways page, and if it still accepts applications, submit today and tell us.",
    );
    expect(card).not.toContain("has passed: tell us");
  });
});
