import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * An early starter in Karachi aiming for the 2028 Match, WDOMS checked, who tells us they plan to
 * submit the Application for ECFMG Certification on a day months after its target (Wed 27 Jan 2027).
 * FSMB registers Step 1 only once ECFMG approves the application, so the planned day moves Step 1's
 * and Step 2 CK's targets as a Step 1 booked late does: the plan says so (TARGETS_SLIPPED), asks for
 * the application now, and keeps the one latest day the step has when not begun (Tue 1 Jun 2027),
 * not a second one a month later because a day was planned.
 */
const karachi = (application?: { status: MilestoneStatus; date?: string }): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "early-karachi-2028",
      timezone: "Asia/Karachi",
      matchYear: 2028,
      graduation: "2026-05-31",
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-11-20" },
      ...(application === undefined ? [] : [{ key: "ecfmg_application" as const, ...application }]),
    ],
  });
const calendar = seasonCalendar(2028);
const now = new Date("2026-12-07T10:00:00+05:00");
const planOf = (input: PlannerInput): Plan => plan(input, calendar, now);
const row = (result: Plan) => result.nextSteps.find((each) => each.milestone === "ecfmg_application");
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");

describe("an early starter who plans the ECFMG application months after its target", () => {
  const notBegun = planOf(karachi());
  const june = planOf(karachi({ status: "scheduled", date: "2027-06-25" }));
  const march = planOf(karachi({ status: "scheduled", date: "2027-03-15" }));

  it("keeps the one latest day the application has when not begun, whatever day is planned", () => {
    expect(row(notBegun)?.deadline?.at).toBeDefined();
    expect(row(june)?.deadline?.at).toBe(row(notBegun)?.deadline?.at);
    expect(row(march)?.deadline?.at).toBe(row(notBegun)?.deadline?.at);
    expect(row(june)?.action).toContain("after your last day for the 2028 Match, Tue 1 Jun 2027");
  });

  it("says the planned day leaves Step 2 CK no room before its deadline, Step 1 left to the last day's risk, and asks for the application now", () => {
    // Past its latest day, Step 1's 120 days of preparation count from the application, as the card's
    // "after your last day" does: never "aim for Thu 23 Sep 2027" (90 days later), which read in time.
    const risk = slipped(june);
    expect(risk?.severity).toBe("critical");
    expect(risk?.milestones).toEqual(["usmle_step2ck"]);
    expect(risk?.message).toContain(
      "your Application for ECFMG Certification is planned for Fri 25 Jun 2027, after its target, Wed 27 Jan 2027, and after its latest day, Tue 1 Jun 2027",
    );
    expect(risk?.message).toContain("USMLE Step 2 CK: the usual 120 days after USMLE Step 1 no longer fit");
    expect(risk?.message).not.toContain("Thu 23 Sep 2027");
    expect(june.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY")?.milestones).toContain(
      "usmle_step1",
    );
    expect(risk?.message).toContain("Submit your Application for ECFMG Certification now if you can");
    expect(risk?.message).not.toContain("has passed");
  });

  it("a day after the target but by the latest day still moves the exams' targets, without a latest-day word", () => {
    const risk = slipped(march);
    expect(risk?.message).toContain("is planned for Mon 15 Mar 2027, after its target, Wed 27 Jan 2027, so");
    expect(risk?.message).toContain("USMLE Step 1: aim for Sun 13 Jun 2027");
  });

  it("a day planned by the target moves nothing", () => {
    const onTime = planOf(karachi({ status: "scheduled", date: "2027-01-20" }));
    expect(slipped(onTime)).toBeUndefined();
    expect(slipped(notBegun)).toBeUndefined();
  });

  it("a day so late that ECFMG's approval comes after the rank order list deadline puts the Match out of reach", () => {
    const december = planOf(karachi({ status: "scheduled", date: "2027-12-14" }));
    const codes = december.risks.map((risk) => risk.code);
    expect(codes).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
