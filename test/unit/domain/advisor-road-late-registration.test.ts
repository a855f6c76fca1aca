import { describe, expect, it } from "vitest";
import { longestSilenceDays, planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, PRE_ERAS_KEYS } from "./factories.ts";

/** The road an advisor would plan: what an advisor would expect, checked on the plan. */
describe("NRMP registration after the early deadline", () => {
  // Lagos, a 2027 applicant with everything before ERAS done and the ERAS application in. 1 Dec
  // 2026: the early registration deadline (Nov 30, 11:59 PM ET) has passed; late registration
  // stays open, with NRMP's late fee, until the rank order list deadline (fact sheet §2, §4).
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2025-07-01" }),
    milestones: doneMilestones(PRE_ERAS_KEYS),
  });
  const result = planFor(input, "2026-12-01T10:00:00Z");
  const step = result.nextSteps.find((each) => each.milestone === "nrmp_registration");

  it("is due by the late deadline, with the late fee, not overdue", () => {
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(step?.action).toContain("$50 late registration fee");
    expect(step?.urgency).not.toBe("overdue");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("nrmp_registration");
  });

  it("keeps reminding until late registration closes (never two weeks without a reminder)", () => {
    const sends = sendsOf(result, "nrmp_registration");
    expect(sends[0]?.sendAtLocal).toBe("2026-12-02T09:00:00.000+01:00");
    expect(sends.at(-1)?.deadline).toBe(step?.dueBy);
    expect(longestSilenceDays(result, "nrmp_registration")).toBeLessThanOrEqual(15);
  });
});
