import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Step 3 sat with no result, between the projected rank order list deadline (Wed 24 Feb 2027) and its
 * later candidate (Wed 3 Mar 2027): the card names the rank order list deadline as projected, since that
 * is the day it names (not "our advice", Step 3's own sit-by rule), and never says ECFMG confirms a
 * Step 3 result: ECFMG confirms what NRMP's eligibility needs; Step 3 matters to each program's H-1B
 * decision, taken when it certifies its list.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-step3-result-window/", import.meta.url));
const snapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}step3-sat-no-result-chicago-2027.json`, "utf8")),
);
const at = (now: string) => plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const step3Action = (now: string): string => {
  const result = at(now);
  const step = result.nextSteps.find((each) => each.milestone === "usmle_step3");
  if (step === undefined) throw new Error(`no usmle_step3 step at ${now}`);
  return step.action;
};

describe("Step 3 sat, no result, in the rank list deadline's later window", () => {
  it("labels the rank order list deadline it names as projected", () => {
    const action = step3Action("2027-03-01T18:00:00Z");
    expect(action).toContain("by the rank order list deadline, Wed 24 Feb 2027 (projected)");
    expect(action).not.toContain("(our advice)");
  });

  it("sends the applicant to each program's H-1B decision, never to an ECFMG confirmation", () => {
    const action = step3Action("2027-03-01T18:00:00Z");
    expect(action).not.toMatch(/ECFMG confirms/);
    expect(action).toContain("Wed 3 Mar 2027");
    expect(action).toContain("ask each program now whether it can still rank you on an H-1B");
  });
});
