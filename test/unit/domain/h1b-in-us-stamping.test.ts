import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { FILED_QUESTION } from "#domain/planner/h1b-in-us.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant whose zone is in the US (Chicago), petition approved, was
 * told to get the visa stamped at a consulate "from abroad", with consular-interview rungs and the
 * $205 H visa fee counted. Rule: the fact sheet's proclamation row names an in-US change of status
 * as its own case, so in a US zone the stamping step reads conditionally (change of status: no
 * stamp; consular processing: the consular words), asks one question instead of the lead-time
 * rungs, may be marked Not for me once the program confirms a change of status (then silent), and
 * the H visa fee is to verify, not counted. Abroad: unchanged. Once the petition is approved the
 * program has filed, so the step asks which it filed (the approval notice shows it) and keeps its
 * whole ladder to its date: one question email left an applicant on the consular route unreminded.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-routes/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const planOf = planInOwnMatch;
const APPROVED = snapshotOf("h1b-in-us-chicago-petition-approved.json");
const NOW = "2027-05-20T09:00:00-05:00";
const stamping = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_h1b_stamping");
const rungsOf = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.milestone === "visa_h1b_stamping");
const withZone = (snapshot: ApplicantSnapshot, timezone: string): ApplicantSnapshot => ({
  ...snapshot,
  applicant: { ...snapshot.applicant, timezone },
});
const withStamping = (snapshot: ApplicantSnapshot, status: "waived" | "scheduled", date?: string) => ({
  ...snapshot,
  milestones: [
    ...snapshot.milestones,
    date === undefined
      ? { key: "visa_h1b_stamping" as const, status }
      : { key: "visa_h1b_stamping" as const, status, date },
  ],
});

describe("the H-1B stamping step of an applicant in the US", () => {
  it("once the petition is approved, says the program filed and where the approval notice shows which", () => {
    const step = stamping(planOf(APPROVED, NOW));
    expect(step?.action).toMatch(
      /^Your program's petition is approved: its approval notice \(Form I-797\) shows which it filed \(advice\)\. An I-94 record attached to the notice means a change of status: then there is no visa stamp to get before residency, a trip abroad before you start needs your program's advice, and you tap Not for me\. If the notice is for consular notification instead, file the DS-160/,
    );
    expect(step?.action).not.toContain("Ask your program which it files");
    expect(step?.title).toContain(FILED_QUESTION.slice(1, -1));
    expect(step?.why).not.toContain("from abroad");
    // The full countdown, as abroad: the step has its latest safe start again.
    expect(step?.startBy).toBeDefined();
  });

  it("once the petition is approved, keeps the stamping's whole ladder to its date, worded as the question", () => {
    // A program that filed for consular notification leaves the applicant four weeks to the
    // stamping's date: one question email and then silence left them unreminded until it passed.
    const rungs = rungsOf(planOf(APPROVED, NOW));
    const abroad = rungsOf(planOf(withZone(APPROVED, "America/Bogota"), NOW));
    // Abroad, one "have you booked your interview?" check more (in the US the card asks the route first).
    expect(rungs.map((rung) => rung.rung)).toEqual(
      abroad.map((rung) => rung.rung).filter((rung) => rung !== "interview-asked"),
    );
    expect(rungs.map((rung) => rung.rung)).toEqual(["start-by", "due-in-14d", "due-in-3d", "due-in-1d"]);
    const title = stamping(planOf(APPROVED, NOW))?.title;
    for (const rung of rungs) expect(rung.title).toBe(title);
    expect(rungs.map((rung) => rung.rung)).not.toContain("route-asked");
  });

  it("lists the H visa fee to verify (consular route only), not in the totals", () => {
    const { budget } = planOf(APPROVED, NOW);
    expect(budget.items.map((item) => item.key)).not.toContain("h_visa_mrv");
    const mrv = budget.toVerify?.find((item) => item.key === "h_visa_mrv");
    expect(mrv?.amountUsd).toBe(205);
    expect(mrv?.verify).toContain("paid only if your program files for consular processing");
    expect(budget.upcomingUsd).toBe(0);
  });

  it("is silent once marked Not for me (change of status confirmed): no step, no rung, no fee", () => {
    const result = planOf(withStamping(APPROVED, "waived"), NOW);
    expect(stamping(result)).toBeUndefined();
    expect(rungsOf(result)).toEqual([]);
    expect(result.budget.items.map((item) => item.key)).not.toContain("h_visa_mrv");
    expect(result.budget.toVerify?.map((item) => item.key)).not.toContain("h_visa_mrv");
  });

  it("keeps the consular words for an interview booked (the consular route's answer)", () => {
    const result = planOf(withStamping(APPROVED, "scheduled", "2027-06-01"), NOW);
    expect(stamping(result)?.action).toMatch(/^Your H-1B visa interview is on Tue 1 Jun 2027/);
  });

  it("is waivable in the catalog with its cited reason; Not for me is offered in a US zone only", () => {
    const entry = catalogEntry("visa_h1b_stamping");
    expect(entry.waivable?.source).toMatch(/^https:\/\//);
    expect(entry.waivable?.note).toContain("change of status");
    const result = planOf(APPROVED, NOW);
    const step = stamping(result);
    if (step === undefined) throw new Error("no stamping step");
    expect(actionsFor(step, result, "America/Chicago", APPROVED.milestones)).toContain("waive");
    expect(actionsFor(step, result, "Asia/Manila", APPROVED.milestones)).not.toContain("waive");
  });

  it("waits for the petition with the conditional why (petition not reported)", () => {
    const result = planOf(snapshotOf("h1b-in-us-chicago-matched-stamping.json"), NOW);
    const blocked = result.blocked.find((step) => step.milestone === "visa_h1b_stamping");
    expect(blocked?.why).toContain("on a change of status in the US there is no visa stamp to get");
  });

  it("abroad, unchanged: the consular step, its lead-time rungs and the fee counted", () => {
    const result = planOf(withZone(APPROVED, "America/Bogota"), "2027-05-20T09:00:00-05:00");
    const step = stamping(result);
    expect(step?.title).toBe(catalogEntry("visa_h1b_stamping").title);
    expect(step?.action).toBe(catalogEntry("visa_h1b_stamping").action);
    expect(rungsOf(result).map((rung) => rung.rung)).toContain("start-by");
    expect(rungsOf(result).map((rung) => rung.rung)).not.toContain("route-asked");
    expect(result.budget.items.find((item) => item.key === "h_visa_mrv")?.status).toBe("upcoming");
    expect(result.budget.upcomingUsd).toBe(205);
  });
});
