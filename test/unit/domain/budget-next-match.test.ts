import { describe, expect, it } from "vitest";
import { budgetNote, budgetRows, budgetTotals } from "#domain/budget-words.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { demoApplicants } from "#local/demo-applicants.ts";

// Once the 2027 Match was over for them (its rank order
// list deadline passed without a certified list), Chiamaka (H-1B, Step 3 not taken) and Aarav
// (planned for 2028, nothing of ERAS or NRMP paid) were told "Still to pay $0", and a what-if
// "visa → H-1B" for Aarav added the Step 3 step but "Budget Upcoming $0 → $0". An IMG who tries
// again pays ERAS, NRMP, the visa (and for an H-1B, Step 3) again: those are the next Match's fees.
const OVER = new Date("2027-04-01T10:00:00Z");
const BEFORE = new Date("2026-12-01T10:00:00Z");

function demo(name: string, visa?: "H-1B"): PlannerInput {
  const found = demoApplicants("t").find((each) => each.snapshot.applicant.fullName.startsWith(name));
  if (found === undefined) throw new Error(`no demo applicant ${name}`);
  const { applicant, milestones, interviews } = found.snapshot;
  return { applicant: visa === undefined ? applicant : { ...applicant, visa }, milestones, interviews };
}
const planAt = (input: PlannerInput, now: Date): Plan =>
  plan(input, seasonCalendar(input.applicant.matchYear), now);
const upcoming = (result: Plan) =>
  [...result.budget.items, ...(result.budget.toVerify ?? [])].filter((item) => item.status === "upcoming");
const keysFor2028 = (result: Plan) =>
  upcoming(result)
    .filter((item) => item.nextMatch?.matchYear === 2028)
    .map((item) => item.key.replace(/\.next-match$/, ""));
const budgetStep = (result: Plan) =>
  [...result.nextSteps, ...result.blocked].find((step) => step.milestone === "budget") as
    | { action?: string }
    | undefined;

// Chiamaka interviews for the 2027 Match: with NRMP left unreported she is now asked whether she
// ranked until residency starts. This file is about a season over for her, so she reports that
// she registered and certified no list: after SOAP, its outcome not yet told, SEASON_OVER (one who
// never registered moves to the next Match instead, NRMP_REGISTRATION_CLOSED).
const noListReported = (input: PlannerInput): PlannerInput => ({
  ...input,
  milestones: [
    ...input.milestones.filter((each) => each.key !== "nrmp_registration" && each.key !== "rank_order_list"),
    { key: "nrmp_registration", status: "done" },
    { key: "rank_order_list", status: "not_started" },
  ],
});

describe("a season that is over budgets the next Match's fees, as estimates", () => {
  const chiamaka = planAt(noListReported(demo("Chiamaka")), OVER);
  const aarav = planAt(demo("Aarav"), OVER);

  it("is the season-over case for both", () => {
    for (const result of [chiamaka, aarav])
      expect(result.risks.map((risk) => risk.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/SEASON_OVER|MATCH_YEAR_NOT_FEASIBLE/)]),
      );
    expect(chiamaka.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
  });

  it("counts Chiamaka's ERAS, Step 3 and H-1B visa fees for the 2028 Match, and lists NRMP's to verify", () => {
    expect(keysFor2028(chiamaka)).toEqual(
      expect.arrayContaining([
        "eras_token",
        "eras_programs",
        "eras_usmle_transcript",
        "nrmp_registration",
        "usmle_step3_exam",
        "h_visa_mrv",
      ]),
    );
    const counted = chiamaka.budget.items.filter((item) => item.status === "upcoming");
    expect(counted.map((item) => item.key)).toContain("usmle_step3_exam");
    expect(chiamaka.budget.upcomingUsd).toBe(counted.reduce((sum, item) => sum + item.amountUsd, 0));
    expect(chiamaka.budget.upcomingUsd).toBeGreaterThanOrEqual(935);
    // Her 2027 token stays paid beside the 2028 one; no late fee is budgeted for a Match not begun.
    expect(chiamaka.budget.items.find((item) => item.key === "eras_token")?.status).toBe("spent");
    expect(upcoming(chiamaka).map((item) => item.key)).not.toContain("nrmp_late_fee");
  });

  it("counts Aarav's ERAS, NRMP and J-1 fees for the 2028 Match", () => {
    expect(keysFor2028(aarav)).toEqual(
      expect.arrayContaining([
        "eras_token",
        "eras_programs",
        "nrmp_registration",
        "j1_sponsorship",
        "j1_visa_mrv",
      ]),
    );
    expect(aarav.budget.upcomingUsd).toBeGreaterThan(0);
    expect(budgetTotals(aarav.budget).toPay).not.toBe("$0");
  });

  it("says on each such row and in the caption that it is an estimate for the 2028 Match, due at its step", () => {
    const rows = budgetRows(chiamaka.budget).filter((row) => row.label.includes("(2028 Match, estimate)"));
    expect(rows.length).toBe(keysFor2028(chiamaka).length);
    for (const row of rows) {
      expect(row.status === "Coming" || row.status === "To verify").toBe(true);
      expect(row.note, row.label).toMatch(
        /For the 2028 Match: .*fees are not published yet.* paid at the step “.+”/,
      );
    }
    expect(budgetNote(chiamaka.budget)).toMatch(
      /"2028 Match, estimate" are that Match.s fees at today.s fee table/,
    );
  });

  it("the budget step names the next Match's share and asks to set money aside, never to pay now", () => {
    const action = budgetStep(chiamaka)?.action ?? "";
    expect(action).not.toMatch(/^Fees still to come: \$0 /);
    expect(action).toMatch(/estimated for the 2028 Match/);
    expect(action).not.toMatch(/pay (it|them)? ?now/i);
  });

  it("sends no reminder for a step of the next Match whose fee it lists, once the Match is over", () => {
    for (const result of [chiamaka]) {
      const feeSteps = new Set(
        upcoming(result)
          .filter((item) => item.nextMatch !== undefined)
          .map((item) => item.nextMatch?.step),
      );
      for (const reminder of result.reminders) {
        if (reminder.milestone === "interview" || reminder.milestone === "budget") continue;
        // The season-over notice (a critical risk's, 67b78b9) rides on the NRMP step but says the
        // risk's words, "plan for the 2028 Match", never the step's "register and pay".
        if (reminder.rung === CRITICAL_RISK_RUNG) {
          expect(reminder.title, reminder.id).toMatch(
            /^The 2027 Match is over for you: plan for the 2028 Match/,
          );
          expect(`${reminder.title} ${reminder.why}`, reminder.id).not.toMatch(/\bregister\b|pay the/i);
          continue;
        }
        expect(feeSteps.has(catalogEntry(reminder.milestone).title), reminder.id).toBe(false);
      }
    }
  });

  it("plans Aarav's 2028 steps, whose fees it lists, as if he had entered the 2028 Match", () => {
    // Out of reach, not over: the later Match is planned in full, its reminders included.
    expect(aarav.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const input = demo("Aarav");
    const entered = planAt({ ...input, applicant: { ...input.applicant, matchYear: 2028 } }, OVER);
    const nrmp = (result: Plan) =>
      result.reminders.filter((each) => each.milestone === "nrmp_registration").map((each) => each.id);
    expect(nrmp(aarav).length).toBeGreaterThan(0);
    expect(nrmp(aarav)).toEqual(nrmp(entered));
  });

  it("a what-if visa → H-1B for Aarav adds Step 3's fee to the upcoming total", () => {
    const h1b = planAt(demo("Aarav", "H-1B"), OVER);
    expect(keysFor2028(h1b)).toContain("usmle_step3_exam");
    expect(h1b.budget.upcomingUsd).not.toBe(aarav.budget.upcomingUsd);
  });

  it("leaves the budget of a season still running as it was: no next-Match lines", () => {
    for (const result of [planAt(demo("Chiamaka"), BEFORE), planAt(demo("Aarav"), BEFORE)])
      expect(upcoming(result).filter((item) => item.nextMatch !== undefined)).toEqual([]);
  });
});
