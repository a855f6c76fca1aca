import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * The what-if offered and saved "waived" for USMLE Step 2 CK and ECFMG
 * certification, dropping a critical risk, three reminders and the exam's fee. An IMG cannot skip
 * either; the catalog marks the steps an applicant may skip (`waivable`: research, SOAP) and the
 * applicant's own "Not for me" is limited to those. The what-if's check (preview and save alike)
 * now refuses "waived" for any other step, naming Status, and accepts it for those.
 */
describe("waiving a step in a what-if", () => {
  const now = new Date("2027-03-20T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, visa: "H-1B" }),
    milestones: examsDone("2025-01-15").filter((entry) => entry.key !== "usmle_step2ck"),
  });
  const waivable = MILESTONE_CATALOG.filter((entry) => entry.waivable !== undefined).map(
    (entry) => entry.key,
  );

  // The H-1B stamping too: not needed on an in-US change of status,
  // offered only in a US zone.
  it("the catalog marks research, SOAP and the H-1B stamping waivable, nothing the Match requires", () => {
    expect([...waivable].sort()).toEqual(["research", "soap", "visa_h1b_stamping"]);
  });

  it.each(["usmle_step2ck", "ecfmg_certification", "nrmp_registration"] as const)(
    "refuses waived for %s, naming Status and the steps that may be skipped",
    (key) => {
      const problems = whatIfSaveProblems(input, [{ kind: "milestone", key, status: "waived" }], now);
      const problem = problems.find((p) => p.path === "0.status");
      expect(problem?.message).toMatch(/cannot be waived/);
      expect(problem?.message).toContain("Research");
      expect(problem?.message).toContain("SOAP");
    },
  );

  it.each(["research", "soap"] as const)("accepts waived for %s", (key) => {
    expect(whatIfSaveProblems(input, [{ kind: "milestone", key, status: "waived" }], now)).toEqual([]);
  });
});
