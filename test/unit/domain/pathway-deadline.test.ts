import { describe, expect, it } from "vitest";
import catalogData from "#domain/catalog/milestones.json" with { type: "json" };
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import projectionRulesData from "#domain/seasons/projection-rules.json" with { type: "json" };
import { etInstant } from "#domain/time.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * The Pathway deadline was once projected as ROL deadline - 28 days,
 * about four weeks after the Dec 31, 2023 (6:00 PM ET) cutoff ECFMG set for the 2024 Match. The
 * earlier candidate is projected now, by the documented rule in projection-rules.json.
 */
describe("the ECFMG Pathway deadline projects the earlier candidate", () => {
  const rule = projectionRulesData.milestoneOffsets.find((entry) => entry.milestone === "ecfmg_pathway");
  const entry = catalogData.entries.find((candidate) => candidate.key === "ecfmg_pathway");

  it("the catalog's due uses the documented rule, which names both candidates and why the earlier", () => {
    expect(rule).toBeDefined();
    expect(entry?.due).toMatchObject({ from: "season", dateKey: rule?.from, offsetDays: rule?.days });
    expect(rule?.rule).toContain("Dec 31, 2023, 6:00 PM ET");
    expect(rule?.rule).toContain("Jan 31, 2023");
    expect(rule?.rule).toContain("earlier candidate");
    expect(entry?.due.source).toContain("https://ecfmg.org/certification-pathways/info-applicants.html");
  });

  it("says why ECFMG's May 2025 newsletter datum (2025 Pathways closed May 31, 2025) is not projected", () => {
    expect(rule?.rule).toContain("Not used: ECFMG's May 2025 newsletter datum");
    expect(rule?.rule).toContain("May 31, 2025, 11:59 PM ET (https://gp.ecfmg.org/focus/issue88.html");
    expect(rule?.rule).toContain("NRMP needs ECFMG's confirmation of the Pathway by the ROL deadline");
  });

  it("applied to the 2024 Match (ROL deadline Wed 28 Feb 2024, 9 PM ET) falls before ECFMG's Dec 31, 2023 cutoff", () => {
    const rolDeadline2024 = etInstant("2024-02-28", "21:00");
    const projected = rolDeadline2024 + (rule?.days ?? 0) * 86_400_000;
    expect(projected).toBeLessThan(etInstant("2023-12-31", "18:00"));
    expect(projected).toBeGreaterThan(etInstant("2023-12-29", "18:00"));
  });

  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027 }),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck"]),
  });
  const result = plan(input, seasonCalendar(2027), new Date("2026-06-01T12:00:00Z"));
  const steps = [...result.nextSteps, ...result.blocked];
  const deadlineOf = (key: string) => steps.find((step) => step.milestone === key)?.deadline;

  // The OET's last day counts back from the Pathway's deadline for supporting documents (Tue 26
  // Jan 2027, 9 PM ET, projected) by its result time, 21 days; it was six
  // weeks before the application deadline (Sat 14 Nov 2026), as if the result went in with it.
  it("puts the 2027 Pathway deadline in December 2026, projected, citing the rule, and OET 21 days before the documents deadline", () => {
    const pathway = deadlineOf("ecfmg_pathway");
    expect(pathway?.status).toBe("projected");
    expect(pathway?.at).toBe("2026-12-26T23:00:00.000Z");
    expect(pathway?.source).toContain("earlier of the known candidates");
    const oet = deadlineOf("oet_medicine");
    // Its last sitting day, Tue 5 Jan 2027 (the cut-off's ET date), due to Kolkata's midnight after it.
    expect(oet?.day).toBe("2027-01-05");
    expect(oet?.at).toBe("2027-01-05T18:30:00.000Z");
  });
});
