import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * The Pathway in progress told an applicant whose OET Medicine was passed (380, in March) that "your
 * OET result and the attestations or licence your Pathway asks for can follow it": her result is
 * already in. Its words now name only what can still follow; one who has not sat the OET yet still
 * reads that the result can follow.
 */
const BASE: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2023-01-10" },
  { key: "ecfmg_application", status: "done", date: "2024-02-01" },
  { key: "usmle_step1", status: "done", date: "2024-09-10" },
  { key: "usmle_step2ck", status: "done", date: "2025-06-20", score: 245 },
  { key: "ecfmg_pathway", status: "in_progress" },
];
const pathwayAction = (oet: MilestoneEntry) => {
  const plan = domainPlanning.plan(
    {
      profile: profileFactory({ applicantId: "a_noura", fullName: "Noura Hassan", timezone: "Africa/Cairo" }),
      milestones: [...BASE, oet],
      interviews: [],
      ledger: [],
    },
    new Date("2026-12-08T07:00:00Z"),
  );
  return plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";
};

describe("the Pathway's words on the OET result", () => {
  it("do not say the result can follow once the OET is passed", () => {
    const action = pathwayAction({ key: "oet_medicine", status: "done", date: "2025-03-01", score: 380 });
    expect(action).toContain("the attestations or licence your Pathway asks for can follow it");
    expect(action).not.toMatch(/OET result/);
  });

  it("still say it can follow while the OET is to be sat", () => {
    const action = pathwayAction({ key: "oet_medicine", status: "scheduled", date: "2027-01-09" });
    expect(action).toContain(
      "your OET result and the attestations or licence your Pathway asks for can follow it",
    );
  });
});
