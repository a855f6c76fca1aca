import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, planWithLaterStart, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Matched on H-1B in Accra with Step 3 not started: on Match Day evening the petition's Step 3 day
 * (Fri 19 Mar 2027, our advice: the petition is due 60 days before the stamping) cannot be met even
 * with a visitor visa already held. The card used to open with "sit by <day> (our advice)" and then
 * say the applicant could not. It opens with what is true: the day is out of reach; ask the program
 * about a J-1 or a later start. A visitor visa already held can still fit only with a later start
 * (LATER_START_2027: Step 3's day Mon 19 Apr 2027): there the sit-by day stays on the card.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-matched-step3-out-of-reach/", import.meta.url));
const ACCRA = readSnapshot(DIR, "accra-matched-2027.json");
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

describe("Step 3's card when the petition's day is out of reach even with a visitor visa held", () => {
  const action = card(planInOwnMatch(ACCRA, "2027-03-19T18:00:00Z"));

  it("opens with the day out of reach, and asks about a J-1 or a later start", () => {
    // Then what a later start would take (step3-later-start-road.test.ts).
    expect(action).toMatch(
      /^Sitting Step 3 by Fri 19 Mar 2027 \(our advice\), the day your program's H-1B petition needs, is out of reach by this plan's allowances, even with a visitor visa already held\. Ask your program today whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 \(see the visa risk\)\. If your program will start you later and keep the H-1B, /,
    );
  });

  it("never asks to sit by a day the applicant cannot meet", () => {
    expect(action).not.toMatch(/\bsit (it )?by\b/i);
  });
});

describe("while a visitor visa already held would still fit (20 Mar, a later start), the sit-by day stays on the card", () => {
  it("keeps 'sit by' for a held visa, beside the J-1 question", () => {
    const action = card(planWithLaterStart(ACCRA, "2027-03-20T10:00:00Z"));
    expect(action).toContain("sit by Mon 19 Apr 2027 (our advice)");
    expect(action).toContain("Only if you already hold a B-1/B-2 visa");
  });
});
