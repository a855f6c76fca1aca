import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A step with no target of its own shows its latest safe start (its deadline less its lead time:
 * README "Badges") in its row, "start by Mon 1 Mar 2027 †" for SOAP (two weeks to get ready,
 * advice), never a bare "-" beside a date weeks away. SOAP before Match Week is preparation for not
 * matching, so its badge reads by its date (Soon 19 days before Match Week), the start-by still shown.
 */
const lima = inputFactory({
  applicant: applicantFactory({
    externalId: "start-by-lim",
    timezone: "America/Lima",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Example Medical College", country: "PE", wdomsSponsorNote: true },
  }),
  milestones: [
    ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"]),
    milestoneFactory("ecfmg_pathway", "done", "2026-09-14"),
    milestoneFactory("eras_application", "done", "2026-09-21"),
    milestoneFactory("nrmp_registration", "done", "2026-10-07"),
    milestoneFactory("rank_order_list", "done", "2027-02-10"),
  ],
});

describe("a step with a latest safe start shows that start in its row", () => {
  it("SOAP on 24 Feb 2027: soon, start by Mon 1 Mar 2027 †, due with Match Week on 15 Mar", () => {
    const result = plan(lima, seasonCalendar(2027), new Date("2027-02-24T15:00:00Z"));
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.urgency).toBe("soon");
    const row = renderPlan(result, "Lucia", "America/Lima")
      .split("\n")
      .find((line) => /^\s+soon\s+soap\s/.test(line));
    expect(row).toContain("start by Mon 1 Mar 2027 †");
    expect(row).toContain("Mon 15 Mar 2027");
  });
});
