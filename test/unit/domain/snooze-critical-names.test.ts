import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { snoozeHeldBack } from "#domain/snoozes.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant in Kolkata, the contract in progress and the Statement of Need never
// started: on Tue 20 Apr 2027 the critical notice "your J-1 visa's date can no longer be met" rides on
// the contract and tells her to get the Statement of Need now (its Done beside the contract's). The
// email's next steps offered a Snooze on that Statement of Need: a step a critical risk names takes
// none, whichever step its notice rides on; Done stays.

const zone = "Asia/Kolkata";
const input = matched2027(zone, { extra: [milestoneFactory("contract", "in_progress", "2027-04-01")] });

describe("a step a critical risk names, beside the one its notice rides on", () => {
  it("the Statement of Need under the visa-date notice offers Done, never Snooze", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2027-04-20T04:00:00Z"));
    const critical = result.risks.filter((risk) => risk.severity === "critical");
    expect(critical.some((risk) => risk.milestones.includes("j1_statement_of_need"))).toBe(true);
    expect(critical.some((risk) => risk.noticeOn === "j1_statement_of_need")).toBe(false);
    expect(snoozeHeldBack(result, "j1_statement_of_need")).toBeDefined();
    const step = result.nextSteps.find((each) => each.milestone === "j1_statement_of_need");
    expect(step).toBeDefined();
    const actions = step ? actionsFor(step, result, zone, input.milestones) : [];
    expect(actions).toContain("done");
    expect(actions).not.toContain("snooze");
  });
});
