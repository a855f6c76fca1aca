import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { riskTitle } from "#usecases/escalation.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "../domain/factories.ts";

/**
 * The advisor's title for an applicant not registered with NRMP fits the instant: before NRMP's
 * early registration deadline (11:59 PM ET) the risk says registering avoids the late fee, so
 * the title must not say the deadline has passed; on its ET day it is tonight's.
 */
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "nrmp-title-accra",
    fullName: "Kofi Mensah",
    timezone: "Africa/Accra",
    matchYear: 2027,
  }),
  milestones: doneMilestones(
    REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
    "2026-09-20",
  ),
});
const titleAt = (now: string): string => {
  const result: Plan = plan(input, seasonCalendar(2027), new Date(now));
  const risk = result.risks.find((each) => each.code === "NRMP_LATE_FEE");
  if (risk === undefined) throw new Error(`no NRMP_LATE_FEE risk at ${now}`);
  return riskTitle(risk, result);
};
const deadline = seasonCalendar(2027).dates.nrmp_early_registration_deadline_late_fee_after.at;

describe("NRMP_LATE_FEE's title for the advisor", () => {
  it("says tonight on the deadline's own ET day, before it passes", () => {
    expect(new Date(deadline).toISOString()).toBe("2026-12-01T04:59:00.000Z");
    expect(titleAt("2026-11-30T13:00:00Z")).toBe(
      "Not registered with NRMP before tonight's early deadline: register today to avoid a late fee",
    );
  });

  it("says the deadline is close on the days before", () => {
    expect(titleAt("2026-11-25T13:00:00Z")).toBe(
      "Not registered with NRMP and the early deadline is close: register to avoid a late fee",
    );
  });

  it("says after the early deadline once it has passed", () => {
    expect(titleAt("2026-12-01T13:00:00Z")).toBe(
      "Not registered with NRMP after the early deadline: a late fee, and no ranking without it",
    );
  });
});
