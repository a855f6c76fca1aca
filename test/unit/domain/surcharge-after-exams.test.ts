import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The budget listed "USMLE international test delivery surcharge, per exam …"
 * as upcoming, to verify, for an applicant with Step 1 and Step 2 CK both done. Ruling: dropped once
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
