import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * After a fail the applicant must reapply to FSMB and pay again before booking a retake (ECFMG
 * Information Booklet, reexamination and reapplication): a retake waits for FSMB's scheduling permit
 * (about 14 days, advice) and then a seat (about 7), whole: the last day to reapply is about three
 * weeks before the last sitting day. Amara, Nairobi, 2027 Match,
 * J-1, everything to NRMP registration done but Step 2 CK, which she sat on 2 Dec 2026 and failed
 * with 210 (218 in force). Her last sitting day is Wed 27 Jan 2027 (the projected rank order list
 * deadline less 28 days for the result), Wed 3 Feb 2027 on NRMP's later candidate.
 */
function amara(now: string): Plan {
  const failed: MilestoneEntry = { ...milestoneFactory("usmle_step2ck", "done", "2026-12-02"), score: 210 };
  const input = inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Nairobi",
      matchYear: 2027,
      visa: "J-1",
      graduation: "2024-11-30",
      programsPlanned: 60,
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-10-01",
      ),
      failed,
    ],
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}
const risk = (result: Plan, code: string) => result.risks.find((one) => one.code === code)?.message ?? "";
const action = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";

describe("a retake waits for FSMB's permit after reapplying", () => {
  it("the step says to reapply and pay again, with the permit's days before a seat", () => {
    const result = amara("2026-12-20T09:00:00+03:00");
    expect(action(result)).toContain(
      "After a fail you must reapply to FSMB and pay the exam fee again before you can book (ECFMG Information Booklet)",
    );
    expect(action(result)).toContain(
      "FSMB's scheduling permit takes about 14 days and a seat about 7 more (advice)",
    );
    expect(risk(result, "SCORE_BELOW_PASSING")).toContain(
      "reapply to FSMB now and sit it again by Wed 27 Jan 2027 (our advice), the last sitting day for the 2027 Match: you have prepared once, but a retake needs a new FSMB application and fee, about 14 days to its scheduling permit and about 7 more to a seat, our advice",
    );
    expect(result.risks.flatMap((one) => one.sources)).toContain(
      "advice: you have prepared once, so a retake is planned with no study period, but after a fail you must reapply to FSMB and pay again before booking (ECFMG Information Booklet: https://ecfmg.org/2024ib/reexamination-and-reapplication.html), so it counts FSMB's scheduling permit (about 14 days, FSMB's Step 3 figure) and then a seat, whole: the last day to reapply is about 21 days before the last sitting day; no authority sets these times. USMLE allows four attempts at a Step in all, no more than three within 12 months, and a fourth only at least 12 months after the first and 6 months after the latest; a snapshot holds one score, not how many attempts came before it, so no wait between attempts is counted (a second or third attempt within 12 months needs none): check FSMB's rules before you reapply",
    );
    // An advisor names USMLE's attempt limits beside any retake: a fourth fail ends the road.
    expect(risk(result, "SCORE_BELOW_PASSING")).toMatch(
      /\. USMLE allows four attempts at a Step in all, no more than three within 12 months, and a fourth only at least 12 months after the first and 6 months after the latest\.$/,
    );
    expect(result.risks.flatMap((one) => one.sources)).toEqual(
      expect.arrayContaining([
        "https://www.usmle.org/common-questions/attempt-limit",
        "https://www.ecfmg.org/news/category/exam-preparation/page/12/",
      ]),
    );
  });

  it("its last day to act is the day to reapply, three weeks before the last sitting day", () => {
    const result = amara("2026-12-20T09:00:00+03:00");
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toContain(
      "The 2027 Match is still within reach if you act by Thu 7 Jan 2027, 5:00 AM GMT+3 (Wed 6 Jan 2027, 9:00 PM ET) (our advice): apply to FSMB for USMLE Step 2 CK by then",
    );
  });

  it("past that day: the projected last sitting day out of reach in both risks, the later candidate's day to reapply named", () => {
    const result = amara("2027-01-08T09:00:00+03:00");
    expect(risk(result, "SCORE_BELOW_PASSING")).toContain(
      "the last sitting day for the 2027 Match, Wed 27 Jan 2027 (our advice), is out of reach",
    );
    const lastDay = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(lastDay).toContain("your USMLE Step 2 CK result would come too late");
    expect(lastDay).toContain(
      "act by Thu 14 Jan 2027, 5:00 AM GMT+3 (Wed 13 Jan 2027, 9:00 PM ET) (our advice): apply to FSMB for USMLE Step 2 CK by then",
    );
  });

  it("past the later candidate's day to reapply: the 2027 Match is out of reach, never 'sit it today'", () => {
    const result = amara("2027-01-14T09:00:00+03:00");
    expect(result.risks.map((one) => one.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toContain(
      "FSMB's scheduling permit and a test date within about 21 days",
    );
    expect(JSON.stringify(result)).not.toContain("sit it today");
    expect(risk(result, "SCORE_BELOW_PASSING")).toContain(
      "the last day that still counts for the 2028 Match",
    );
  });
});
