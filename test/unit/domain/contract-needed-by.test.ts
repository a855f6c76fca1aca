import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched applicant whose program's contract is not signed. Its date, two weeks after Match Day
 * (Fri 2 Apr 2027), is our advice, and programs set their own signing window: past it, the contract
 * is a question for the program's GME office (a warning naming the date the visa chain needs it
 * by, the date the plan gives the step that waits on it), critical only once that date passes.
 */
const calendar = seasonCalendar(2027);
const planAt = (visa: Visa, at: string, extra: MilestoneEntry[]) =>
  plan(matched2027("Africa/Cairo", { visa, extra }), calendar, new Date(at));
const visaRisk = (result: ReturnType<typeof planAt>) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe.each([
  {
    visa: "H-1B" as const,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-11-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
    ],
    waiting: "H-1B petition with the program",
    neededBy: "Fri 16 Apr 2027",
    between: "2027-04-10T10:00:00+02:00",
    after: "2027-04-17T10:00:00+02:00",
  },
  {
    visa: "J-1" as const,
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-11-01")],
    waiting: "J-1 sponsorship through ECFMG",
    neededBy: "Mon 5 Apr 2027",
    between: "2027-04-03T10:00:00+02:00",
    after: "2027-04-06T10:00:00+02:00",
  },
])("$visa: a contract past our advice date", ({ visa, extra, waiting, neededBy, between, after }) => {
  it("is a warning to ask the program's GME office, naming the date the chain needs it by", () => {
    const risk = visaRisk(planAt(visa, between, extra));
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["contract"]);
    expect(risk?.message).toContain("this plan allowed until Fri 2 Apr 2027 (our advice)");
    expect(risk?.message).toContain("ask your program's GME office when it will send it");
    expect(risk?.message).toContain(`Your ${waiting} waits on it and is planned by ${neededBy} (our advice)`);
    // No critical notice rides on a warning.
    expect(planAt(visa, between, extra).reminders.some((each) => each.rung === "critical-risk")).toBe(false);
  });

  it("turns critical once the step waiting on it is past its date", () => {
    expect(visaRisk(planAt(visa, after, extra))?.severity).toBe("critical");
  });
});
describe("the chase of a visa step behind counts down to residency's start by name", () => {
  it("names its countdown rungs for the start, never deadline-in-Nd beside 'Overdue since'", () => {
    const result = planAt("H-1B", "2027-05-01T10:00:00+02:00", [
      milestoneFactory("ecfmg_certification", "done", "2026-11-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
    ]);
    const chased = result.reminders.filter((each) => each.milestone === "contract" && each.overdueSince);
    expect(
      chased.map((each) => each.rung).filter((rung) => rung !== "visa-behind" && rung !== "critical-risk"),
    ).toEqual(["start-in-14d", "start-in-7d", "start-in-3d", "start-in-1d"]);
  });
});
