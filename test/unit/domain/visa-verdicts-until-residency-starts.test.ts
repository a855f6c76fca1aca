import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Residency starts where the applicant is once 1 Jul has begun both in ET and there: in Honolulu at
// her own midnight (10:00 UTC), six hours after ET's. The visa verdicts stood at ET's midnight, so
// from 6:00 PM on 30 Jun, her time, the exact verdict (a J-1 start out of reach, the H-1B petition's
// last filing day gone, the DS-2019 received late) gave way to the generic "your visa steps are
// behind" until START_DELAYED took over at her midnight. East of ET the start is ET's midnight.

const calendar = seasonCalendar(2027);
const statementUnderWay: MilestoneEntry[] = [
  milestoneFactory("contract", "done", "2027-03-30"),
  milestoneFactory("j1_statement_of_need", "in_progress"),
];
const ds2019Late: MilestoneEntry[] = [
  milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
  milestoneFactory("contract", "done", "2027-03-30"),
  milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
  milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
  milestoneFactory("j1_ds2019", "done", "2027-05-31"),
];
const petitionUnfiled: MilestoneEntry[] = [
  milestoneFactory("usmle_step3", "done", "2026-12-01"),
  milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
  milestoneFactory("contract", "done", "2027-03-30"),
];
const planAt = (zone: string, extra: MilestoneEntry[], iso: string, visa: Visa = "J-1"): Plan =>
  plan(matched2027(zone, { visa, extra }), calendar, new Date(iso));
// The visa's verdict, or the delayed start after it (the certificate's own risk stands beside them).
const critical = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" || risk.code === "START_DELAYED");

describe("Honolulu's last evening before the start keeps the visa's exact verdict", () => {
  // 7:00 PM Wed 30 Jun in Honolulu is 1:00 AM Thu 1 Jul in New York.
  const evening = "2027-07-01T05:00:00Z";

  it("a J-1 start out of reach, the Statement of Need still under way", () => {
    const risk = critical(planAt("Pacific/Honolulu", statementUnderWay, evening));
    expect(risk?.code).toBe("VISA_NOT_READY_FOR_START");
    expect(risk?.message).toMatch(/^A start on Thu 1 Jul 2027 .* on a J-1 is out of reach/);
  });

  it("the DS-2019 received late", () => {
    const result = planAt("Pacific/Honolulu", ds2019Late, evening);
    expect(result.risks.some((risk) => risk.code === "DS2019_RECEIVED_LATE")).toBe(true);
  });

  it("the H-1B petition's last filing day gone", () => {
    const risk = critical(planAt("Pacific/Honolulu", petitionUnfiled, evening, "H-1B"));
    expect(risk?.message).toContain(
      "the last day it could file it for your start, about Fri 30 Apr 2027, has passed",
    );
  });

  it("no visa route chosen: VISA_UNDECIDED still asks for one", () => {
    const contract = [milestoneFactory("contract", "done", "2027-03-30")];
    const result = planAt("Pacific/Honolulu", contract, evening, "undecided");
    expect(result.risks.some((risk) => risk.code === "VISA_UNDECIDED")).toBe(true);
  });

  it("from her midnight, START_DELAYED alone", () => {
    const result = planAt("Pacific/Honolulu", statementUnderWay, "2027-07-01T10:01:00Z");
    expect(critical(result)?.code).toBe("START_DELAYED");
    expect(result.risks.some((risk) => risk.code === "VISA_NOT_READY_FOR_START")).toBe(false);
  });
});

describe("east of ET (Karachi) the verdict hands over at ET's midnight, 9:00 AM on 1 Jul there", () => {
  it.each([
    ["8:59 AM", "2027-07-01T03:59:00Z", "VISA_NOT_READY_FOR_START"],
    ["9:01 AM", "2027-07-01T04:01:00Z", "START_DELAYED"],
  ])("at %s: %s", (_, iso, code) => {
    const risk = critical(planAt("Asia/Karachi", statementUnderWay, iso));
    expect(risk?.code).toBe(code);
    if (code === "VISA_NOT_READY_FOR_START") expect(risk?.message).toContain("on a J-1 is out of reach");
  });
});
