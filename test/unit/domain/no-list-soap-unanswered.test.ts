import { describe, expect, it } from "vitest";
import { MATCH_DAY_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import { SOAP_MATCH_DAY_TITLE } from "#domain/match-outcome-question.ts";
import { laterPlannedMatchYear, matchYearHeading } from "#domain/match-year-heading.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An applicant with no certified rank order list, registered with NRMP, who never answered SOAP
 * (test/fixtures/no-list-soap-unanswered, Manila, J-1). The 2027 Match, all projected: SOAP ends Thu
 * 18 Mar 2027, 5:00 PM ET; Match Day is Fri 19 Mar 2027, 12:00 PM ET; the plan gives the contract Fri
 * 2 Apr 2027 (advice). He may have taken part in SOAP and missed our emails, so once SOAP ends the
 * plan asks what SOAP gave him, in one Match year, and calls the Match over only once that day
 * passes unanswered; "Not for me" closes the question.
 */
const FIXTURES = new URL("../../fixtures/no-list-soap-unanswered/", import.meta.url).pathname;
const unanswered = readSnapshot(FIXTURES, "soap-unanswered-no-list-manila.json");
const declined = readSnapshot(FIXTURES, "soap-declined-no-list-manila.json");

const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const seasonOver = (result: Plan) => result.risks.find((risk) => risk.code === "SEASON_OVER");
const notices = (result: Plan) => result.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG);

describe("no certified list, SOAP never answered, once SOAP has ended", () => {
  it.each([
    ["SOAP's end evening (before Match Day)", "2027-03-18T22:00:00Z"],
    ["Match Day", "2027-03-19T18:00:00Z"],
    ["a week after Match Day", "2027-03-26T08:00:00Z"],
  ])(
    "%s: Match Day's step asks whether he took part and accepted an offer; not 'the Match has passed'",
    (_name, now) => {
      const result = planInOwnMatch(unanswered, now);
      const asked = step(result, "match_day");
      expect(asked?.title).toBe(SOAP_MATCH_DAY_TITLE);
      expect(asked?.action).toContain("You did not tell us whether you took part in SOAP");
      expect(asked?.action).toContain("If you did not take part, or SOAP gave you no position");
      expect(asked?.action).not.toContain("Your SOAP is still in progress");
      const risk = seasonOver(result);
      expect(risk?.message).toContain("You did not tell us whether you took part in SOAP");
      expect(risk?.message).toContain(
        "If you did not take part, or SOAP gave you no position, plan for the 2028 Match",
      );
      expect(risk?.message).not.toContain("that Match has passed for you");
      // Over only on a condition the question may lift: a warning, not an advisor's escalation.
      expect(risk?.severity).toBe("warning");
      expect(step(result, "rank_order_list")?.action).toContain("you did not tell us whether you took part");
      expect(notices(result)).toEqual([]);
      expect(result.blocked.find((each) => each.milestone === "contract")?.waitingFor).toEqual(["match_day"]);
    },
  );

  it("Match Day's plan names one Match year: every step's and reminder's date is in 2027", () => {
    const result = planInOwnMatch(unanswered, "2027-03-19T18:00:00Z");
    expect(step(result, "ecfmg_certification")?.deadline?.local).toBe("Wed 16 Jun 2027");
    const dated = [
      ...result.nextSteps.map((each) => each.deadline?.local ?? ""),
      ...result.reminders.map((each) => each.deadlineDetail?.local ?? ""),
    ];
    expect(dated.filter((local) => local.includes("2028"))).toEqual([]);
    const question = result.reminders.find((each) => each.rung === MATCH_DAY_RESULT_RUNG);
    expect(question?.deadlineDetail?.local).toBe("Fri 2 Apr 2027");
    expect(question?.why).toContain("You did not tell us whether you took part in SOAP");
  });

  it("the contract's day passed unanswered: the next Match planned, said once by a notice, with the way back", () => {
    const after = planInOwnMatch(unanswered, "2027-04-03T08:00:00Z");
    expect(step(after, "match_day")).toBeUndefined();
    // Nothing in the 2027 Match can happen any more: the 2028 Match's steps, as for a SOAP participant.
    expect(laterPlannedMatchYear(after)).toBe(2028);
    expect(matchYearHeading(after)).toBe(
      "2027 Match (no SOAP position reported: planned for the 2028 Match)",
    );
    expect(step(after, "eras_token")).toBeDefined();
    expect(seasonOver(after)).toBeUndefined();
    const standing = after.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
    expect(standing?.message).toContain(
      "you did not tell us whether you took part in SOAP or accepted an offer by Fri 2 Apr 2027",
    );
    expect(standing?.message).toContain("If you accepted a SOAP position, mark SOAP done");
    expect(standing?.severity).toBe("critical");
    expect(notices(after)).toHaveLength(1);
    // A notice with no date: it rides the 2028 Match's first step, whose date is not the day to answer by.
    expect(isUndatedNotice(notices(after)[0] as Reminder)).toBe(true);
    expect(notices(after)[0]?.title).toBe(
      "No SOAP position reported: your plan now plans the 2028 Match. Accepted one? Tell us now",
    );
  });
});

describe("no certified list, SOAP 'Not for me'", () => {
  it("on Match Day nothing asks about SOAP: the plan moves on to the 2028 Match", () => {
    const result = planInOwnMatch(declined, "2027-03-19T18:00:00Z");
    expect(step(result, "match_day")).toBeUndefined();
    expect(result.risks.map((risk) => risk.message).join(" ")).not.toContain("did you accept an offer?");
    expect(result.risks.map((risk) => risk.code)).toContain("UNMATCHED_NOT_IN_SOAP");
  });
});
