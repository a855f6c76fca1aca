import { describe, expect, it } from "vitest";
import { notWaivableProblems } from "#domain/console/waivable-steps.ts";
import { whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import { applicantFactory, examsDone, inputFactory, matched2027, milestoneFactory } from "./factories.ts";

/**
 * The H-1B stamping's "Not for me" from a zone outside the US is refused at intake
 * (only someone already in the US can have a change of status). The console's what-if knows the
 * applicant's zone too, so its check (the preview's and the save's) refuses it with the intake's
 * words at the change's Status; in a US zone it is accepted.
 */
const now = new Date("2027-04-25T12:00:00Z");
const approved = (timezone: string) =>
  matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2026-10-15"),
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("visa_h1b", "done", "2027-04-20"),
    ],
  });
const waiveStamping = { kind: "milestone", key: "visa_h1b_stamping", status: "waived" } as const;
const ABROAD =
  "cannot be waived: the applicant's time zone (Africa/Lagos) is outside the US, and only someone already in the US can have a change of status; from abroad the H-1B visa must be stamped at a US consulate before residency starts; record its status or date instead";

describe("the what-if refuses the H-1B stamping waived from outside the US", () => {
  it("Lagos: refused at the change's Status, in the intake's words", () => {
    const problems = whatIfSaveProblems(approved("Africa/Lagos"), [waiveStamping], now);
    expect(problems).toEqual([{ path: "0.status", message: ABROAD }]);
    // The same problem the intake gives for the same entry in a snapshot (only the path's prefix differs).
    expect(notWaivableProblems([waiveStamping], "Africa/Lagos")).toEqual([
      { path: "milestones.0.status", message: ABROAD },
    ]);
  });

  it("a switch to H-1B with the stamping waived in the same what-if: refused at that change", () => {
    const j1 = inputFactory({
      applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", visa: "J-1" }),
      milestones: examsDone("2025-01-15"),
    });
    const problems = whatIfSaveProblems(j1, [{ kind: "visa", visa: "H-1B" }, waiveStamping], now);
    expect(problems).toEqual([{ path: "1.status", message: ABROAD }]);
  });

  it("Chicago: accepted (a change of status the program confirmed)", () => {
    expect(whatIfSaveProblems(approved("America/Chicago"), [waiveStamping], now)).toEqual([]);
  });
});
