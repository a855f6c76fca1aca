import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { J1_START_OUT_OF_REACH_BEFORE_MATCH_TITLE } from "#domain/planner/j1-start-before-match.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { riskTitle } from "#usecases/escalation.ts";
import { J1_START_BEFORE_MATCH_RISK_TITLE } from "#usecases/risk-titles.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A Manila applicant signing up on 30 Nov 2026 for the 2027 Match, every step up to NRMP registration
// done, the certificate waiting only for her graduation (the plan allows 45 days for ECFMG to verify
// the diploma). On a J-1, ECFMG's review (4 weeks at the shortest) and the consular month follow the
// certificate: graduating from about 20 Mar 2027 the J-1 visa comes after the start on 1 Jul, though
// the certificate itself makes orientation on 16 Jun. The Match is binding: an advisor says so before
// the rank order list deadline, with what to ask the programs ranked, not on Match Week's Monday.

const calendar = seasonCalendar(2027);
const SIGN_UP = "2026-11-30T02:00:00Z";
const OUT_OF_REACH = "On a J-1, a start on your program's date is out of reach on these allowances";

function manila(graduation: string, visa: Visa = "J-1") {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, graduation, visa }),
    milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
  });
}

const planAt = (input: ReturnType<typeof manila>, now = SIGN_UP): Plan =>
  plan(input, calendar, new Date(now));
const certificateRisk = (result: Plan) =>
  result.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START");

describe("a J-1 applicant graduating in spring of the Match year, before the Match", () => {
  it.each([
    // The certificate before orientation, the visa after the start.
    ["2027-04-15", "Sun 30 May 2027", "before", "Tue 27 Jul 2027"],
    ["2027-05-01", "Tue 15 Jun 2027", "just before", "Thu 12 Aug 2027"],
    // The certificate on the day after orientation's is after it, whatever the hour in ET.
    ["2027-05-03", "Thu 17 Jun 2027", "after", "Sat 14 Aug 2027"],
    ["2027-05-31", "Thu 15 Jul 2027", "after", "Sat 11 Sep 2027"],
  ])(
    "graduating on %s, from sign-up one critical risk says a J-1 start is out of reach",
    (graduation, certificate, close, visa) => {
      const result = planAt(manila(graduation));
      const risk = certificateRisk(result);
      expect(risk?.severity).toBe("critical");
      const message = risk?.message ?? "";
      expect(message).toContain(
        `ECFMG certification can complete around ${certificate} at the earliest, ${close} Wed 16 Jun 2027,`,
      );
      expect(message).toContain(OUT_OF_REACH);
      expect(message).toContain(`your J-1 visa would come around ${visa} at the earliest`);
      expect(message).toContain(
        "Ask the programs you rank whether they can hold your position for a delayed start, and rank programs that can",
      );
      expect(message).not.toContain("not out of reach");
      const notice = result.reminders.filter((reminder) => reminder.rung === "critical-risk");
      expect(notice.map((reminder) => reminder.title)).toEqual([J1_START_OUT_OF_REACH_BEFORE_MATCH_TITLE]);
    },
  );

  it("the advisor's escalation and digest name the J-1 start, not a certificate after residency starts", () => {
    const result = planAt(manila("2027-04-15"));
    const risk = certificateRisk(result);
    if (risk === undefined) throw new Error("no certificate risk");
    expect(riskTitle(risk, result)).toBe(J1_START_BEFORE_MATCH_RISK_TITLE);
    const voice = riskForAdvisor(risk, { fullName: "Liza Ramos", matchYear: 2027, visa: "J-1" });
    expect(voice).toContain("Liza Ramos is on the J-1 track");
    expect(voice).not.toContain("may not be ECFMG-certified");
  });

  it("with the list certified after the deadline, the programs on it are asked, with no word of ranking others", () => {
    const input = manila("2027-04-15");
    const certified = {
      ...input,
      milestones: [...input.milestones, milestoneFactory("rank_order_list", "done", "2027-02-10")],
    };
    const message = certificateRisk(planAt(certified, "2027-03-01T02:00:00Z"))?.message ?? "";
    expect(message).toContain("Ask the programs on your certified list whether they can hold your position");
    expect(message).not.toContain("rank programs that can");
  });

  it("graduating early enough for the visa to come before the start, nothing is said", () => {
    for (const graduation of ["2026-05-15", "2027-03-01"])
      expect(certificateRisk(planAt(manila(graduation)))).toBeUndefined();
  });

  it("on an H-1B, the H-1B chain's own verdicts speak and no J-1 words", () => {
    const result = planAt(manila("2027-04-15", "H-1B"));
    expect(certificateRisk(result)).toBeUndefined();
    expect(result.risks.map((risk) => [risk.code, risk.severity])).toContainEqual([
      "STEP3_NEEDED_FOR_H1B",
      "critical",
    ]);
    for (const risk of result.risks) expect(risk.message).not.toContain("On a J-1");
  });

  it("with no visa to get, a certificate the day after orientation's is after it, with no J-1 words", () => {
    const message = certificateRisk(planAt(manila("2027-05-03", "none")))?.message ?? "";
    expect(message).toContain("Thu 17 Jun 2027 at the earliest, after Wed 16 Jun 2027");
    expect(message).not.toContain("On a J-1");
  });
});
