import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched applicant abroad tells us three days after Match Day that she will sign her program's
// contract on Mon 10 May 2027. The visa paperwork starts only from the signed contract (ECFMG's J-1
// application, the program's H-1B petition), so at the chain's own allowances the visa comes after
// residency starts on 1 Jul. As for a Statement of Need expected that late, an advisor says so the
// day the date is given, not two weeks later once the plan's own day for the sponsorship has passed.

const calendar = seasonCalendar(2027);
const signingOn = (day: string, timezone: string, visa: Visa = "J-1") =>
  matched2027(timezone, {
    visa,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      ...(visa === "H-1B" ? [milestoneFactory("usmle_step3", "done", "2027-01-20")] : []),
      milestoneFactory("contract", "scheduled", day),
    ],
  });
const riskOf = (result: ReturnType<typeof plan>) =>
  result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");

describe("a contract planned for a day that carries the visa past residency's start", () => {
  it("is critical the day it is told, naming the day and the visa's day it leads to (J-1, Auckland)", () => {
    const result = plan(
      signingOn("2027-05-10", "Pacific/Auckland"),
      calendar,
      new Date("2027-03-22T22:00:00Z"),
    );
    const risk = riskOf(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Program contract is expected too late for it");
    expect(risk?.message).toContain("You plan to sign your program's contract on Mon 10 May 2027");
    expect(risk?.message).toContain(
      "your J-1 sponsorship through ECFMG starts only from the signed contract",
    );
    expect(risk?.message).toContain("your visa would come around Wed 21 Jul 2027, after residency starts");
    expect(risk?.message).toContain("let you sign it now");
    expect(result.reminders.some((each) => each.rung === "critical-risk")).toBe(true);
  });

  it("is critical the day it is told on H-1B abroad too: the petition waits on the contract", () => {
    const result = plan(
      signingOn("2027-05-10", "Asia/Manila", "H-1B"),
      calendar,
      new Date("2027-03-23T02:00:00Z"),
    );
    const risk = riskOf(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "your H-1B petition with the program starts only from the signed contract",
    );
  });

  it("stays quiet while the planned day leaves the visa before the start", () => {
    const result = plan(
      signingOn("2027-04-07", "Pacific/Auckland"),
      calendar,
      new Date("2027-03-22T22:00:00Z"),
    );
    expect(riskOf(result)).toBeUndefined();
  });
});
