import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A consular visa reported issued in the start's last week (a J-1 visa stamped Wed 30 Jun in Kolkata,
// the program starting Thu 1 Jul in the US) is in hand, but she is half a world away and past the
// orientation the visa's date kept two weeks for: the day before, the same booking was critical, and
// the stamp reported cleared every alarm. A warning, up to the start: book the first flight, tell the
// program's GME office the arrival day today. Issued before the start's last week: nothing to say.

const calendar = seasonCalendar(2027);
const CODE = "VISA_ISSUED_LATE";

function j1(extra: MilestoneEntry[]) {
  return matched2027("Asia/Kolkata", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
      milestoneFactory("j1_ds2019", "done", "2027-05-31"),
      ...extra,
    ],
  });
}
const riskOf = (result: Plan) => result.risks.find((risk) => risk.code === CODE);

describe("Kolkata, J-1, the visa reported issued late", () => {
  it("the day before, the interview on Wed 30 Jun is critical; issued that day, a warning about the arrival", () => {
    const booked = plan(
      j1([milestoneFactory("visa_j1", "scheduled", "2027-06-30")]),
      calendar,
      new Date("2027-06-29T12:00:00Z"),
    );
    expect(booked.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.severity).toBe("critical");
    const issued = plan(
      j1([milestoneFactory("visa_j1", "done", "2027-06-30")]),
      calendar,
      new Date("2027-06-30T12:00:00Z"),
    );
    const risk = riskOf(issued);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["visa_j1"]);
    expect(risk?.message).toContain(
      "Your J-1 visa was issued on Wed 30 Jun 2027, only 1 day before residency starts",
    );
    expect(risk?.message).toContain("Book the first flight you can");
    expect(risk?.message).toContain("tell your program's GME office today the day you will arrive");
    expect(riskForAdvisor(risk as never, { fullName: "Asha Rao" } as never)).toContain("arrival day");
    // Emailed at once (17:30 in Kolkata, the start the next day), on the visa's card.
    const notice = issued.reminders.find((each) => each.risk === CODE);
    expect(notice?.milestone).toBe("visa_j1");
    expect(notice?.sendAt).toBe("2027-06-30T12:00:00.000Z");
    expect(notice?.title).toContain("book your flight and tell your program your arrival day");
  });

  it.each([
    ["Thu 24 Jun", "2027-06-24", true],
    ["Wed 23 Jun", "2027-06-23", false],
    ["Wed 16 Jun", "2027-06-16", false],
  ])("issued %s: in the start's last week %s", (_day, date, warned) => {
    const result = plan(
      j1([milestoneFactory("visa_j1", "done", date)]),
      calendar,
      new Date(`${date}T12:00:00Z`),
    );
    expect(riskOf(result) !== undefined).toBe(warned);
  });

  it("a visa marked issued on a day still to come is no late visa", () => {
    const result = plan(
      j1([milestoneFactory("visa_j1", "done", "2027-06-30")]),
      calendar,
      new Date("2027-06-20T12:00:00Z"),
    );
    expect(riskOf(result)).toBeUndefined();
  });

  it("gone once residency has started", () => {
    const result = plan(
      j1([milestoneFactory("visa_j1", "done", "2027-06-30")]),
      calendar,
      new Date("2027-07-02T04:00:00Z"),
    );
    expect(riskOf(result)).toBeUndefined();
  });
});

describe("Lagos, H-1B, the stamping reported done on Mon 28 Jun", () => {
  it("the same warning, naming the H-1B visa", () => {
    const input = matched2027("Africa/Lagos", {
      visa: "H-1B",
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
        milestoneFactory("usmle_step3", "done", "2026-12-01"),
        milestoneFactory("contract", "done", "2027-03-30"),
        milestoneFactory("visa_h1b", "done", "2027-05-20"),
        milestoneFactory("visa_h1b_stamping", "done", "2027-06-28"),
      ],
    });
    const risk = riskOf(plan(input, calendar, new Date("2027-06-28T12:00:00Z")));
    expect(risk?.message).toContain(
      "Your H-1B visa was issued on Mon 28 Jun 2027, only 3 days before residency starts",
    );
    expect(risk?.milestones).toEqual(["visa_h1b_stamping"]);
  });
});
