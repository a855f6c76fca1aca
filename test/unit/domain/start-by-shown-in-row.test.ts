import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The badge counts from the day to act by, a step's latest safe start among them (its deadline
 * less its lead time: README "Badges"), so SOAP (two weeks to get ready, advice) reads Urgent
 * 19 days before Match Week. The row says why: with no target of its own it shows that start
 * ("start by Mon 1 Mar 2027 †"), never a bare "-" beside a date weeks away.
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

describe("a step urgent by its latest safe start shows that start in its row", () => {
  it("SOAP on 24 Feb 2027: urgent, start by Mon 1 Mar 2027 †, due with Match Week on 15 Mar", () => {
    const result = plan(lima, seasonCalendar(2027), new Date("2027-02-24T15:00:00Z"));
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.urgency).toBe("urgent");
    const row = renderPlan(result, "Lucia", "America/Lima")
      .split("\n")
      .find((line) => /^\s+urgent\s+soap\s/.test(line));
    expect(row).toContain("start by Mon 1 Mar 2027 †");
    expect(row).toContain("Mon 15 Mar 2027");
  });
});
