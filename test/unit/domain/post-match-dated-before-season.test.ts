import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A step after the Match reported done on a day the season says it cannot have been: a contract
 * signed before Match Day's results, or a J-1 visa stamped days after Match Day, before ECFMG could
 * have reviewed the sponsorship (4 to 6 weeks once every document is in). Taken as given, the answer
 * implied every step before it and the plan went silent on Match Day or the whole J-1 chain: one
 * mis-tap and no J-1 reminder left. The answer is kept, the steps before it the applicant never
 * reported stay asked, and DONE_DATES_OUT_OF_ORDER names the contradiction and what to check.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url));
/** J-1, Accra (GMT: Match Day's release, Fri 19 Mar 2027 12:00 PM ET, is 4:00 PM that Friday), Match Week done "matched". */
const MATCHED = readSnapshot(DIR, "ama-matched-accra.json");

function withAnswers(
  snapshot: ApplicantSnapshot,
  answers: MilestoneEntry[],
  timezone?: string,
): ApplicantSnapshot {
  const keys = new Set(answers.map((answer) => answer.key));
  return {
    ...snapshot,
    applicant: timezone === undefined ? snapshot.applicant : { ...snapshot.applicant, timezone },
    milestones: [...snapshot.milestones.filter((entry) => !keys.has(entry.key)), ...answers],
  };
}

const asked = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.blocked.map((step) => step.milestone),
];
const outOfOrder = (result: Plan) => result.risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");

describe("a contract marked signed before Match Day's results", () => {
  const early = withAnswers(MATCHED, [{ key: "contract", status: "done", date: "2027-03-17" }]);

  it("is kept, Match Day is still asked, and the warning names both days and what to check", () => {
    const result = planInOwnMatch(early, "2027-03-20T16:00:00Z");
    expect(asked(result)).toContain("match_day");
    expect(asked(result)).not.toContain("contract");
    const risk = outOfOrder(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toContain("contract");
    expect(risk?.message).toContain(
      "Your answers date your program contract Wed 17 Mar 2027, before Match Day's results",
    );
    expect(risk?.message).toContain("which date is right?");
    expect(risk?.message).toContain("still asks for where you matched (Match Day)");
  });

  it("signed on Match Day itself (its release is that afternoon in Accra) is taken as given (guard)", () => {
    const onTheDay = withAnswers(MATCHED, [{ key: "contract", status: "done", date: "2027-03-19" }]);
    const result = planInOwnMatch(onTheDay, "2027-03-20T16:00:00Z");
    expect(outOfOrder(result)).toBeUndefined();
    expect(asked(result)).not.toContain("match_day");
  });

  it("dated Friday 19 Mar in Manila, where the results came out on Saturday, is asked about", () => {
    const manila = withAnswers(
      MATCHED,
      [{ key: "contract", status: "done", date: "2027-03-19" }],
      "Asia/Manila",
    );
    const result = planInOwnMatch(manila, "2027-03-20T16:00:00Z");
    expect(outOfOrder(result)?.message).toContain("Sat 20 Mar 2027 where you are");
    expect(asked(result)).toContain("match_day");
  });

  it("beside an accepted SOAP offer (a position before Match Day) is not asked about (guard)", () => {
    const soap = withAnswers(early, [
      { key: "match_week", status: "not_started" },
      { key: "soap", status: "done", date: "2027-03-17" },
    ]);
    expect(outOfOrder(planInOwnMatch(soap, "2027-03-20T16:00:00Z"))).toBeUndefined();
  });
});

describe("a J-1 visa marked done days after Match Day, the chain before it unreported", () => {
  const early = withAnswers(MATCHED, [
    { key: "match_day", status: "done", date: "2027-03-19" },
    { key: "visa_j1", status: "done", date: "2027-03-25" },
  ]);

  it("keeps asking for the contract and the J-1 chain, and the warning says why the date cannot be", () => {
    const result = planInOwnMatch(early, "2027-04-15T16:00:00Z");
    expect(asked(result)).toEqual(
      expect.arrayContaining(["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019"]),
    );
    expect(asked(result)).not.toContain("visa_j1");
    expect(result.reminders.length).toBeGreaterThan(0);
    const risk = outOfOrder(result);
    expect(risk?.milestones).toContain("visa_j1");
    expect(risk?.message).toContain(
      "Your answers date your J-1 visa Thu 25 Mar 2027, less than four weeks after",
    );
    expect(risk?.message).toContain("a review of 4 to 6 weeks");
    expect(risk?.sources).toContain("https://ecfmg.org/evsp/application-process.html");
  });

  it("with the DS-2019 reported done, what that answer implies stands; the date is still asked about", () => {
    const withDs2019 = withAnswers(early, [{ key: "j1_ds2019", status: "done" }]);
    const result = planInOwnMatch(withDs2019, "2027-04-15T16:00:00Z");
    expect(asked(result)).not.toContain("contract");
    expect(asked(result)).not.toContain("j1_ecfmg_sponsorship");
    expect(outOfOrder(result)?.message).toContain("Your answers date your J-1 visa Thu 25 Mar 2027");
  });

  it("stamped in June, after the chain's time, is taken as given (guard)", () => {
    const june = withAnswers(early, [{ key: "visa_j1", status: "done", date: "2027-06-10" }]);
    const result = planInOwnMatch(june, "2027-06-15T16:00:00Z");
    expect(outOfOrder(result)).toBeUndefined();
    expect(asked(result)).not.toContain("contract");
  });
});
