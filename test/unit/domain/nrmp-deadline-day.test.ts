import { describe, expect, it } from "vitest";
import { FEES } from "#domain/catalog/index.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, PRE_ERAS_KEYS } from "./factories.ts";

/**
 * NRMP registration on its early registration deadline's last day: the step says when the late fee
 * starts, with the fee table's amount and source, not only "register and pay the registration fee".
 */
describe("NRMP registration on the early deadline's last day", () => {
  const lateFee = FEES.find((fee) => fee.key === "nrmp_late_fee");
  // Manila, a 2027 applicant with ERAS in and NRMP not registered. The early registration deadline
  // (projected: Mon 30 Nov 2026, 11:59 PM ET) is 12:59 PM on Tue 1 Dec there.
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, graduation: "2025-07-01" }),
    milestones: doneMilestones(PRE_ERAS_KEYS),
  });
  const actionAt = (now: string) =>
    planFor(input, now).nextSteps.find((step) => step.milestone === "nrmp_registration")?.action ?? "";

  it("names the deadline's hour in both zones and the late fee after it, as the fee table has it", () => {
    const action = actionAt("2026-12-01T08:00:00+08:00");
    expect(action).toContain(
      "Register today, by Tue 1 Dec 2026, 12:59 PM GMT+8 (Mon 30 Nov 2026, 11:59 PM ET): that is NRMP's early registration deadline",
    );
    expect(action).toContain(
      `the $${lateFee && "amountUsd" in lateFee ? lateFee.amountUsd : "?"} late registration fee (NRMP's ${lateFee?.asOf.slice(0, 4)} figure, ${lateFee?.source})`,
    );
    // The deadline is projected: the fee that hangs on it is "may", as the NRMP_LATE_FEE risk says.
    expect(action).toContain("may apply on top of the registration fee (the deadline is projected");
  });

  it("says nothing of the late fee in the step while the deadline is more than a day away", () => {
    expect(actionAt("2026-11-29T09:00:00+08:00")).toBe(
      "Register with NRMP (R3) and pay the registration fee.",
    );
  });

  it("says it once in the late action after the deadline, not as a deadline still ahead", () => {
    const action = actionAt("2026-12-01T14:00:00+08:00");
    expect(action).toContain("The early registration deadline has passed");
    expect(action).not.toContain("that is NRMP's early registration deadline");
  });
});
