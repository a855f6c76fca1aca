import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 graduate in Auckland, matched, contract, Statement of Need and sponsorship done on time,
// whose DS-2019 came on Mon 31 May 2027, two weeks after the plan's day for it (Mon 17 May): with
// the month the plan allows for the consular interview, the visa comes around 30 Jun, past the
// plan's own visa date (Wed 16 Jun, two weeks before the start, for orientation) and the day before
// a 1 Jul start abroad. Nothing was said; a day later the start itself was out of reach (critical).
// A DS-2019 a day after our own day (Tue 18 May) was told the same, and the program alarmed, with
// the visa still six weeks before the start: the warning waits for the start's last week.

const calendar = seasonCalendar(2027);
const withDs2019 = (received: string, extra: MilestoneEntry[] = []) =>
  matched2027("Pacific/Auckland", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
      milestoneFactory("j1_ds2019", "done", received),
      ...extra,
    ],
  });
const at = (day: string) => new Date(`${day}T10:00:00+12:00`);
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

describe("a DS-2019 received late enough to carry the J-1 visa past its own date, the start in reach", () => {
  it("received Mon 31 May: a warning names the visa around Wed 30 Jun, past the plan's Wed 16 Jun, and what to do now", () => {
    const result = plan(withDs2019("2027-05-31"), calendar, at("2027-05-31"));
    const risk = riskOf(result, "DS2019_RECEIVED_LATE");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain("later than this plan's day for it, Mon 17 May 2027 (our advice)");
    expect(risk?.message).toContain("your J-1 visa would come around Wed 30 Jun 2027");
    expect(risk?.message).toContain(
      "in the last week before residency starts on Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours), where this plan's visa date, Wed 16 Jun 2027 (our advice), keeps two weeks",
    );
    expect(risk?.message).toContain("tell your program's GME office now");
    expect(result.risks.some((each) => each.severity === "critical")).toBe(false);
    // Emailed at once, on the visa's card, due by the visa's own date.
    const notice = result.reminders.find((each) => each.risk === "DS2019_RECEIVED_LATE");
    expect(notice?.milestone).toBe("visa_j1");
    expect(notice?.deadlineDetail.day).toBe("2027-06-16");
  });

  it("received on the plan's day, or with the interview booked, says nothing (guard)", () => {
    expect(riskOf(plan(withDs2019("2027-05-17"), calendar, at("2027-05-18")), "DS2019_RECEIVED_LATE")).toBe(
      undefined,
    );
    const booked = withDs2019("2027-05-31", [milestoneFactory("visa_j1", "scheduled", "2027-06-10")]);
    expect(riskOf(plan(booked, calendar, at("2027-06-01")), "DS2019_RECEIVED_LATE")).toBeUndefined();
  });

  it("received Tue 1 Jun, the visa after the start: the critical verdict speaks alone", () => {
    const result = plan(withDs2019("2027-06-01"), calendar, at("2027-06-01"));
    expect(riskOf(result, "VISA_NOT_READY_FOR_START")?.severity).toBe("critical");
    expect(riskOf(result, "DS2019_RECEIVED_LATE")).toBeUndefined();
  });
});

describe("a DS-2019 received a few days after the plan's day: our own two allowances absorb it", () => {
  // Both sides of the line, in a zone east of ET (Auckland), at Karachi and west of ET (Honolulu):
  // received Mon 24 May the visa comes around Wed 23 Jun, a week and a day before the start
  // (nothing); Tue 25 May, around Thu 24 Jun, in the start's last week (the warning).
  describe.each(["Pacific/Auckland", "Asia/Karachi", "Pacific/Honolulu"])("in %s", (zone) => {
    const received = (day: string) =>
      matched2027(zone, {
        extra: [
          milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
          milestoneFactory("contract", "done", "2027-03-30"),
          milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
          milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
          milestoneFactory("j1_ds2019", "done", day),
        ],
      });
    const noon = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - zoneOffsetMs(zone));

    it.each(["2027-05-18", "2027-05-24"])("received %s: no warning, no critical risk, no notice", (day) => {
      const result = plan(received(day), calendar, noon(day));
      expect(riskOf(result, "DS2019_RECEIVED_LATE")).toBeUndefined();
      expect(result.risks.some((risk) => risk.severity === "critical")).toBe(false);
      expect(result.reminders.some((each) => each.risk === "DS2019_RECEIVED_LATE")).toBe(false);
    });

    it("received Tue 25 May: the warning, the visa around Thu 24 Jun", () => {
      const risk = riskOf(plan(received("2027-05-25"), calendar, noon("2027-05-25")), "DS2019_RECEIVED_LATE");
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain("your J-1 visa would come around Thu 24 Jun 2027, in the last week");
    });
  });
});

describe("the DS-2019 still awaited turns where one received that day would be late", () => {
  // Awaited on Mon 24 May the visa's own date still holds (VISA_STEP_LATE), as for one received
  // that day; awaited on Tue 25 May, a DS-2019 in hand that day would be told its visa comes in the
  // start's last week, so one still to come no longer reads "still holds".
  const awaited = matched2027("Asia/Karachi", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
      milestoneFactory("j1_ds2019", "in_progress"),
    ],
  });
  const karachi = (day: string) => new Date(`${day}T12:00:00+05:00`);

  it("Mon 24 May: a warning, the visa's own date still holds", () => {
    const result = plan(awaited, calendar, karachi("2027-05-24"));
    expect(riskOf(result, "VISA_STEP_LATE")?.message).toContain("Wed 16 Jun 2027 (our advice), still holds");
    expect(riskOf(result, "VISA_NOT_READY_FOR_START")).toBeUndefined();
  });

  it("Tue 25 May: the visa steps are behind (critical), no longer 'still holds'", () => {
    const result = plan(awaited, calendar, karachi("2027-05-25"));
    expect(riskOf(result, "VISA_NOT_READY_FOR_START")?.message).toContain("DS-2019");
    expect(riskOf(result, "VISA_STEP_LATE")).toBeUndefined();
  });
});

/** The zone's offset from UTC in late May (no change of daylight time in these zones then). */
function zoneOffsetMs(zone: string): number {
  return (OFFSET_HOURS.get(zone) ?? 0) * 3_600_000;
}
const OFFSET_HOURS = new Map([
  ["Pacific/Auckland", 12],
  ["Asia/Karachi", 5],
  ["Pacific/Honolulu", -10],
]);
