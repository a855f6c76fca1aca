import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The budget listed "USMLE international test delivery surcharge, per exam …"
 * as upcoming, to verify, for an applicant with Step 1 and Step 2 CK both done. Rule: dropped once
 * every USMLE exam it could apply to is done (its amount was never found, so it cannot be counted
 * as spent). Replayed on the reported applicant.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/eras-token-and-oet/pathway-oet-pending-manila-2027.json", import.meta.url),
);
const snapshot = (): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const planOf = (applicant: ApplicantSnapshot): Plan =>
  plan(applicant, seasonCalendar(applicant.applicant.matchYear), new Date("2026-12-04T14:00:00+08:00"));
const SURCHARGE = "usmle_international_test_delivery_surcharge";

describe("the USMLE surcharge to verify once the exams are done", () => {
  it("Step 1 and Step 2 CK done: not listed", () => {
    const keys = (planOf(snapshot()).budget.toVerify ?? []).map((item) => item.key);
    expect(keys).not.toContain(SURCHARGE);
    // The other fees to verify stay (the Pathway's, still to pay).
    expect(keys).toContain("ecfmg_pathway_application");
  });

  it("Step 2 CK still to take: listed, to verify before paying", () => {
    const applicant = snapshot();
    const step2 = applicant.milestones.find((each) => each.key === "usmle_step2ck");
    if (step2 !== undefined) {
      step2.status = "not_started";
      delete step2.date;
    }
    const item = (planOf(applicant).budget.toVerify ?? []).find((each) => each.key === SURCHARGE);
    expect(item?.verify).toMatch(/^flagged, verify/);
  });
});

/**
 * The surcharge is for sitting Step 1 or Step 2 CK outside the US and Canada: an applicant whose
 * zone is in either country (the only sign of where they sit) is not shown it, one elsewhere is.
 */
describe("the USMLE surcharge by the applicant's zone", () => {
  const surchargeFor = (zone: string) => {
    const applicant = snapshot();
    applicant.applicant.timezone = zone;
    const step2 = applicant.milestones.find((each) => each.key === "usmle_step2ck");
    if (step2 !== undefined) {
      step2.status = "not_started";
      delete step2.date;
      delete step2.score;
    }
    return (planOf(applicant).budget.toVerify ?? []).find((each) => each.key === SURCHARGE);
  };

  it.each([
    "America/Toronto",
    "America/Vancouver",
    "America/St_Johns",
    "America/Montreal",
    "Canada/Eastern",
    "America/Chicago",
    "US/Pacific",
  ])("%s: not listed", (zone) => {
    expect(surchargeFor(zone)).toBeUndefined();
  });

  it.each(["Asia/Manila", "Africa/Lagos", "America/Mexico_City", "America/Sao_Paulo", "Europe/London"])(
    "%s: listed, saying it is owed only for sitting outside the US and Canada",
    (zone) => {
      expect(surchargeFor(zone)?.label).toBe(
        "USMLE international test delivery surcharge, per exam, if you sit Step 1 or Step 2 CK outside the US and Canada (amount not found)",
      );
    },
  );
});
