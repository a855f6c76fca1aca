import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A certificate whose Pathway ECFMG accepted in
 * an earlier Pathways season than this Match's may carry a validity date before this Match's
 * residency start; "nothing is needed now" then leaves Pathways Revalidation (applied for through
 * the season's Pathways application, ECFMG's 2026 Pathways notice) until it may be too late. The
 * warning asks now to check that date against the start. A Match over for the applicant (the warning
 * disappeared once its residency start passed) gets the same check for the next Match.
 */
const EXAMS = doneMilestones([
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "eras_token",
  "eras_application",
  "nrmp_registration",
]);
const pathwayOn = (date: string): MilestoneEntry[] => [
  ...EXAMS,
  { key: "ecfmg_pathway", status: "done", date },
  { key: "ecfmg_certification", status: "done", date: "2025-08-20" },
];
const NEWS_2026_PATHWAYS =
  "https://www.ecfmg.org/news/2025/08/19/detailed-information-and-online-application-for-2026-pathways-now-available";

function riskAt(matchYear: number, milestones: MilestoneEntry[], now: string) {
  const applicant = applicantFactory({
    fullName: "Chiamaka Obi",
    matchYear,
    timezone: "Africa/Lagos",
    graduation: "2024-06-30",
  });
  return plan(inputFactory({ applicant, milestones }), seasonCalendar(matchYear), new Date(now)).risks.find(
    (risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE",
  );
}

describe("a Pathway-based certificate from an earlier Pathways season", () => {
  it("asks now to check its validity date against this Match's start, and Revalidation if it ends before", () => {
    const risk = riskAt(2027, pathwayOn("2025-04-10"), "2026-11-30T12:00:00Z");
    const message = risk?.message ?? "";
    expect(risk?.severity).toBe("warning");
    expect(message).toContain("accepted on Thu 10 Apr 2025, before this Match's Pathways season");
    expect(message).toContain("Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)");
    expect(message).toContain("ask ECFMG about Pathways Revalidation now");
    expect(message).toContain("check ECFMG's Pathways page");
    expect(message).toContain("verify");
    expect(message).not.toContain("nothing is needed now");
    expect(risk?.sources).toContain(NEWS_2026_PATHWAYS);
  });

  it("keeps today's words for a Pathway of this Match's season", () => {
    const message = riskAt(2027, pathwayOn("2026-10-01"), "2026-11-30T12:00:00Z")?.message ?? "";
    expect(message).toContain("nothing is needed now");
    expect(message).not.toContain("Revalidation now");
  });

  it("a Match over for the applicant, past its residency start: the same check for the next Match", () => {
    // Not registered with NRMP, so no SOAP: once late registration closed the plan moved to the
    // 2027 Match (NRMP_REGISTRATION_CLOSED), and the check is that Match's.
    const unregistered = pathwayOn("2025-04-10").filter((entry) => entry.key !== "nrmp_registration");
    const risk = riskAt(2026, unregistered, "2026-11-30T05:00:00Z");
    const message = risk?.message ?? "";
    expect(message).toContain(
      "residency start, Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)",
    );
    expect(message).toContain("for the 2027 Match");
    expect(message).toContain("ask ECFMG about Pathways Revalidation now");
    expect(risk?.sources).toContain(NEWS_2026_PATHWAYS);
  });
});
