import { describe, expect, it } from "vitest";
import { MATCH_DAY_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import { SOAP_MATCH_DAY_TITLE } from "#domain/match-outcome-question.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An applicant with no certified rank order list, registered with NRMP, who took part in SOAP
 * (test/fixtures/no-list-soap-outcome, Lusaka, J-1). The 2027 Match, all projected: SOAP ends Thu 18
 * Mar 2027, 5:00 PM ET (21:00 UTC); Match Day is Fri 19 Mar 2027, 12:00 PM ET; the plan gives the
 * contract Fri 2 Apr 2027 (two weeks after Match Day, advice). Once SOAP ends the plan asks what SOAP
 * gave her, as it asks a participant with a certified list, and calls the Match over only once that
 * day passes unanswered; SOAP's own card speaks of R3's eligibility, not of a match.
 */
const FIXTURES = new URL("../../fixtures/no-list-soap-outcome/", import.meta.url).pathname;
const inSoap = readSnapshot(FIXTURES, "in-soap-no-list-lusaka.json");
const position = readSnapshot(FIXTURES, "soap-position-no-list-lusaka.json");
const unanswered = readSnapshot(FIXTURES, "no-soap-answer-no-list-lusaka.json");

const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER");
const notices = (result: Plan) => result.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG);

describe("no certified list, SOAP in progress, once SOAP has ended", () => {
  it.each([
    ["SOAP's end evening (before Match Day)", "2027-03-18T21:30:00Z"],
    ["Match Day", "2027-03-19T17:00:00Z"],
    ["a week after Match Day", "2027-03-26T08:00:00Z"],
  ])(
    "%s: Match Day's step asks whether she accepted an offer; the Match is over only on that condition",
    (_name, now) => {
      const result = planInOwnMatch(inSoap, now);
      const asked = step(result, "match_day");
      expect(asked?.title).toBe(SOAP_MATCH_DAY_TITLE);
      expect(asked?.action).toContain("did you accept an offer?");
      expect(asked?.action).toContain(
        "With no certified rank order list you could not match in the Main Match",
      );
      expect(asked?.action).not.toContain("NRMP told you on Monday that you did not match");
      const risk = seasonOver(result);
      expect(risk?.message).toContain("did you accept an offer?");
      expect(risk?.message).toContain("If SOAP gave you no position, plan for the 2028 Match");
      expect(risk?.message).not.toContain("that Match has passed for you");
      // No "the Match is over" email while the question is open: the question speaks.
      expect(notices(result)).toEqual([]);
      // The contract and J-1 steps wait on the answer, as for a SOAP participant with a list.
      expect(result.blocked.find((each) => each.milestone === "contract")?.waitingFor).toEqual(["match_day"]);
      expect(step(result, "rank_order_list")?.action).toContain("mark SOAP done");
    },
  );

  it("from Match Day the question goes out by email with the no-list words, dated by the contract's day", () => {
    const result = planInOwnMatch(inSoap, "2027-03-19T17:00:00Z");
    const question = result.reminders.find((each) => each.rung === MATCH_DAY_RESULT_RUNG);
    expect(question?.why).toContain("With no certified rank order list");
    expect(question?.deadlineDetail?.local).toBe("Fri 2 Apr 2027");
    expect(step(result, "match_day")?.deadline?.local).toBe("Fri 2 Apr 2027");
  });

  it("the contract's day passed unanswered: the next Match planned, said once by a notice, with the way back", () => {
    const week = planInOwnMatch(inSoap, "2027-03-26T08:00:00Z");
    const turn = (week.riskChangesAt ?? []).find(
      (at) =>
        notices(planInOwnMatch(inSoap, at)).length > 0 &&
        notices(planInOwnMatch(inSoap, new Date(Date.parse(at) - 1).toISOString())).length === 0,
    );
    expect(turn).toBeDefined(); // a wake-up then, so the notice is not left to an unrelated re-plan
    const after = planInOwnMatch(inSoap, "2027-04-03T08:00:00Z");
    expect(step(after, "match_day")).toBeUndefined();
    // The 2028 Match planned, as for a participant with a certified list: no 2027 SEASON_OVER left.
    expect(seasonOver(after)).toBeUndefined();
    const standing = after.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
    expect(standing?.earliestFeasibleMatchYear).toBe(2028);
    expect(standing?.message).toContain("you did not tell us of a SOAP offer you accepted by Fri 2 Apr 2027");
    expect(standing?.message).toContain("If you accepted a SOAP position, mark SOAP done");
    expect(notices(after)).toHaveLength(1);
  });

  it("the moved plan's notice keeps its id in April and June, and once sent is laid where it went out", () => {
    const april = notices(planInOwnMatch(inSoap, "2027-04-03T08:00:00Z"));
    const june = notices(planInOwnMatch(inSoap, "2027-06-15T08:00:00Z"));
    expect(june.map((each) => each.id)).toEqual(april.map((each) => each.id));
    const id = april[0]?.id as string;
    const sent = "2027-04-03T08:00:00.000Z";
    const replanned = plan(
      { ...inSoap, remindersSent: { [id]: sent } },
      seasonCalendar(2027),
      new Date("2027-06-15T08:00:00Z"),
    );
    expect(notices(replanned).map((each) => [each.id, each.sendAt])).toEqual([[id, sent]]);
    // The ledger's id keeps it from going out again; unsent, it would be due now.
    const june15 = new Date("2027-06-15T08:00:00Z");
    expect(dueReminders(replanned, june15, new Set([id])).map((each) => each.id)).not.toContain(id);
    expect(dueReminders(replanned, june15, new Set()).map((each) => each.id)).toContain(id);
  });
});

describe("no certified list, SOAP done (an offer accepted)", () => {
  it.each([
    ["Match Day", "2027-03-19T17:00:00Z"],
    ["a week later", "2027-03-26T08:00:00Z"],
    ["after the contract's day", "2027-04-10T08:00:00Z"],
  ])("%s: the contract and J-1 steps follow, no Match-over risk", (_name, now) => {
    const result = planInOwnMatch(position, now);
    expect(seasonOver(result)).toBeUndefined();
    expect(step(result, "contract")?.action).toContain("You marked SOAP done");
    expect(step(result, "j1_statement_of_need")).toBeDefined();
  });
});

describe("SOAP's card without a certified list speaks of R3's eligibility", () => {
  it.each([
    ["before Match Week", "2027-03-01T08:00:00Z", "what decides is R3 on Monday of Match Week"],
    ["on Match Week's Monday", "2027-03-15T16:00:00Z", "if R3 shows you eligible for SOAP, take part now"],
    ["on Wednesday", "2027-03-17T08:00:00Z", "if R3 shows you eligible for SOAP, take part now"],
  ])("%s", (_name, now, words) => {
    const action = step(planInOwnMatch(unanswered, now), "soap")?.action ?? "";
    expect(action).toContain(words);
    expect(action).not.toContain("NRMP tells you on Monday that you did not match");
    expect(action).not.toContain("if you matched, tap Matched");
  });

  it("with a certified list the words stay a possible match's", () => {
    const listed = plan(
      certifiedListWith("Africa/Lusaka"),
      seasonCalendar(2027),
      new Date("2027-03-15T16:00:00Z"),
    );
    const action = step(listed, "soap")?.action ?? "";
    expect(action).toContain("If NRMP told you on Monday that you did not match");
    expect(action).not.toContain("R3 shows you eligible");
  });

  it("a certified list in SOAP keeps its own Match Day words", () => {
    const listed = certifiedListWith("Africa/Lusaka", milestoneFactory("soap", "in_progress"));
    const action = step(
      plan(listed, seasonCalendar(2027), new Date("2027-03-19T17:00:00Z")),
      "match_day",
    )?.action;
    expect(action).toContain("NRMP told you on Monday that you did not match");
  });
});
