import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A certified rank order list and Match Day never reported: the critical notice comes a week after
 * Match Day (the contract's start-by), while the contract can still be signed on time, and every
 * post-Match step past its planned date reads "overdue since", whatever it still waits on.
 */
const base = JSON.parse(
  readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
);
const ngozi: ApplicantSnapshot = ApplicantSnapshotSchema.parse({
  ...base,
  submissionId: "alarm-lagos-2027",
  applicant: {
    ...base.applicant,
    externalId: "alarm-lagos-2027",
    email: "ngozi@example.org",
    fullName: "Ngozi Eze",
    timezone: "Africa/Lagos",
    medicalSchool: { name: "Lagos Example College of Medicine", country: "NG", wdomsSponsorNote: true },
  },
});
const planAt = (now: string): Plan => plan(ngozi, seasonCalendar(2027), new Date(now));
const alarm = (result: Plan) => result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");

describe("Match Day never reported", () => {
  it("is critical a week after Match Day, before the contract's date, with its notice at once", () => {
    expect(alarm(planAt("2027-03-25T12:00:00Z"))).toBeUndefined();
    const result = planAt("2027-03-28T12:00:00Z");
    const contract = result.blocked.find((each) => each.milestone === "contract");
    expect(contract?.deadline?.at).toBeDefined();
    expect(Date.parse(contract?.deadline?.at ?? "")).toBeGreaterThan(Date.parse("2027-03-28T12:00:00Z"));
    expect(alarm(result)?.severity).toBe("critical");
    expect(
      result.reminders.some((each) => each.rung === "critical-risk" && each.milestone === "match_day"),
    ).toBe(true);
  });

  it("keeps each post-Match step's planned date, never 'overdue since': the applicant may not have matched", () => {
    const result = planAt("2027-06-10T12:00:00Z");
    const row = (key: string) => result.blocked.find((each) => each.milestone === key);
    for (const key of ["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"]) {
      expect(row(key)?.deadline, key).toBeDefined();
      expect(row(key)?.overdueSince, key).toBeUndefined();
    }
    // The contract's date (Match Day + 14 days) has passed by June: planned, not due, not overdue.
    expect(Date.parse(row("contract")?.deadline?.at ?? "")).toBeLessThan(Date.parse("2027-06-10T12:00:00Z"));
  });
});
