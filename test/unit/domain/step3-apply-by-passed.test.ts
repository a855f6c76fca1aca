import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, planWithLaterStart, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant abroad, certified, Step 3 not started:
 * - before ranking, "apply to FSMB by Wed 6 Jan 2027 (projected)" became "by Wed 13 Jan 2027" once
 *   6 Jan passed, with nothing saying 6 Jan had passed. Rule: say so, and that only the later
 *   candidate leaves the later day.
 * - matched, the risk said Step 3 could not be sat by the petition's day while the card still
 *   scheduled a visitor-visa interview for it. Rule: one instruction, in the card as in the risk:
 *   ask the program today about a J-1 (and the petition). A visitor visa already held can still
 *   fit only with a later start than 1 July (planWithLaterStart: Step 3's day Mon 19 Apr 2027); with
 *   1 July, the petition due 60 days before the stamping puts that day on Match Day.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const ACCRA = readSnapshot(DIR, "h1b-abroad-no-step3-accra-2027.json");
const step3 = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const PASSED = "Wed 6 Jan 2027, our projected last day to apply to FSMB, has passed";

describe("Step 3's apply-by day once it has passed", () => {
  it("says the projected day has passed and that only the later candidate leaves the later one", () => {
    // From Tue 12 Jan the visitor visa's day for the petition has passed too: the card stays dated for
    // the petition's day and names the later candidate's days with their condition; the risk says 6 Jan passed.
    const result = planInOwnMatch(ACCRA, "2027-01-12T10:00:00Z");
    const card = step3(result)?.action ?? "";
    expect(card).toContain(
      "only with a B-1/B-2 visa you already hold, and only if NRMP's deadline is the later candidate, can your Step 3 result still reach programs in time (apply to FSMB by Wed 13 Jan 2027",
    );
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain(
      `${PASSED}; only if NRMP's deadline is the later candidate can you still apply, by Wed 13 Jan 2027.`,
    );
  });

  it("says nothing of it while the projected day is ahead", () => {
    expect(step3(planInOwnMatch(ACCRA, "2027-01-04T10:00:00Z"))?.action).not.toContain("has passed");
  });

  it("matched: the card gives the risk's one instruction, no visitor-visa interview to schedule", () => {
    const matched = {
      ...ACCRA,
      milestones: [
        ...ACCRA.milestones,
        { key: "rank_order_list" as const, status: "done" as const, date: "2027-02-15" },
        { key: "match_day" as const, status: "done" as const, date: "2027-03-19" },
      ],
    };
    const result = planWithLaterStart(matched, "2027-03-20T10:00:00Z");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("Ask your program today whether it will start you later");
    expect(risk?.message).toContain("or take you on a J-1");
    const card = step3(result)?.action ?? "";
    expect(card).toContain("Ask your program today whether it will take you on a J-1");
    expect(card).toContain(
      "Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by Mon 19 Apr 2027.",
    );
    expect(card).not.toContain("apply for it now");
    expect(card).not.toContain("for the visitor visa");
  });
});
