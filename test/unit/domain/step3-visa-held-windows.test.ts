import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant abroad whose Step 3 chain with the
 * visitor visa's 60-day wait misses both the projected rank order list deadline and its later
 * candidate gets, "if you already hold a B-1/B-2 visa", the windows an applicant in the US gets:
 * the projected one (apply to FSMB by Wed 6 Jan 2027, sit by Wed 27 Jan 2027), then the later
 * candidate's (apply by Wed 13 Jan, sit in the US by Wed 3 Feb, both projected). While a named day
 * still works Step 3 is not blocked and has rungs before its apply-by day; "no time" only after
 * the last one. While FSMB, the visa and a seat still fit before the H-1B petition's day, Step 3 is
 * dated for that day and the projected window is named beside it. Youssef: Cairo, certified, every
 * step to NRMP done, Step 3 not started.
 */
function youssef(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "visa-held-step3",
      timezone: "Africa/Cairo",
      matchYear: 2027,
      graduation: "2024-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}
const at = (iso: string): Plan => plan(youssef(), seasonCalendar(2027), new Date(iso));
const risk = (result: Plan) => result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B");
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const rungsBefore = (result: Plan, day: string) =>
  result.reminders.filter(
    (reminder) =>
      reminder.milestone === "usmle_step3" &&
      reminder.rung !== "critical-risk" &&
      new Date(reminder.sendAt).toLocaleDateString("en-CA", { timeZone: "Africa/Cairo" }) <= day &&
      reminder.sendAt.slice(0, 10) > "2026-12-01",
  );

describe("H-1B Step 3 abroad with a visitor visa already held", () => {
  it("on Sat 5 Dec 2026: the projected window for a visa holder beside the petition's day, Step 3 open with rungs before Wed 6 Jan", () => {
    const result = at("2026-12-05T08:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("usmle_step3");
    const step = card(result);
    // Without a visa held, FSMB, the visa and a seat still fit before the petition's day.
    expect(step?.deadline?.day).toBe("2027-03-19");
    expect(step?.action).toContain(
      "only with a B-1/B-2 visa you already hold can your Step 3 result still reach programs in time (apply to FSMB by Wed 6 Jan 2027, sit Step 3 in the US by Wed 27 Jan 2027, our advice)",
    );
    expect(risk(result)?.message).toContain(
      "If you already hold a B-1/B-2 visa, there is still time: apply to FSMB by Wed 6 Jan 2027 and sit Step 3 in the US by Wed 27 Jan 2027 (our advice)",
    );
    expect(rungsBefore(result, "2027-01-05").length).toBeGreaterThan(1);
  });

  it("on Sun 10 Jan 2027: the later candidate's window for a visa holder beside the petition's day, with rungs before Wed 13 Jan", () => {
    const result = at("2027-01-10T08:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("usmle_step3");
    const step = card(result);
    // The visitor visa beside FSMB still reaches the petition's day (by Mon 11 Jan): the step is dated for it.
    expect(step?.deadline?.day).toBe("2027-03-19");
    expect(step?.action).toContain(
      "only with a B-1/B-2 visa you already hold, and only if NRMP's deadline is the later candidate, can your Step 3 result still reach programs in time (apply to FSMB by Wed 13 Jan 2027, sit Step 3 in the US by Wed 3 Feb 2027, our advice)",
    );
    const words =
      "If you already hold a B-1/B-2 visa and NRMP's 2027 deadline is the later candidate (it was 16 days before Match Day in 2022–2025, which would be Wed 3 Mar 2027), there is still time: apply to FSMB by Wed 13 Jan 2027 and sit Step 3 in the US by Wed 3 Feb 2027 (our advice)";
    expect(risk(result)?.message).toContain(words);
    expect(risk(result)?.message).not.toContain("FSMB and a test date leave no time");
    expect(rungsBefore(result, "2027-01-12").length).toBeGreaterThan(0);
  });

  it("on Thu 14 Jan 2027, both apply-by days gone: no time for ranking; only a visitor visa held still meets the petition's day", () => {
    const result = at("2027-01-14T08:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("usmle_step3");
    expect(risk(result)?.message).toContain(
      "Even if you already hold a visitor visa, FSMB and a test date leave no time",
    );
    expect(card(result)?.action).toContain("Only if you already hold a B-1/B-2 visa: apply to FSMB now");
  });
});
