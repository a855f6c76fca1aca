import { describe, expect, it } from "vitest";
import { reminderDateLabel, sentReminderLabel } from "#domain/date-words.ts";
import { ANSWER_BY_LABEL, MATCH_DAY_RESULT_RUNG, MATCH_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import type { Plan } from "#domain/plan.ts";
import {
  MATCH_DAY_WEEKLY_RUNG,
  MATCH_OVER_MONTHLY_RUNG,
  MATCH_OVER_RUNG,
} from "#domain/planner/match-outcome-texts.ts";
import { nextWakeUp } from "#domain/reminder-policy.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Match Week, SOAP and the moved plan, on the reported applicants
 * (copied to test/fixtures/match-week-and-soap; the Manila one is Maria with Match Week left
 * unanswered, the README's way to report "not matched, in SOAP"), at the reported instants:
 * 1. Match Week done beside SOAP in progress is read as a partial match, asked at once; SOAP
 *    planned for the year the match lacks, no step says "not matched". 2. SOAP "Not for me" with no certified list from Monday: not matched,
 *    not in SOAP, moved at once. 3. 45 applications in all of SOAP. 4. The
 *    chain after an unreported Match Day all dated. 5. The moved plan's SOAP starts afresh.
 * 6. A Pathway certificate in the moved plan. 7. The Match Day question on its
 * own day; "Answer by".
 */
const FIXTURES = new URL("../../fixtures/match-week-and-soap/", import.meta.url).pathname;
const snapshot = (file: string): ApplicantSnapshot => readSnapshot(FIXTURES, file);
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const words = (result: Plan) => JSON.stringify(result);

describe("Match Week done and SOAP in progress, read as a partial match (Li, Chicago)", () => {
  const li = snapshot("matched-and-in-soap-chicago.json");

  it("on Tuesday: read as a partial match, the other readings and their buttons named, noticed at once", () => {
    const result = planInOwnMatch(li, "2027-03-16T10:00:00-05:00");
    const conflict = result.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");
    expect(conflict?.severity).toBe("critical");
    expect(conflict?.message).toContain("Match Week done");
    expect(conflict?.message).toContain("SOAP in progress, so this plan reads a partial match");
    expect(conflict?.message).toContain(
      "If you matched to a full (categorical) position, SOAP is not open to you: tap “Not for me” on SOAP",
    );
    expect(conflict?.message).toContain("If you did not match at all, tap “Not matched: I'm in SOAP”");
    const notice = result.reminders.find((each) => each.risk === "MATCH_WEEK_SOAP_CONFLICT");
    // With the email that already goes that evening, not a second one.
    expect(notice?.sendAt).toBe("2027-03-16T23:00:00.000Z");
  });

  it("no step says 'not matched': SOAP is for the year a partial match lacks, Match Day its own question", () => {
    const result = planInOwnMatch(li, "2027-03-16T10:00:00-05:00");
    expect(words(result)).not.toContain("NRMP told you on Monday that you did not match, and");
    expect(words(result)).not.toContain("You are in SOAP");
    expect(step(result, "soap")?.action).toContain(
      "Then take part in SOAP now for the year your match lacks",
    );
    expect(step(result, "match_day")?.title).not.toBe("Match Day: tell us whether you accepted a SOAP offer");
    expect(result.reminders.map((each) => each.rung)).not.toContain("soap-applications");
    expect(result.blocked.map((each) => each.milestone)).toEqual(
      expect.arrayContaining(["contract", "j1_statement_of_need", "visa_j1"]),
    );
  });

  it("after the contract's date: still asked, not moved for SOAP, the post-Match steps planned", () => {
    const result = planInOwnMatch(li, "2027-04-10T10:00:00-05:00");
    expect(codes(result)).toContain("MATCH_WEEK_SOAP_CONFLICT");
    expect(codes(result)).not.toContain("SOAP_OUTCOME_UNREPORTED");
    expect(result.blocked.map((each) => each.milestone)).toContain("contract");
    expect(step(result, "match_day")?.title).toBe("Match Day: tell us where you matched");
  });

  it("control: SOAP in progress alone (not matched, in SOAP) is no conflict", () => {
    const inSoap = { ...li, milestones: li.milestones.filter((each) => each.key !== "match_week") };
    const result = planInOwnMatch(inSoap, "2027-03-16T10:00:00-05:00");
    expect(codes(result)).not.toContain("MATCH_WEEK_SOAP_CONFLICT");
    expect(step(result, "soap")?.action).toContain("You are in SOAP");
  });
});

describe("SOAP Not for me with no certified list (Ama, Accra)", () => {
  const ama = snapshot("no-list-soap-not-for-me-accra.json");

  it("on Match Week's Monday: not matched, not in SOAP, the plan moves to 2028 at once", () => {
    const result = planInOwnMatch(ama, "2027-03-15T17:00:00Z");
    const moved = result.risks.find((risk) => risk.code === "UNMATCHED_NOT_IN_SOAP");
    expect(moved?.earliestFeasibleMatchYear).toBe(2028);
    expect(moved?.message).toContain("without a certified list");
    expect(codes(result)).not.toContain("SEASON_OVER");
    expect(words(result)).not.toContain("It is running now");
    expect(words(result)).not.toContain("see its step");
    expect(step(result, "rank_order_list")?.action ?? "").not.toContain("change your target Match year");
  });

  it("control: before Match Week the waiver is no outcome", () => {
    const result = planInOwnMatch(ama, "2027-02-10T10:00:00Z");
    expect(codes(result)).not.toContain("UNMATCHED_NOT_IN_SOAP");
  });
});

describe("SOAP's 45 is for the whole of SOAP", () => {
  it("Bishal on Tuesday, and a SOAP participant on Monday and Tuesday: never 'first batch'", () => {
    const bishal = planInOwnMatch(
      snapshot("silent-after-match-day-kathmandu.json"),
      "2027-03-16T06:00:00+05:45",
    );
    expect(step(bishal, "soap")?.action).toContain("you may send at most 45 applications in all of SOAP");
    const maria = snapshot("in-soap-silent-pathway-manila.json");
    for (const now of ["2027-03-15T23:30:00+08:00", "2027-03-17T09:00:00+08:00"]) {
      const result = planInOwnMatch(maria, now);
      expect(step(result, "soap")?.action, now).toContain("at most 45 applications in all of SOAP");
      expect(words(result), now).not.toContain("first batch");
    }
    expect(words(bishal)).not.toContain("first batch");
  });
});

describe("after an unreported Match Day the chain is all dated (Bishal, 1 May)", () => {
  it("the contract, Statement of Need and sponsorship keep their planned dates, never overdue since (they may not have matched), and each starts once you match", () => {
    const result = planInOwnMatch(
      snapshot("silent-after-match-day-kathmandu.json"),
      "2027-05-01T10:00:00+05:45",
    );
    const chain = ["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"];
    const blocked = result.blocked.filter((each) => chain.includes(each.milestone));
    expect(blocked.map((each) => each.milestone)).toEqual(chain);
    for (const each of blocked) {
      // Not told whether they matched: the date planned as for a matched applicant, past or not.
      expect(each.deadline, each.milestone).toBeDefined();
      expect(each.overdueSince, each.milestone).toBeUndefined();
      expect(each.why, each.milestone).toContain("This starts once you match");
    }
    // Match Day + 14 days (office days), as for a matched applicant, passed by 1 May: Fri 2 Apr
    // 2027, ending at Kathmandu's midnight, before ET's.
    expect(blocked[0]?.deadline?.at).toBe("2027-04-02T18:15:00.000Z");
    expect(blocked[3]?.deadline).toBeDefined();
  });
});

describe("the plan moved after SOAP (Maria, Manila)", () => {
  const maria = snapshot("in-soap-silent-pathway-manila.json");

  it("in July, the 2028 SOAP reads as for any 2028 applicant, not 'You are in SOAP'", () => {
    const result = planInOwnMatch(maria, "2027-07-02T10:00:00+08:00");
    expect(codes(result)).toContain("SOAP_OUTCOME_UNREPORTED");
    expect(words(result)).not.toContain("You are in SOAP");
    expect(result.blocked.find((each) => each.milestone === "soap")?.waitingFor).toEqual([
      "nrmp_registration",
    ]);
  });

  it("in April, the exams carry over and the Pathway certificate's validity is to check", () => {
    const result = planInOwnMatch(maria, "2027-04-20T10:00:00+08:00");
    const moved = result.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
    expect(moved?.message).toContain("your USMLE results carry over");
    expect(moved?.message).toContain("came through a Pathway");
    expect(moved?.message).not.toContain("your exams and certification carry over");
    const expiring = result.risks.find((risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
    expect(expiring?.message).toContain("the 2028 Match's residency start");
  });

  it("control: certified without a Pathway, the words stay and no check is asked", () => {
    const noPathway = {
      ...maria,
      milestones: [
        ...maria.milestones.filter((each) => each.key !== "ecfmg_pathway"),
        { key: "ecfmg_certification" as const, status: "done" as const, date: "2025-11-01" },
      ],
    };
    const result = planInOwnMatch(noPathway, "2027-04-20T10:00:00+08:00");
    const moved = result.risks.find((risk) => risk.code === "SOAP_OUTCOME_UNREPORTED");
    expect(moved?.message).toContain("your exams and certification carry over");
    expect(codes(result)).not.toContain("PATHWAY_CERTIFICATE_MAY_EXPIRE");
  });
});

describe("the Match Day question on its day, labelled to answer by", () => {
  it("planned on Match Day's eve, the next wake-up finds the question on 20 Mar, not the 27th", () => {
    const maria = snapshot("in-soap-silent-pathway-manila.json");
    const now = new Date("2027-03-19T01:00:00Z"); // 09:00 in Manila, the eve's rung
    const eve = planInOwnMatch(maria, now.toISOString());
    const sent = new Set(
      eve.reminders.filter((each) => Date.parse(each.sendAt) <= now.getTime()).map((each) => each.id),
    );
    const wake = nextWakeUp(eve, now, sent);
    expect(wake?.getTime()).toBeLessThanOrEqual(Date.parse("2027-03-20T01:00:00Z"));
    const then = planInOwnMatch(maria, (wake as Date).toISOString());
    const question = then.reminders.find((each) => each.rung === MATCH_DAY_RESULT_RUNG);
    expect(question?.sendAt).toBe("2027-03-20T01:00:00.000Z");
  });

  it("Match Week's question reads 'Tell us today; SOAP ends', the later questions 'Answer by', the SOAP days 'Ends'", () => {
    for (const rung of [
      MATCH_DAY_RESULT_RUNG,
      MATCH_DAY_WEEKLY_RUNG,
      MATCH_OVER_RUNG,
      MATCH_OVER_MONTHLY_RUNG,
    ])
      expect(reminderDateLabel({ rung, milestone: "match_week" }), rung).toBe(ANSWER_BY_LABEL);
    const bishal = planInOwnMatch(
      snapshot("silent-after-match-day-kathmandu.json"),
      "2027-03-16T06:00:00+05:45",
    );
    const asked = bishal.reminders.find((each) => each.rung === MATCH_RESULT_RUNG);
    // SOAP does not wait for an answer-by Thursday: the question is asked today, its date SOAP's end.
    expect(asked && reminderDateLabel(asked).label).toBe("Tell us today; SOAP ends");
    expect(asked && sentReminderLabel(asked, "2027-03-18T12:00:00Z").label).toMatch(
      /^Tell us today; SOAP ends in \d+ hours$/,
    );
    const round = bishal.reminders.find((each) => each.rung === "soap-offer-round");
    expect(round && reminderDateLabel(round).label).toBe("Ends");
  });
});
