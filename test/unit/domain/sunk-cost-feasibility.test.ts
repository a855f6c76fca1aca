import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { buildContext } from "#domain/planner/context.ts";
import { assessFeasibility } from "#domain/planner/feasibility.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Exam readiness does not depend on fees already spent (a product decision).
// manila_paid_nf (ERAS sent, NRMP registered; Step 2 CK, OET and Pathway not started) was kept in the
// 2027 Match with no study time ("book your Step 2 CK sitting by 30 Dec … a test date within about 7
// days"), while its unpaid twin was told the 2027 Match is out of reach ("about 120 days of
// preparation"). The same exam states must give the same verdict whatever fees were paid.

const FEES = [
  "eras_token",
  "eras_application",
  "nrmp_registration",
] as const satisfies readonly MilestoneKey[];
const FEE_STATUSES = ["not_started", "in_progress", "done"] as const satisfies readonly MilestoneStatus[];
const calendar = seasonCalendar(2027);
const ROL = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const FROM = Date.parse("2026-06-01T00:00:00Z");

/** An exam step's state: not started, preparing, booked on a day, or done (facts, never fees). */
const examState = (key: MilestoneKey) =>
  fc.oneof(
    fc.constant(milestoneFactory(key, "not_started")),
    fc.constant(milestoneFactory(key, "in_progress")),
    fc.constant(milestoneFactory(key, "done", "2026-05-20")),
    fc
      .integer({ min: 0, max: 300 })
      .map((days) =>
        milestoneFactory(key, "scheduled", new Date(FROM + days * 86_400_000).toISOString().slice(0, 10)),
      ),
  );

function input(exams: readonly MilestoneEntry[], fees: readonly MilestoneStatus[], zone: string) {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: zone, visa: "J-1", graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usce", "lors", "personal_statement", "cv"]),
      ...exams,
      ...FEES.map((key, index) => milestoneFactory(key, fees[index] ?? "not_started")),
    ],
  });
}

describe("feasibility does not depend on fees already paid", () => {
  it("same exam states, any ERAS/NRMP fees paid: the same feasibility and the same earliest Match", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          examState("usmle_step1"),
          examState("usmle_step2ck"),
          examState("oet_medicine"),
          examState("ecfmg_pathway"),
        ),
        fc.array(fc.constantFrom(...FEE_STATUSES), { minLength: FEES.length, maxLength: FEES.length }),
        fc.integer({ min: FROM, max: ROL - 1 }),
        fc.constantFrom("Asia/Manila", "Pacific/Auckland", "America/New_York", "Asia/Karachi"),
        (exams, fees, now, zone) => {
          // Registered with an exam reported not started, the applicant is asked whether preparation
          // has begun before any verdict (registered-study-asked.test.ts).
          const registered = fees[1] === "done" && fees[2] === "done";
          if (registered && exams.some((exam) => exam.status === "not_started")) return;
          const paid = assessFeasibility(buildContext(input(exams, fees, zone), calendar, new Date(now)));
          const unpaid = assessFeasibility(buildContext(input(exams, [], zone), calendar, new Date(now)));
          expect({ infeasible: paid.infeasible, year: paid.earliestMatchYear }).toEqual({
            infeasible: unpaid.infeasible,
            year: unpaid.earliestMatchYear,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  // manila_paid_nf.json and manila_unpaid_nf.json as they were reported (Step 1 done; Step 2 CK,
  // OET and Pathway not started), at the two instants reported.
  const manila = (paid: boolean) =>
    input(
      [
        milestoneFactory("usmle_step1", "done", "2026-09-10"),
        milestoneFactory("usmle_step2ck", "not_started"),
        milestoneFactory("oet_medicine", "not_started"),
        milestoneFactory("ecfmg_pathway", "not_started"),
      ],
      paid ? ["done", "done", "done"] : [],
      "Asia/Manila",
    );
  const code = (result: Plan, wanted: string) => result.risks.find((risk) => risk.code === wanted);

  it.each([["2026-12-02T09:30:00+08:00"], ["2027-01-05T09:30:00+08:00"]])(
    "at %s the unpaid twin is out of reach for 2027, counting Step 2 CK's preparation; the paid twin is asked first",
    (now) => {
      const unpaid = planFor(manila(false), now);
      const notFeasible = code(unpaid, "MATCH_YEAR_NOT_FEASIBLE");
      expect(notFeasible?.earliestFeasibleMatchYear).toBe(2028);
      expect(notFeasible?.message).toContain("USMLE Step 2 CK: about 120 days of preparation");
      expect(code(unpaid, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
      // Paid, "not started" may mean "not booked": asked, with no verdict, never "book by" alone.
      const paid = planFor(manila(true), now);
      expect(code(paid, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
      expect(JSON.stringify(paid.risks)).not.toContain("withdrawing");
    },
  );

  it("MATCH_YEAR_LAST_DAY names the day to start preparing, never a sitting booked within days, for an exam not begun", () => {
    // Paid ERAS and NRMP, Step 2 CK not started: its 120 days of preparation, a week's booking and
    // 28 days for the result end after the 24 Feb 2027 deadline from about 22 Sep 2026, so from six
    // weeks before that the plan names the last day, and it is the day to start preparing.
    for (const now of [
      "2026-08-20T09:00:00+08:00",
      "2026-09-01T09:00:00+08:00",
      "2026-09-15T09:00:00+08:00",
    ]) {
      const last = code(planFor(manila(true), now), "MATCH_YEAR_LAST_DAY");
      expect(last?.message).toContain("start preparing for USMLE Step 2 CK by");
      expect(last?.message).not.toMatch(/book your (USMLE Step 2 CK|OET Medicine) sitting/);
      expect(last?.message).toContain("about 120 days of preparation");
    }
  });
});
