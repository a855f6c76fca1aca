import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant before ranking, Step 3 not booked, whose earliest
 * Step 3 result misses the projected rank order list deadline (Wed 24 Feb 2027) but fits its later
 * candidate (Wed 3 Mar 2027). Step 3 is not blocked: it is due by the later candidate's sit-by day
 * (3 Mar less 28 days: Wed 3 Feb 2027) with an FSMB apply-by day (less 14 days of processing and 7
 * to a seat: Wed 13 Jan 2027) and reminders to it; the critical risk says both sides with those
 * days. Once the apply-by day has passed, Step 3 is out of reach for ranking; in the US it is then
 * dated for the H-1B petition after the Match (step3-out-of-reach-step.test.ts).
 */
function chicagoH1b(step3 = milestoneFactory("usmle_step3", "not_started")): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "later-candidate-step3",
      timezone: "America/Chicago",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      step3,
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-08T10:00:00-06:00" })],
  });
}
const at = (iso: string): Plan => plan(chicagoH1b(), seasonCalendar(2027), new Date(iso));
const step3Risk = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
const step3Card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");

describe("H-1B Step 3 between the rank order list deadline's two candidates", () => {
  it("on Sat 9 Jan 2027 Step 3 is a next step due by Wed 3 Feb 2027 with the FSMB apply-by day Wed 13 Jan", () => {
    const result = at("2027-01-09T15:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("usmle_step3");
    const card = step3Card(result);
    // The end of Wed 3 Feb in Chicago: a sitting day is a local day.
    expect(card?.dueBy).toBe("2027-02-04T06:00:00.000Z");
    expect(card?.action).toContain(
      "apply to FSMB by Wed 13 Jan 2027 and sit Step 3 by Wed 3 Feb 2027 (our advice)",
    );
    expect(card?.action).toContain("rank J-1 programs too either way");
  });

  it("the critical risk says both sides with those days, never 'act if it still lets you'", () => {
    const risk = step3Risk(at("2027-01-09T15:00:00Z"));
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("If NRMP's 2027 deadline is the later candidate");
    expect(risk?.message).toContain("Wed 3 Mar 2027");
    expect(risk?.message).toContain(
      "apply to FSMB by Wed 13 Jan 2027 and sit Step 3 by Wed 3 Feb 2027 (our advice)",
    );
    expect(risk?.message).toContain("Rank programs that offer a J-1 too, either way");
    expect(risk?.message).not.toContain("act if it still lets you");
  });

  it("reminds to the apply-by day before it, and the plan is made again when it passes", () => {
    const result = at("2027-01-09T15:00:00Z");
    const applyBy = Date.parse("2027-01-14T02:00:00Z"); // Wed 13 Jan 2027, 9:00 PM EST
    const before = result.reminders.filter(
      (r) =>
        r.milestone === "usmle_step3" &&
        r.rung !== "critical-risk" &&
        Date.parse(r.sendAt) < applyBy &&
        r.title.includes("apply to FSMB by Wed 13 Jan 2027"),
    );
    expect(before.length).toBeGreaterThanOrEqual(2);
    for (const reminder of before)
      expect(reminder.why).toContain("If NRMP's 2027 deadline is the later candidate");
    expect(
      result.riskChangesAt?.some((iso) => Date.parse(iso) > applyBy && Date.parse(iso) <= applyBy + 1),
    ).toBe(true);
  });

  it("once the apply-by day has passed (Thu 14 Jan 2027): out of reach for ranking, dated for the petition in the US", () => {
    const result = at("2027-01-14T15:00:00Z");
    expect(result.blocked.some((step) => step.milestone === "usmle_step3")).toBe(false);
    expect(step3Card(result)?.action).toContain(
      "Many programs will not rank you on H-1B without your Step 3 result",
    );
    expect(step3Risk(result)?.message).not.toContain("there is still time");
    expect(step3Risk(result)?.message).toContain("Rank programs that offer a J-1 too, either way");
  });

  it("before the window (Sat 2 Jan 2027, in time for the projected deadline): the catalog's date, Wed 27 Jan", () => {
    const card = step3Card(at("2027-01-02T15:00:00Z"));
    // The end of Wed 27 Jan in Chicago: the last sitting day is a local day.
    expect(card?.dueBy).toBe("2027-01-28T06:00:00.000Z");
    expect(card?.action).not.toContain("later candidate");
  });

  it("Step 3 booked on Tue 2 Feb 2027 (result by Tue 2 Mar): both sides too, keep the date, J-1 programs too", () => {
    const input = chicagoH1b(milestoneFactory("usmle_step3", "scheduled", "2027-02-02"));
    const risk = step3Risk(plan(input, seasonCalendar(2027), new Date("2027-01-09T15:00:00Z")));
    expect(risk?.severity).toBe("critical");
    // Before the projected last sitting day (Wed 27 Jan) it also says to try for a seat by then.
    expect(risk?.message).toContain(
      "if no earlier seat is open, keep Tue 2 Feb 2027: if NRMP's 2027 deadline is the later candidate",
    );
    expect(risk?.message).toContain("your result is in time for it");
    expect(risk?.message).toContain("Rank programs that offer a J-1 too, either way");
    expect(risk?.message).not.toContain("act if it still lets you");
  });
});
