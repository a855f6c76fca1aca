import { describe, expect, it } from "vitest";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { longestSilenceDays, planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// An H-1B applicant in Cairo, every exam and the Pathway done, no Step 3,
// on 1 Dec 2026. The ECFMG certificate's H-1B target (the date it was needed by for Step 3 to
// report before ranking) was printed "Sun 30 Aug 2026, 4:00 AM GMT+3 *": three months past, with a
// clock time and the summer offset, while every other target is a day and reads as ahead.

const NOW = "2026-12-01T16:00:00Z";
const input = inputFactory({
  applicant: applicantFactory({
    matchYear: 2027,
    timezone: "Africa/Cairo",
    visa: "H-1B",
    graduation: "2024-06-30",
  }),
  milestones: doneMilestones(REGISTERED_KEYS, "2026-09-20"),
});

describe("the H-1B certificate target is a day, and a passed one reads as passed", () => {
  const result = planFor(input, NOW);
  const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

  // The day is the rule's (Step 3's date, counted from the rank order list deadline in ET), the same
  // in every zone: 4:00 AM GMT+3 on Sun 30 Aug was Sat 29 Aug in ET. With
  // FSMB's 2 weeks (its 12 weeks run from graduation) the count gives Sat 7 Nov 2026, and ECFMG,
  // the office that issues the certificate, works no weekend: the target is the Friday before.
  it("renders the target as a day, the rule's day, like the catalog's targets", () => {
    expect(certificate?.target?.precision).toBe("day");
    expect(certificate?.target?.local).toBe("Fri 20 Nov 2026");
    expect(certificate?.target?.et).toBe("Fri 20 Nov 2026");
    expect(certificate?.target?.day).toBe("2026-11-20");
  });

  it("prints a passed target as passed in the text report, never as a date ahead", () => {
    const text = renderPlan(result, "Youssef");
    const row = text.split("\n").find((line) => /^\s+urgent\s+ecfmg_certification\s/.test(line)) ?? "";
    // A bare "passed on …" beside an exam read as "the applicant passed it".
    // Named: the certificate's target for ranking, not the H-1B petition's it becomes after ranking.
    expect(row).toContain("target for ranking on H-1B: passed Fri 20 Nov 2026");
    expect(row).not.toMatch(/(?<!target |: )passed on/);
    expect(row).not.toMatch(/AM|PM|GMT/);
  });
});

// Step 2 CK scheduled for 20 Aug 2026, no result, on 30 Nov 2026: the CLI
// row "usmle_step2ck  passed on Wed 26 Aug 2026" read as if the exam was passed.
describe("a passed target of an exam with no result reads as the target's", () => {
  const booked = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos", graduation: "2024-06-30" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway", "usce"],
        "2025-09-01",
      ),
      { key: "usmle_step2ck", status: "scheduled", date: "2026-08-20" },
    ],
  });
  it("says 'target passed', never a bare 'passed on', beside Pass USMLE Step 2 CK", () => {
    const text = renderPlan(planFor(booked, "2026-11-30T12:00:00Z"), "Kemi");
    // The first column is the step's badge in words, one or more ("result pending").
    const row = text.split("\n").find((line) => /^ {2}\S.*?\s{2}usmle_step2ck\s/.test(line)) ?? "";
    expect(row).toMatch(/target passed \w{3} \d{1,2} \w{3} 2026/);
    const steps = text.slice(text.indexOf("NEXT STEPS"), text.indexOf("RISKS"));
    expect(steps).toContain("usmle_step2ck");
    expect(steps).not.toMatch(/(?<!target )passed (on )?\w{3} \d/);
  });
});

// The same applicant's urgent certificate (its H-1B target passed) was told
// once (the critical Step 3 notice, today), then nothing until the deadline's ladder on 3 Jun 2027,
// while Step 3 waits for it. The after-target follow-ups (README, "Exams, OET and the ECFMG
// Pathway": "then at most four weeks apart") asked for a target from the catalog, and this target
// is the plan's own.
describe("a passed H-1B certificate target gets the after-target follow-ups", () => {
  const result = planFor(input, NOW);

  it("follows the certificate up at most four weeks apart until its deadline's ladder", () => {
    const sends = sendsOf(result, "ecfmg_certification");
    expect(sends.filter((reminder) => reminder.rung === "after-target").length).toBeGreaterThan(3);
    // 28 days apart at most, give or take the day a delivery slot rounds to.
    expect(longestSilenceDays(result, "ecfmg_certification")).toBeLessThanOrEqual(29);
  });

  // The critical Step 3 notice is never on the certificate's card: the certificate's passed target
  // is told by its own target-passed notice, once. With Step 3 waiting, the notice asks to rank J-1
  // programs too by the deadline: on the rank order list.
  it("tells the passed target once, by its own notice; the critical Step 3 notice is on the rank list", () => {
    const rungs = sendsOf(result, "ecfmg_certification").map((reminder) => reminder.rung);
    expect(rungs[0]).toBe("target-passed");
    expect(rungs.filter((rung) => rung === "target-passed")).toHaveLength(1);
    expect(rungs).not.toContain("critical-risk");
    expect(rungs[1]).toBe("after-target");
    expect(sendsOf(result, "usmle_step3")).toEqual([]);
    expect(sendsOf(result, "rank_order_list")[0]?.rung).toBe("critical-risk");
  });
});

// Kolkata, H-1B, the 2028 Match, the certificate pending: counted back from Step 3's date (Wed 26
// Jan 2028) by FSMB, a seat and 60 days for a visitor visa, the certificate's day is Sat 6 Nov 2027.
describe("the certificate's H-1B target is a working day, as an office step's due day is", () => {
  const kolkata = inputFactory({
    applicant: applicantFactory({
      matchYear: 2028,
      timezone: "Asia/Kolkata",
      visa: "H-1B",
      graduation: "2026-06-30",
    }),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-09-01"),
  });
  const result = planFor(kolkata, "2026-12-05T18:30:00Z");

  it("moves a Saturday target to the Friday before, with the reason in its source", () => {
    const blocked = result.blocked.find((step) => step.milestone === "ecfmg_certification");
    expect(blocked?.target?.local).toBe("Fri 19 Nov 2027");
    expect(blocked?.target?.source).toContain("moved to the Friday before, off the weekend");
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain("it is needed by Fri 19 Nov 2027");
    expect(risk?.message).not.toContain("Sat 20 Nov 2027");
  });
});
