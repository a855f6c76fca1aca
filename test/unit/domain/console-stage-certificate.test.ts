import { describe, expect, it } from "vitest";
import { stageOf } from "#domain/console/stage.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * In interview season the cohort stood applicants who had passed every exam and the Pathway, applied
 * and registered, with interviews booked, at "Exams and ECFMG": the certificate, which the plan dates
 * by June (due by residency's start), was still open. They stand at the interviews now; an exam
 * still open keeps an applicant at the exams, and the certificate alone left does not read "Road
 * complete".
 */
const ROAD: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2023-01-10" },
  { key: "ecfmg_application", status: "done", date: "2024-02-01" },
  { key: "usmle_step1", status: "done", date: "2024-09-10" },
  { key: "usmle_step2ck", status: "done", date: "2025-06-20", score: 245 },
  { key: "oet_medicine", status: "done", date: "2025-03-01", score: 380 },
  { key: "ecfmg_pathway", status: "done", date: "2025-10-01" },
  { key: "lors", status: "done", date: "2026-08-01" },
  { key: "personal_statement", status: "done", date: "2026-08-15" },
  { key: "cv", status: "done", date: "2026-08-15" },
  { key: "program_list", status: "done", date: "2026-08-20" },
  { key: "eras_token", status: "done", date: "2026-07-01" },
  { key: "eras_application", status: "done", date: "2026-09-10" },
  { key: "nrmp_registration", status: "done", date: "2026-09-20" },
];
const INTERVIEWS: Interview[] = [
  {
    program: "Baystate Internal Medicine",
    startsAt: "2026-12-10T09:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
  },
];
const stageAt = (milestones: MilestoneEntry[], now: string, visa: "J-1" | "none" = "J-1") =>
  stageOf(
    domainPlanning.plan(
      {
        profile: profileFactory({ applicantId: "a_efe", fullName: "Efe Okon", visa }),
        milestones,
        interviews: INTERVIEWS,
        ledger: [],
      },
      new Date(now),
    ),
  );

describe("the cohort stage of an applicant whose certificate is still to come", () => {
  it("stands at the interviews with every exam and the Pathway passed", () => {
    expect(stageAt(ROAD, "2026-12-08T16:00:00Z")).toBe("interviews");
  });

  it("stays at the exams while an exam is open", () => {
    const open = ROAD.map(
      (entry): MilestoneEntry =>
        entry.key === "usmle_step2ck"
          ? { key: "usmle_step2ck", status: "scheduled", date: "2027-01-05" }
          : entry,
    );
    expect(stageAt(open, "2026-12-08T16:00:00Z")).toBe("exams");
  });

  it("never reads the road complete while the certificate is open", () => {
    const matched: MilestoneEntry[] = [
      ...ROAD,
      { key: "rank_order_list", status: "done", date: "2027-02-10" },
      { key: "match_week", status: "done", date: "2027-03-15" },
      { key: "match_day", status: "done", date: "2027-03-19" },
      { key: "contract", status: "done", date: "2027-03-30" },
    ];
    expect(stageAt(matched, "2027-04-05T12:00:00Z", "none")).not.toBe("complete");
  });
});
