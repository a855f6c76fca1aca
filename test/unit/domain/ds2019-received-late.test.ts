import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate matched on a J-1 for a Thu 1 Jul 2027 start. This plan wants the DS-2019 by about mid-May
// and the visa by Wed 16 Jun 2027 (our advice), allowing a month with the DS-2019 in hand for the
// SEVIS fee, the DS-160 and the consular interview. A DS-2019 *expected* on Thu 10 Jun is critical the
// day it is told ("your visa would come around Sat 10 Jul 2027, after residency starts"); the same
// DS-2019 *received* on 10 Jun got no risk at all, only "Due Wed 16 Jun" reminders, until the visa's
// date had passed. The same date gets the same verdict once it is real.

const calendar = seasonCalendar(2027);

function withDs2019(zone: string, ds2019: MilestoneEntry, visa?: MilestoneEntry) {
  return matched2027(zone, {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-20"),
      ds2019,
      ...(visa === undefined ? [] : [visa]),
    ],
  });
}
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe("a DS-2019 received on 10 June, six days before the plan's visa date", () => {
  // Honolulu, told the evening it came.
  const result = plan(
    withDs2019("Pacific/Honolulu", milestoneFactory("j1_ds2019", "done", "2027-06-10")),
    calendar,
    new Date("2027-06-11T04:00:00Z"),
  );

  it("is critical the day it is told: the visa would come after the start", () => {
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("You received your DS-2019");
    expect(risk?.message).toContain("on Thu 10 Jun 2027");
    expect(risk?.message).toContain("your visa would come around Sat 10 Jul 2027, after residency starts");
    expect(risk?.message).toContain("tell your program's GME office now that your start may be delayed");
    const notice = result.reminders.find(
      (reminder) => reminder.milestone === "visa_j1" && reminder.rung === "critical-risk",
    );
    // The start is three weeks away: told at the next morning's delivery slot.
    expect(notice?.sendAtLocal).toBe("2027-06-11T09:00:00.000-10:00");
  });

  it("reaches the same visa day as the same DS-2019 expected on 10 June", () => {
    const expected = plan(
      withDs2019("Pacific/Honolulu", milestoneFactory("j1_ds2019", "scheduled", "2027-06-10")),
      calendar,
      new Date("2027-04-21T20:00:00Z"),
    );
    expect(visaRisk(expected)?.severity).toBe("critical");
    expect(visaRisk(expected)?.message).toContain("your visa would come around Sat 10 Jul 2027");
  });
});

describe("a DS-2019 received in time", () => {
  it("raises no visa risk", () => {
    const result = plan(
      withDs2019("Pacific/Honolulu", milestoneFactory("j1_ds2019", "done", "2027-05-14")),
      calendar,
      new Date("2027-05-15T04:00:00Z"),
    );
    expect(visaRisk(result)).toBeUndefined();
  });
});

describe("a DS-2019 received late whose interview is already booked", () => {
  it("is judged by the booked interview, not by when the DS-2019 came", () => {
    const result = plan(
      withDs2019(
        "Pacific/Honolulu",
        milestoneFactory("j1_ds2019", "done", "2027-06-10"),
        milestoneFactory("visa_j1", "scheduled", "2027-06-14"),
      ),
      calendar,
      new Date("2027-06-11T04:00:00Z"),
    );
    expect(visaRisk(result)?.message ?? "").not.toContain("You received your DS-2019");
  });
});
