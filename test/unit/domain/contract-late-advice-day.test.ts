import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate in Karachi matched on a J-1 (Match Day told), certificate in hand, contract not yet
// reported signed. The day the J-1 sponsorship needs the contract (Mon 5 Apr 2027) is our own
// back-chain from the visa's advice date (16 Jun), and the first week of April is when programs send
// the J-1 paperwork: on 6 Apr she was told, critically, "you cannot start residency without the visa".

const calendar = seasonCalendar(2027);
const input = matched2027("Asia/Karachi", {
  extra: [milestoneFactory("ecfmg_certification", "done", "2026-12-01")],
});
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

describe("a matched J-1 applicant whose contract is past the day the sponsorship needs it", () => {
  it("on Tue 6 Apr is warned what to ask, with the visa's date that still holds, never told critically that her visa steps are behind", () => {
    const result = plan(input, calendar, new Date("2027-04-06T04:00:00Z"));
    expect(riskOf(result, "VISA_NOT_READY_FOR_START")).toBeUndefined();
    expect(result.risks.filter((risk) => risk.severity === "critical")).toEqual([]);
    const contract = riskOf(result, "CONTRACT_NOT_RECEIVED");
    expect(contract?.severity).toBe("warning");
    expect(contract?.message).toContain(
      "this plan's day for that, Mon 5 Apr 2027 (our advice), has passed; that day is our cautious allowance counted back from your visa's date, Wed 16 Jun 2027 (our advice), which still holds",
    );
    expect(contract?.message).toContain("sign and return the contract this week to keep your visa's time");
    expect(contract?.message).not.toContain("before then");
    expect(result.reminders.some((reminder) => reminder.rung === "critical-risk")).toBe(false);
  });

  it("is told critically once the visa's date is at risk, in May", () => {
    const result = plan(input, calendar, new Date("2027-05-20T04:00:00Z"));
    expect(riskOf(result, "VISA_NOT_READY_FOR_START")?.severity).toBe("critical");
  });

  it("on H-1B, whose contract gates the petition's filing, stays critical once that filing day passes", () => {
    const h1b = matched2027("Asia/Karachi", {
      visa: "H-1B",
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
        milestoneFactory("usmle_step3", "done", "2026-12-01"),
      ],
    });
    const result = plan(h1b, calendar, new Date("2027-04-18T04:00:00Z"));
    const behind = riskOf(result, "VISA_NOT_READY_FOR_START");
    expect(behind?.severity).toBe("critical");
    expect(behind?.milestones).toContain("contract");
  });
});
