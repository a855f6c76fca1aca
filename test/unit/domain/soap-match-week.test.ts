import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/** SOAP from Tuesday of Match Week (tester s4, issue 9 A1): kept visible, due at SOAP's end, never overdue. */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
);
const withStatus = (key: string, status: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...certified,
    milestones: [...certified.milestones.filter((m) => m.key !== key), { key, status }],
  });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const soapEnd = seasonCalendar(2027).dates.nrmp_soap_ends.at;
const TUESDAY = "2027-03-16T12:00:00Z";

describe("SOAP during Match Week", () => {
  it("stays visible, due at SOAP's end, for an applicant who has not reported Monday", () => {
    const result = planAt(certified, TUESDAY);
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe(new Date(soapEnd).toISOString());
    expect(soap?.title).toContain("Take part in SOAP");
    expect(result.overdue.some((step) => step.milestone === "soap")).toBe(false);
  });

  it("is due at SOAP's end, not overdue, for a participant", () => {
    const result = planAt(withStatus("soap", "in_progress"), TUESDAY);
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe(new Date(soapEnd).toISOString());
    expect(result.overdue.some((step) => step.milestone === "soap")).toBe(false);
  });

  it("is dropped once Monday's result is reported and the applicant is not in SOAP", () => {
    const result = planAt(withStatus("match_week", "done"), TUESDAY);
    expect(result.nextSteps.some((step) => step.milestone === "soap")).toBe(false);
  });

  it("keeps the preparation deadline before Monday", () => {
    const result = planAt(certified, "2027-03-01T12:00:00Z");
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.deadline?.at).toBe("2027-03-15T14:00:00.000Z");
  });
});
