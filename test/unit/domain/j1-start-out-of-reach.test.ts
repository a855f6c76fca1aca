import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { J1_START_OUT_OF_REACH_TITLE } from "#domain/planner/j1-start-out-of-reach.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A Karachi graduate of 15 May 2027 who matched on 19 Mar 2027 in Pediatrics on a J-1, every exam
// and the Pathway done, the certificate still to come. The certificate cannot be issued before ECFMG
// has verified the final diploma with the school (the plan allows 45 days: about 29 Jun), ECFMG
// sponsors a J-1 physician only with a valid certificate and reviews the sponsorship for 4–6 weeks
// once every document is in, and the consular interview follows the DS-2019: even on the shorter
// review the J-1 visa comes in late August, after residency starts on 1 Jul. An advisor says so in
// March, once, with what to do (the GME office, a delayed start); the certificate's card says when
// it can come, never "needed by" the sponsorship's day or "get it issued now" before graduation, and
// no risk says the visa's own date still holds.

const calendar = seasonCalendar(2027);

function karachi(graduation: string, extra: MilestoneEntry[] = [], visa: Visa = "J-1") {
  const input = matched2027("Asia/Karachi", { visa, extra });
  return { ...input, applicant: { ...input.applicant, graduation } };
}

const planAt = (input: ReturnType<typeof karachi>, now: string): Plan => plan(input, calendar, new Date(now));
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const certificateRisks = (result: Plan) =>
  result.risks.filter((risk) => risk.milestones.includes("ecfmg_certification"));

describe("a matched J-1 applicant graduating too late for the J-1 to be ready by the start", () => {
  it("in March, one critical risk says a J-1 start on 1 Jul is out of reach, its notice goes at the next delivery slot, and the card says when the certificate can come", () => {
    const result = planAt(karachi("2027-05-15"), "2027-03-22T05:00:00Z");
    const risks = certificateRisks(result);
    expect(risks.map((risk) => [risk.code, risk.severity])).toEqual([
      ["VISA_NOT_READY_FOR_START", "critical"],
    ]);
    const message = risks[0]?.message ?? "";
    expect(message).toContain("on a J-1 is out of reach");
    expect(message).toContain("your ECFMG certificate can come around Tue 29 Jun 2027 at the earliest");
    expect(message).toContain("we count the shorter, 4 weeks");
    expect(message).toContain("your J-1 visa would come around Thu 26 Aug 2027 at the earliest");
    expect(message).toContain("delayed start");
    expect(message).not.toContain("not out of reach");
    expect(result.risks.map((risk) => risk.code)).not.toContain("CERTIFICATION_AFTER_START");
    const notice = result.reminders.filter((reminder) => reminder.rung === "critical-risk");
    expect(notice.map((reminder) => [reminder.sendAt, reminder.title])).toEqual([
      ["2027-03-23T04:00:00.000Z", J1_START_OUT_OF_REACH_TITLE],
    ]);
    const action = card(result)?.action ?? "";
    expect(action).toContain("around Tue 29 Jun 2027 at the earliest");
    expect(action).toContain("out of reach");
    expect(action).not.toContain("needed by");
    expect(action).not.toContain("issued now");
  });

  it("in April, the sponsorship's day passed, nothing says the visa's date still holds or to get the certificate issued now", () => {
    const signed = [
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
    ];
    const result = planAt(karachi("2027-05-15", signed), "2027-04-12T05:00:00Z");
    expect(certificateRisks(result).map((risk) => [risk.code, risk.severity])).toEqual([
      ["VISA_NOT_READY_FOR_START", "critical"],
    ]);
    expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
    for (const risk of result.risks) expect(risk.message).not.toContain("still holds");
    expect(card(result)?.action).not.toContain("issued now");
  });

  it.each([
    ["2027-04-01", true],
    ["2027-06-30", true],
    // Verified by 15 Apr, reviewed in 4 weeks, interviewed in 30 days: the visa by 12 Jun, in time.
    ["2027-03-01", false],
  ])("graduating on %s, the start is out of reach: %s", (graduation, outOfReach) => {
    const result = planAt(karachi(graduation), "2027-03-22T05:00:00Z");
    const said = result.risks.some((risk) => risk.message.includes("on a J-1 is out of reach"));
    expect(said).toBe(outOfReach);
  });

  it("before the Match, the certificate's risk says a J-1 start would be out of reach and to ask the programs about a delayed start", () => {
    const input = matched2027("Asia/Karachi", { matchDay: false });
    const ranking = {
      ...input,
      applicant: { ...input.applicant, graduation: "2027-05-15" },
      milestones: input.milestones.filter((entry) => entry.key !== "match_week"),
    };
    const result = planAt(ranking, "2027-03-01T05:00:00Z");
    const risk = result.risks.find((each) => each.code === "CERTIFICATION_AFTER_START");
    expect(risk?.message).toContain(
      "On a J-1, a start on your program's date is out of reach on these allowances",
    );
    expect(risk?.message).toContain("your J-1 visa would come around Thu 26 Aug 2027 at the earliest");
    expect(risk?.message).toContain("The 2027 Match stays planned");
    expect(risk?.message).not.toContain("not out of reach");
  });

  it("with no visa to get, the certificate's own risk still judges it against orientation", () => {
    const result = planAt(karachi("2027-05-15", [], "none"), "2027-03-22T05:00:00Z");
    expect(result.risks.map((risk) => risk.code)).toContain("CERTIFICATION_AFTER_START");
    for (const risk of result.risks) expect(risk.message).not.toContain("on a J-1 is out of reach");
    for (const risk of result.risks) expect(risk.message).not.toContain("On a J-1");
  });
});
