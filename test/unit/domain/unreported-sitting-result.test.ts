import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A Step 2 CK sitting before the 2027 rank order list deadline whose result was never reported.
 * NRMP withdraws an IMG from the Match and from SOAP unless ECFMG confirms the
 * exams by that deadline, and Matchpath cannot know that a result it was never told of reached
 * ECFMG: every text says what it hangs on. Before the deadline it warns; from the deadline until
 * Match Day is over the Match stays live on that condition (certified-list-awaits-confirmation
 * .test.ts); after that the sitting counts like an exam not done, dated for the next Match.
 */

const calendar = seasonCalendar(2027);
const deadline = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MATCH_OUTCOME_STEPS = ["match_week", "soap", "match_day"];

function applicantWith(timezone: string, listDone: boolean) {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-10",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-01-20"),
      ...(listDone ? [milestoneFactory("rank_order_list", "done", "2027-01-25")] : []),
    ],
  });
}

function riskText(result: Plan, code: string): string | undefined {
  return result.risks.find((risk) => risk.code === code)?.message;
}

describe("a certified list, the Step 2 CK result never reported (New York)", () => {
  const input = applicantWith("America/New_York", true);

  it("after the deadline, until Match Day is over: Match Week and SOAP stay, on the result having reached ECFMG", () => {
    for (const now of [deadline + 12 * HOUR, deadline + 20 * DAY]) {
      const result = plan(input, calendar, new Date(now));
      const when = new Date(now).toISOString();
      expect(
        result.risks.map((risk) => risk.code),
        when,
      ).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      for (const key of MATCH_OUTCOME_STEPS)
        expect(result.nextSteps.find((step) => step.milestone === key)?.action, when).toMatch(
          /^If your USMLE Step 2 CK result reached ECFMG in time for the rank order list deadline, Wed 24 Feb 2027 \(ET, projected\), /,
        );
    }
  });

  it("a week after Match Day: out of reach unless the result reached ECFMG by 24 Feb, no Match Week or SOAP urged", () => {
    for (const now of [Date.parse("2027-03-27T05:00:00Z"), deadline + 40 * DAY]) {
      const result = plan(input, calendar, new Date(now));
      const when = new Date(now).toISOString();
      const steps = result.nextSteps.map((step) => step.milestone);
      for (const key of MATCH_OUTCOME_STEPS) expect(steps, when).not.toContain(key);
      expect(riskText(result, "MATCH_YEAR_NOT_FEASIBLE"), when).toContain(
        "the 2027 Match is out of reach unless your USMLE Step 2 CK result (sat Wed 20 Jan 2027) reached ECFMG by Wed 24 Feb 2027 (projected); tell us the result.",
      );
      // The most urgent thing said is the exam's result, not a Match outcome.
      expect(result.risks[0]?.code, when).toBe("MATCH_YEAR_NOT_FEASIBLE");
      expect(riskText(result, "MATCH_YEAR_NOT_FEASIBLE"), when).toMatch(
        /If the result did not reach ECFMG in time, change your target Match year to 2028\.$/,
      );
    }
  });

  it("returns to the 2027 Match once the result is reported done", () => {
    const reported = inputFactory({
      ...input,
      milestones: input.milestones.map((entry) =>
        entry.key === "usmle_step2ck" ? milestoneFactory("usmle_step2ck", "done", "2027-02-17") : entry,
      ),
    });
    const result = plan(reported, calendar, new Date(deadline + 20 * DAY));
    expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.nextSteps.map((step) => step.milestone)).toContain("match_week");
  });

  it("an hour before the deadline: ECFMG must hold the result by the deadline, in ET and the applicant's day", () => {
    const result = plan(input, calendar, new Date(deadline - HOUR));
    const said = riskText(result, "SCHEDULED_DATE_PASSED") ?? "";
    expect(said).toContain(
      "Your certified rank order list counts only if ECFMG confirms your USMLE Step 2 CK result to NRMP by the rank order list deadline, Wed 24 Feb 2027, 9:00 PM EST (Wed 24 Feb 2027, 9:00 PM ET) (projected); otherwise NRMP withdraws you from the Match and SOAP.",
    );
  });
});

describe("no list certified, NRMP registered, the Step 2 CK result never reported (Manila)", () => {
  const input = applicantWith("Asia/Manila", false);

  it("while SOAP is open, SOAP is conditional on the result having reached ECFMG by 24 Feb, not 'get ready now'", () => {
    const result = plan(input, calendar, new Date("2027-03-15T00:00:00Z"));
    const said = riskText(result, "SEASON_OVER") ?? "";
    expect(said).toContain(
      "SOAP is open to you only if your USMLE Step 2 CK result (sat Wed 20 Jan 2027) reached ECFMG by Wed 24 Feb 2027 (projected): tell us the result",
    );
    expect(said).not.toContain("Get ready for it now");
    const soap = result.nextSteps.find((step) => step.milestone === "soap");
    expect(soap?.action).toMatch(
      /^Only if your USMLE Step 2 CK result reached ECFMG by Wed 24 Feb 2027 \(projected\)/,
    );
  });

  it("once SOAP is over and the contract's day passed, the sitting counts for the 2028 Match the plan now plans", () => {
    const result = plan(input, calendar, new Date("2027-04-05T00:00:00Z"));
    const step = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    expect(step?.dueBy?.slice(0, 4)).toBe("2028");
    expect(step?.action).toContain("Tell us the result (or your new date)");
    expect(step?.action).toContain("the rank order list deadline, Wed 23 Feb 2028 (projected)");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step2ck");
    expect(riskText(result, "SOAP_OUTCOME_UNREPORTED")).toContain("this plan now plans the 2028 Match");
    expect(riskText(result, "SCHEDULED_DATE_PASSED")).toContain("Tell us the result");
  });
});
