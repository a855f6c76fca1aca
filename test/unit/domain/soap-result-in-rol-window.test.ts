import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * With no list certified, a result NRMP needs
 * dated between the rank order list deadline's two candidates (after our projected Wed 24 Feb 2027,
 * by the later Wed 3 Mar) leaves SOAP open only if NRMP's deadline turns out later. SEASON_OVER says
 * both sides, as ROL_DEADLINE_MAY_BE_LATER does beside a certified list, and the SOAP and rank order
 * list cards agree with it. Marisol: Chicago, registered, reported no list, Step 2 CK dated `passed`.
 */
const calendar = seasonCalendar(2027);
const BEFORE: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "oet_medicine",
  "ecfmg_pathway",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
];

function marisol(passed: string) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "sw-1",
      timezone: "America/Chicago",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones: [
      ...doneMilestones(BEFORE, "2026-09-20"),
      milestoneFactory("rank_order_list", "not_started"),
      milestoneFactory("usmle_step2ck", "done", passed),
    ],
  });
}

const now = new Date("2027-03-01T16:00:00Z");
const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER")?.message ?? "";
const card = (result: Plan, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

describe("no list certified, a result dated between the two ROL candidates", () => {
  it("SEASON_OVER says both sides: too late on our projection, SOAP open if NRMP's deadline is later", () => {
    const message = seasonOver(plan(marisol("2027-02-26"), calendar, now));
    expect(message).toContain("Your USMLE Step 2 CK result is dated Fri 26 Feb 2027");
    expect(message).toContain(
      "If NRMP's 2027 deadline is our projected Wed 24 Feb, a result dated Fri 26 Feb came too late and SOAP is not open to you either",
    );
    expect(message).toContain("if it turns out later (Wed 3 Mar 2027");
    expect(message).not.toContain("is still open to you if R3 shows you eligible");
  });

  it("the SOAP card and the rank order list card agree: SOAP only if the deadline turns out later", () => {
    const result = plan(marisol("2027-02-26"), calendar, now);
    expect(card(result, "soap")).toMatch(
      /^Only if NRMP's 2027 deadline turns out later than our projected Wed 24 Feb/,
    );
    expect(card(result, "rank_order_list")).not.toContain("SOAP in Match Week is still open to you");
    expect(card(result, "rank_order_list")).toContain("only if NRMP's 2027 deadline turns out later");
  });

  it("a result dated by the projected deadline's day keeps the one-sided words", () => {
    const result = plan(marisol("2027-02-24"), calendar, now);
    expect(seasonOver(result)).toContain("is still open to you if R3 shows you eligible");
    expect(card(result, "soap")).not.toMatch(/^Only if/);
  });
});
