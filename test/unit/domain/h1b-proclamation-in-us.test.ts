import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in Chicago whose program might file for consular notification was never told of
 * the $100,000 proclamation: the risk and its budget row were raised only in a zone outside the US.
 * The fact sheet's proclamation row (secondary reports of USCIS's 20 Oct 2025 guidance, the
 * stamping's `waivable` note) sets apart an in-US change of status, not a petition asking for
 * consular notification. Rule: in the US, the risk (its own words, the same source) and the row
 * apply until the route is settled as a change of status (the stamping "Not for me"); abroad,
 * unchanged.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-proclamation-in-us/", import.meta.url));
const CHICAGO = readSnapshot(DIR, "chicago-petition-pending-route-unanswered.json");
const CHICAGO_COS = readSnapshot(DIR, "chicago-petition-pending-change-of-status.json");
const MANILA = readSnapshot(DIR, "manila-petition-pending.json");
const AFTER_CONTRACT = "2027-03-26T12:00:00-04:00";
const WAIVED_BY = "2027-04-20T12:00:00-04:00";

const proclamation = (result: Plan) => result.risks.find((risk) => risk.code === "H1B_PROCLAMATION_FEE");
const row = (result: Plan) => result.budget.toVerify?.find((item) => item.key === "h1b_proclamation_100k");

describe("the $100,000 proclamation for an H-1B applicant in the US", () => {
  it("in Chicago, the route not answered: the risk, in its in-US words, and the row to verify", () => {
    const result = planInOwnMatch(CHICAGO, AFTER_CONTRACT);
    const risk = proclamation(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["visa_h1b"]);
    expect(risk?.message).toContain(
      "In the US, the payment is reported to apply to a petition that asks for consular notification (the visa stamped abroad) and not to a change of status approved in the US, so settle the route with your program before it files, and do not leave the US while a change of status is pending.",
    );
    // The advice is labelled in sources, beside the fee's own source (the abroad risk's).
    expect(risk?.sources?.[1]).toMatch(/^advice: settle the route with the program before it files/);
    expect(risk?.message).toContain("flagged, verify");
    expect(risk?.message).not.toContain("says you are outside the US");
    // The same source as the abroad risk: the fee's own entry.
    expect(risk?.sources?.[0]).toBe(proclamation(planInOwnMatch(MANILA, AFTER_CONTRACT))?.sources?.[0]);
    expect(risk?.sources?.[0]).toMatch(/^secondary: https:\/\/mccownevans\.com\//);

    const fee = row(result);
    expect(fee?.amountUsd).toBe(100_000);
    expect(fee?.label).toContain("(not paid by you)");
    expect(fee?.verify).toMatch(
      /^to verify: reported to apply if your program's petition asks for consular notification, not to a change of status approved in the US \(flagged, verify: /,
    );
    expect(result.budget.totalUsd).toBeLessThan(100_000);
  });

  it("in Chicago, the stamping 'Not for me' (a change of status): neither the risk nor the row", () => {
    const result = planInOwnMatch(CHICAGO_COS, WAIVED_BY);
    expect(proclamation(result)).toBeUndefined();
    expect(row(result)).toBeUndefined();
  });

  it("in Manila: the abroad words and row, unchanged", () => {
    const result = planInOwnMatch(MANILA, AFTER_CONTRACT);
    expect(proclamation(result)?.message).toMatch(
      /^Your time zone \(Asia\/Manila\) says you are outside the US, so a program would file a new H-1B petition for you: the September 2025 proclamation asked the employer /,
    );
    expect(proclamation(result)?.message).toContain(
      "Ask your program's immigration office whether the proclamation applies",
    );
    expect(row(result)?.verify).toMatch(/^flagged, verify: /);
  });
});
