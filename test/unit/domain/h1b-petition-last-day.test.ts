import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate who passed Step 3 in December and matched on an H-1B for a 1 Jul 2027 start, contract
// signed in March. The plan counts on the program filing the petition by Fri 16 Apr and on the
// stamping by Wed 16 Jun; the program has not reported filing. A petition filed on any later day
// brings the visa after 16 Jun by the plan's own arithmetic (premium processing's 15 business days,
// then the time for the stamping), the same that judges a petition reported filed that day: from
// Sat 17 Apr the visa's date no longer "still holds". Until a filing would bring the visa into the
// start's last week (a filing by Fri 23 Apr), that is a warning of its own; from Sat 24 Apr the start
// holds only if the program files by about Fri 30 Apr (Manila); after that even a petition filed
// today brings the visa after 1 Jul. An advisor says so, critical, in the plan and in every weekly
// chase, never "still holds".

const calendar = seasonCalendar(2027);
const signed: MilestoneEntry[] = [
  milestoneFactory("usmle_step3", "done", "2026-12-10"),
  milestoneFactory("contract", "done", "2027-03-26"),
];
const unfiled = (zone: string) => matched2027(zone, { visa: "H-1B", extra: signed });
const filedOn = (zone: string, day: string) =>
  matched2027(zone, { visa: "H-1B", extra: [...signed, milestoneFactory("visa_h1b", "in_progress", day)] });
const MANILA = "Asia/Manila";
const HONOLULU = "Pacific/Honolulu";

function visaRisk(result: Plan) {
  return result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
}

function saysNothingHolds(result: Plan): void {
  expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
  for (const risk of result.risks) expect(risk.message).not.toContain("still holds");
  for (const reminder of result.reminders.filter((each) => each.milestone === "visa_h1b")) {
    expect(reminder.title).not.toContain("still holds");
    expect(reminder.why).not.toContain("still holds");
  }
}

describe("an H-1B petition not reported filed past the plan's filing day: the program's last filing day, then the filed-today verdict", () => {
  it("on the plan's filing day itself nothing is late yet", () => {
    const result = plan(unfiled(MANILA), calendar, new Date("2027-04-16T01:00:00Z"));
    expect(visaRisk(result)).toBeUndefined();
  });

  for (const now of ["2027-04-24T05:00:00Z", "2027-04-30T01:00:00Z"])
    it(`in Manila at ${now}: critical, the visa's date lost, the program must file by about Fri 30 Apr; the chase says so too`, () => {
      const result = plan(unfiled(MANILA), calendar, new Date(now));
      const risk = visaRisk(result);
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("Wed 16 Jun 2027 (our advice), can no longer be met");
      expect(risk?.message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
      expect(risk?.message).toContain("Ask your program's GME office today whether it has filed");
      expect(risk?.milestones).toEqual(["visa_h1b"]);
      saysNothingHolds(result);
      const chase = result.reminders.filter((each) => each.rung === "visa-behind");
      expect(chase.length).toBeGreaterThan(0);
      for (const each of chase) expect(each.why).toContain("by about Fri 30 Apr 2027");
      const card = result.nextSteps.find((step) => step.milestone === "visa_h1b");
      expect(card?.action).toContain("Your program must file your H-1B petition by about Fri 30 Apr 2027");
      // Its words share the J-1 last day's, but its notice is no J-1's.
      const notices = result.reminders.filter((each) => each.rung === "critical-risk");
      expect(notices.length).toBeGreaterThan(0);
      for (const each of notices) expect(each.title).not.toContain("J-1");
    });

  it("in Manila with the contract still unsigned: the verdict asks for the contract first, since the program files only once it is signed", () => {
    const unsigned = matched2027(MANILA, {
      visa: "H-1B",
      extra: [milestoneFactory("usmle_step3", "done", "2026-12-10")],
    });
    const risk = visaRisk(plan(unsigned, calendar, new Date("2027-04-24T03:00:00Z")));
    expect(risk?.message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
    expect(risk?.message).toContain(
      "Sign your program's contract now: the program files your petition only once it is signed.",
    );
    expect(
      visaRisk(plan(unfiled(MANILA), calendar, new Date("2027-04-24T03:00:00Z")))?.message,
    ).not.toContain("Sign your program's contract now");
  });

  // Filed Mon 10 May, USCIS approves on Tue 1 Jun (Memorial Day not counted), 25 days after the plan's
  // approval (Fri 7 May): the stamping planned for Wed 16 Jun moves as much, one count from approval to visa.
  it("in Manila on 10 May, past that day: the visa a petition filed today would bring, the same day as one reported filed today", () => {
    const result = plan(unfiled(MANILA), calendar, new Date("2027-05-10T01:00:00Z"));
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("about Fri 30 Apr 2027, has passed");
    expect(risk?.message).toContain("approval would come around Tue 1 Jun 2027");
    expect(risk?.message).toContain("your visa would come around Sun 11 Jul 2027, after residency starts");
    expect(risk?.message).toContain("tell the office now that your start may be delayed");
    expect(risk?.milestones).toEqual(["visa_h1b", "visa_h1b_stamping"]);
    const card = result.nextSteps.find((step) => step.milestone === "visa_h1b");
    expect(card?.action).toContain(
      "about Fri 30 Apr 2027, has passed: even filed today, your visa would come around Sun 11 Jul 2027",
    );
    saysNothingHolds(result);
    const filed = visaRisk(plan(filedOn(MANILA, "2027-05-10"), calendar, new Date("2027-05-10T01:00:00Z")));
    expect(filed?.message).toContain("your visa would come around Sun 11 Jul 2027, after residency starts");
  });

  it("once the last filing day has passed, the new verdict is a notice of its own, at her next delivery slot", () => {
    const notice = (now: string) =>
      plan(unfiled(MANILA), calendar, new Date(now)).reminders.find((each) => each.rung === "critical-risk");
    const before = notice("2027-04-30T01:00:00Z");
    // The filing is the program's: the day passes once it has ended in the US too (12:00 PM in Manila).
    const after = notice("2027-05-01T04:30:00Z");
    expect(before?.id).toBeDefined();
    expect(after?.id).toBeDefined();
    expect(after?.id).not.toBe(before?.id);
    // The day passed at noon on Sat 1 May in Manila, after that morning's email; the verdict names no
    // day to act by, so it goes at her next delivery slot, Sun 2 May's (one email a day).
    expect(after?.sendAt).toBe("2027-05-02T01:00:00.000Z");
  });

  it("the last filing day is the filed petition's own boundary: filed on it, no risk; filed the next working day, critical", () => {
    const onTheDay = plan(filedOn(MANILA, "2027-04-30"), calendar, new Date("2027-04-30T12:00:00Z"));
    expect(visaRisk(onTheDay)).toBeUndefined();
    const after = plan(filedOn(MANILA, "2027-05-03"), calendar, new Date("2027-05-03T12:00:00Z"));
    expect(visaRisk(after)?.severity).toBe("critical");
  });

  // The same last day as Manila's: a visa on 30 Jun is in time for a 1 Jul start in every zone (it was
  // Thu 29 Apr here, the start measured to midnight ET, and 30 Jun read "after residency starts").
  it("in Honolulu (in the US, route not told): the same verdict and last day, the stamping only for consular processing", () => {
    const result = plan(unfiled(HONOLULU), calendar, new Date("2027-04-24T19:00:00Z"));
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
    expect(risk?.message).toContain("(if your program files for consular processing)");
    expect(risk?.message).toContain("If it files for a change of status instead");
    saysNothingHolds(result);
    const past = visaRisk(plan(unfiled(HONOLULU), calendar, new Date("2027-05-10T19:00:00Z")));
    expect(past?.message).toContain("about Fri 30 Apr 2027, has passed");
    expect(past?.message).toContain("your visa would come around Sun 11 Jul 2027, after residency starts");
  });
});
