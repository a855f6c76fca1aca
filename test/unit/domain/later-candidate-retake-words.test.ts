import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { failedStep2ckInput } from "./factories.ts";

/**
 * Omar, Amman, 2027 Match, everything to NRMP registration done but Step 2 CK, failed on 2 Jan 2027
 * with 211. On 9 Jan his projected last sitting day (Wed 27 Jan) is out of reach (a permit and a seat
 * take about 21 days), but on NRMP's later candidate (16 days before Match Day, Wed 3 Mar) it is Wed
 * 3 Feb. The plan keeps the Match on that candidate; the step and SCORE_BELOW_PASSING say the day
 * holds only if the deadline is that candidate, as MATCH_YEAR_LAST_DAY does.
 */
function omar(now: string): Plan {
  const input = failedStep2ckInput({
    externalId: "retake-amm",
    timezone: "Asia/Amman",
    sat: "2027-01-02",
    score: 211,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

const CANDIDATE =
  "if NRMP's 2027 deadline is the later candidate (it was 16 days before Match Day in 2022–2025, which would be Wed 3 Mar 2027)";

describe("a retake kept on NRMP's later candidate says the day holds only there", () => {
  const result = omar("2027-01-09T09:00:00Z");

  it("MATCH_YEAR_LAST_DAY names the later candidate", () => {
    expect(result.risks.find((one) => one.code === "MATCH_YEAR_LAST_DAY")?.message).toContain(
      "If NRMP's 2027 deadline turns out later",
    );
  });

  it("the step's last sitting day, Wed 3 Feb, holds if NRMP's deadline is the later candidate", () => {
    const step = result.nextSteps.find((one) => one.milestone === "usmle_step2ck");
    expect(step?.action).toContain(
      `sit it by Wed 3 Feb 2027 at the latest (our advice), the last day whose result still reaches ECFMG by the rank order list deadline ${CANDIDATE}, then tell us the date`,
    );
  });

  it("SCORE_BELOW_PASSING says the projected day is out of reach and the later one holds on that candidate", () => {
    expect(result.risks.find((one) => one.code === "SCORE_BELOW_PASSING")?.message).toContain(
      `the last sitting day for the 2027 Match, Wed 27 Jan 2027 (our advice), is out of reach on our projected deadline; it is Wed 3 Feb 2027 (our advice) ${CANDIDATE}: reapply to FSMB now`,
    );
  });

  it("before the projected day to reapply passes, neither names the later candidate", () => {
    const early = omar("2027-01-04T09:00:00Z");
    expect(JSON.stringify(early.nextSteps)).not.toContain("later candidate");
    expect(early.risks.find((one) => one.code === "SCORE_BELOW_PASSING")?.message).not.toContain(
      "later candidate",
    );
  });
});
