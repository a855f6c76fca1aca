import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched applicant whose program's contract is not signed. Its date, two weeks after Match Day
 * (Fri 2 Apr 2027), is our advice, and programs set their own signing window: past it, the contract
 * is a question for the program's GME office (CONTRACT_NOT_RECEIVED, a warning naming the date the
 * plan needs it by: the date it gives the visa step that waits on it, or, with no visa to get,
 * orientation's), VISA_NOT_READY_FOR_START (critical) only once that date passes (on J-1, whose
 * sponsorship's date is our back-chain from the visa's, once the visa's date is at risk).
 */
const calendar = seasonCalendar(2027);
const planAt = (visa: Visa, at: string, extra: MilestoneEntry[]) =>
  plan(matched2027("Africa/Cairo", { visa, extra }), calendar, new Date(at));
const visaRisk = (result: ReturnType<typeof planAt>) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const contractRisk = (result: ReturnType<typeof planAt>) =>
  result.risks.find((risk) => risk.code === "CONTRACT_NOT_RECEIVED");

describe.each([
  {
    visa: "H-1B" as const,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-11-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
    ],
    waits: "Your H-1B petition with the program waits on it and is planned by Fri 16 Apr 2027 (our advice)",
    between: "2027-04-10T10:00:00+02:00",
    after: "2027-04-17T10:00:00+02:00",
  },
  {
    visa: "J-1" as const,
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-11-01")],
    waits: "Your J-1 sponsorship through ECFMG waits on it and is planned by Mon 5 Apr 2027 (our advice)",
    between: "2027-04-03T10:00:00+02:00",
    // The sponsorship's day (5 Apr) is counted back from the visa's (advice): critical once the
    // visa's date can no longer be met (20 Apr, the file not complete), not the day after 5 Apr.
    after: "2027-04-21T10:00:00+02:00",
  },
  {
    // A US citizen or permanent resident: no visa chain, so orientation's date (two weeks before the start).
    visa: "none" as const,
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-11-01")],
    waits:
      "Your program needs it signed before orientation, which this plan puts by Wed 16 Jun 2027 (our advice), two weeks before residency starts on Thu 1 Jul 2027",
    between: "2027-04-10T10:00:00+02:00",
    after: "2027-06-17T10:00:00+02:00",
  },
])("$visa: a contract past our advice date", ({ visa, extra, waits, between, after }) => {
  it("is CONTRACT_NOT_RECEIVED, a warning to ask the program's GME office, naming the date it is needed by", () => {
    const result = planAt(visa, between, extra);
    const risk = contractRisk(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["contract"]);
    // Our two weeks are the card's target ("aim to finish by"), not a day the contract was allowed until.
    expect(risk?.message).toContain("this plan's target for it, Fri 2 Apr 2027 (our advice), has passed");
    expect(risk?.message).not.toContain("allowed until");
    const card = [...result.nextSteps, ...result.overdue].find((step) => step.milestone === "contract");
    expect(JSON.stringify(card)).toContain("Fri 2 Apr 2027");
    expect(risk?.message).toContain("ask your program's GME office when it will send it");
    expect(risk?.message).toContain(waits);
    expect(visaRisk(result)).toBeUndefined();
    // No critical notice rides on a warning.
    expect(result.reminders.some((each) => each.rung === "critical-risk")).toBe(false);
  });

  it("turns into the critical VISA_NOT_READY_FOR_START once that date passes", () => {
    const result = planAt(visa, after, extra);
    expect(visaRisk(result)?.severity).toBe("critical");
    expect(contractRisk(result)).toBeUndefined();
  });
});
describe("the chase of a visa step behind counts down to residency's start by name", () => {
  it("names its countdown rungs for the start, never deadline-in-Nd, each overdue since the petition's last filing day; the verdict's notice undated", () => {
    const result = planAt("H-1B", "2027-05-01T10:00:00+02:00", [
      milestoneFactory("ecfmg_certification", "done", "2026-11-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
    ]);
    // Past the petition's last filing day for the start (Fri 30 Apr), the day its notice asked to act by,
    // every rung says overdue since it, never "by residency's start" nor our earlier Fri 16 Apr.
    const chased = result.reminders.filter((each) => each.milestone === "contract");
    const chase = chased.filter((each) => each.rung !== "critical-risk");
    expect(chase.map((each) => each.overdueSince?.local)).toEqual(chase.map(() => "Fri 30 Apr 2027"));
    // The petition's last filing day (Fri 30 Apr) has passed: its critical notice says so, undated,
    // never "Overdue since" the petition's date above a body saying the start cannot be met.
    const critical = chased.find((each) => each.rung === "critical-risk");
    expect(critical?.title).toBe(
      "The last day for your program to file your H-1B petition for your start has passed: talk to its GME office today",
    );
    expect(critical?.overdueSince).toBeUndefined();
    expect(
      chased.map((each) => each.rung).filter((rung) => rung !== "visa-behind" && rung !== "critical-risk"),
    ).toEqual(["start-in-14d", "start-in-7d", "start-in-3d", "start-in-1d"]);
  });
});

describe("the contract's deadline is one day from Match Day on", () => {
  // The J-1 sponsorship waiting on it is planned by Mon 5 Apr 2027; our date, Fri 2 Apr, is its target.
  const extra = [milestoneFactory("ecfmg_certification", "done", "2026-11-01")];
  const contractOf = (at: string) =>
    planAt("J-1", at, extra).nextSteps.find((step) => step.milestone === "contract");

  it.each(["2027-03-25T12:00:00+02:00", "2027-04-02T10:00:00+02:00", "2027-04-03T10:00:00+02:00"])(
    "at %s: due Mon 5 Apr, our Fri 2 Apr its target (it read due Fri 2 Apr until that day passed)",
    (at) => {
      const step = contractOf(at);
      expect(step?.deadline?.local).toBe("Mon 5 Apr 2027");
      expect(step?.target?.local).toBe("Fri 2 Apr 2027");
    },
  );

  it("counts down to our date as a target, and to the deadline after it, never a second Due", () => {
    const reminders = planAt("J-1", "2027-03-25T12:00:00+02:00", extra).reminders.filter(
      (each) => each.milestone === "contract",
    );
    const due = reminders.filter((each) => each.countsDownTo === undefined);
    expect(due.map((each) => each.deadlineDetail?.local)).toEqual(due.map(() => "Mon 5 Apr 2027"));
    const aimed = reminders.filter((each) => each.countsDownTo === "target");
    expect(aimed.length).toBeGreaterThan(0);
    expect(aimed.map((each) => each.deadlineDetail?.local)).toEqual(aimed.map(() => "Fri 2 Apr 2027"));
  });
});
