import { describe, expect, it } from "vitest";
import { FEES_TO_VERIFY } from "#domain/catalog/index.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  matched2027,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * VISA_UNDECIDED weighs J-1 against H-1B, and an advisor doing so names the H-1B
 * $100,000 proclamation, which the fee catalog carries as a flagged, verify item
 * (h1b_proclamation_100k). The risk named it for an applicant abroad only while Step 3 was not
 * passed, before the rank order list deadline. Its words come from the catalog entry: the amount,
 * its "flagged, verify" status and its source. In the US it is said with H1B_PROCLAMATION_FEE's
 * in-US words: the payment is reported to apply to a petition asking for consular notification,
 * which a program may choose for someone in the US too, not to a change of status.
 */
const FEE = FEES_TO_VERIFY.find((entry) => entry.key === "h1b_proclamation_100k");
const SOURCE = `secondary: ${FEE?.source} (${FEE?.asOf})`;

/** Omar (no visa route chosen, 2027 Match): every step to NRMP done, Step 3 as `step3` says. */
function undecided(timezone: string, step3: "done" | "not_started"): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "omar",
      fullName: "Omar",
      matchYear: 2027,
      timezone,
      visa: "undecided",
      graduation: "2025-06-30",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
      ...(step3 === "done" ? [milestoneFactory("usmle_step3", "done", "2026-10-20")] : []),
    ],
  });
}
const undecidedRisk = (input: PlannerInput, now: string) =>
  planFor(input, now).risks.find((risk) => risk.code === "VISA_UNDECIDED");

describe("VISA_UNDECIDED names the H-1B proclamation with its status and source", () => {
  it.each([
    [
      "abroad, Step 3 not passed, before ranking",
      undecided("Asia/Amman", "not_started"),
      "2026-12-01T16:00:00Z",
    ],
    ["abroad, Step 3 passed, before ranking", undecided("Asia/Amman", "done"), "2026-12-01T16:00:00Z"],
    [
      "matched abroad, after ranking",
      matched2027("Africa/Lagos", { visa: "undecided" }),
      "2027-04-01T10:00:00Z",
    ],
  ])("%s", (_case, input, now) => {
    expect(FEE?.amountUsd).toBe(100_000);
    const risk = undecidedRisk(input, now);
    expect(risk?.message).toContain("$100,000");
    expect(risk?.message).toContain(FEE?.verify ?? "(no entry)");
    expect(FEE?.verify).toMatch(/^flagged, verify/);
    expect(risk?.sources?.filter((source) => source === SOURCE)).toHaveLength(1);
  });

  it.each([
    [
      "in the US, Step 3 not passed, before ranking",
      undecided("America/Chicago", "not_started"),
      "2026-12-01T16:00:00Z",
    ],
    [
      "in the US, Step 3 passed, before ranking",
      undecided("America/Chicago", "done"),
      "2026-12-01T16:00:00Z",
    ],
    [
      "matched in the US, after ranking",
      matched2027("America/New_York", { visa: "undecided" }),
      "2027-04-01T14:00:00Z",
    ],
  ])("%s: with the in-US risk's conditional words", (_case, input, now) => {
    const risk = undecidedRisk(input, now);
    // The H-1B track's own risk for the same applicant, as the proclamation risk words it in the US.
    const h1b = planFor({ ...input, applicant: { ...input.applicant, visa: "H-1B" } }, now).risks.find(
      (each) => each.code === "H1B_PROCLAMATION_FEE",
    );
    expect(h1b?.message).toContain(
      "In the US, the payment is reported to apply to a petition that asks for consular notification",
    );
    expect(risk?.message).toContain(h1b?.message ?? "(no H-1B risk)");
    expect(risk?.message).toContain(FEE?.verify ?? "(no entry)");
    for (const source of h1b?.sources ?? []) expect(risk?.sources).toContain(source);
  });
});
