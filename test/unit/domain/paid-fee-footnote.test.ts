import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import type { Plan } from "#domain/plan.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The printed budget's footnote of a fee already paid read "flagged, verify on FSMB's Step 3 page
 * before paying": a paid fee says what was paid, in the words the timeline and the email
 * give its row; a fee still to pay keeps its "before paying".
 */
const DIR = fileURLToPath(new URL("../../fixtures/paid-fee-words/", import.meta.url));
const AHEAD = planInOwnMatch(readSnapshot(DIR, "nairobi-h1b-step3-ahead.json"), "2026-12-07T06:00:00Z");
const SAT = planInOwnMatch(readSnapshot(DIR, "nairobi-h1b-step3-sat.json"), "2027-02-08T06:00:00Z");

const step3Footnote = (result: Plan) =>
  renderPlan(result, "Wanjiru Kamau", "Africa/Nairobi")
    .split("\n")
    .find((line) => line.startsWith("  ! USMLE Step 3 exam fee: "));

describe("a flagged fee's printed footnote follows its status", () => {
  it("still to pay: verify before paying", () => {
    expect(step3Footnote(AHEAD)).toContain("verify on FSMB's Step 3 page before paying");
  });

  it("paid: what was paid, as the timeline and the email say it, no 'before paying'", () => {
    const footnote = step3Footnote(SAT);
    const row = budgetRows(SAT.budget).find((each) => each.label === "USMLE Step 3 exam fee");
    expect(row?.status).toBe("Paid");
    expect(footnote).toBe(
      `  ! USMLE Step 3 exam fee: ${row?.note?.replace(/ \(FSMB's Step 3 application page: .*\)$/, "")}`,
    );
    expect(footnote).toMatch(/: Paid: your receipt shows what you paid; \$935 is the 2025 figure/);
    expect(footnote).not.toMatch(/before paying/);
  });
});
