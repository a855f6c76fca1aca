import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// Tester s10 issue 9d B10: an applicant in Amman, every exam, the Pathway, ERAS and NRMP done, with
// "visa": "undecided" on 1 Dec 2026, two months before the rank order list deadline: no visa step,
// no risk, no advice. Neither route can be planned until the applicant chooses, and H-1B ranking
// needs Step 3 (after the certificate, up to 12 weeks for FSMB) reported before that deadline.

const NOW = "2026-12-01T16:00:00Z";
const inputWith = (visa: "undecided" | "J-1" | "H-1B" | "none") =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Amman", visa, graduation: "2025-06-30" }),
    milestones: doneMilestones(REGISTERED_KEYS, "2026-09-01"),
  });
const undecidedRisk = (visa: "undecided" | "J-1" | "H-1B" | "none", now = NOW) =>
  planFor(inputWith(visa), now).risks.find((risk) => risk.code === "VISA_UNDECIDED");

describe("an undecided visa is a warning asking to decide now, with what each route needs (s10 9d B10)", () => {
  it("warns an undecided applicant before ranking and asks them to decide now", () => {
    const risk = undecidedRisk("undecided");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toMatch(/decide/i);
  });

  it("gives the H-1B route's Step 3 timing from the H-1B risk's own figures", () => {
    const message = undecidedRisk("undecided")?.message ?? "";
    expect(message).toContain("Step 3");
    expect(message).toContain("up to 12 weeks for FSMB to verify graduation");
    expect(message).toContain("up to 28 days");
    expect(message).toMatch(/ECFMG certificate/);
  });

  it("gives the J-1 route's chain after the Match", () => {
    const message = undecidedRisk("undecided")?.message ?? "";
    for (const part of ["J-1", "Statement of Need", "DS-2019", "ECFMG's J-1 sponsorship"])
      expect(message).toContain(part);
  });

  it("cites the sources the visa risks already cite, and nothing unsourced", () => {
    const sources = undecidedRisk("undecided")?.sources ?? [];
    expect(sources.some((source) => source.includes("ecfmg.org/evsp"))).toBe(true);
    expect(sources.some((source) => source.includes("fsmb.org/step-3"))).toBe(true);
    expect(sources.some((source) => source.includes("residency.dom.pitt.edu"))).toBe(true);
    expect(sources.some((source) => source.startsWith("projected:"))).toBe(true);
  });

  it("says nothing once a route is chosen, or once the rank order list deadline has passed", () => {
    for (const visa of ["J-1", "H-1B", "none"] as const) expect(undecidedRisk(visa)).toBeUndefined();
    expect(undecidedRisk("undecided", "2027-03-01T12:00:00Z")).toBeUndefined();
  });
});
