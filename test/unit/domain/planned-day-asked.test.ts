import { describe, expect, it } from "vitest";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * An applicant plans a step for a day of her own (`scheduled`: register with NRMP, submit ERAS,
 * certify the rank order list). Once that day has gone by with nothing reported, an advisor asks
 * the next morning whether it went, and if not to do it now: registration planned for the day
 * after NRMP's early deadline was otherwise followed by twelve days of silence, where the applicant
 * who had planned nothing heard the next morning.
 */
// The registered applicant's steps (REGISTERED_KEYS) up to NRMP, and the certificate.
const BEFORE_NRMP: readonly MilestoneKey[] = [
  ...REGISTERED_KEYS.filter((key) => key !== "nrmp_registration" && key !== "eras_application"),
  "ecfmg_certification",
];

function applicant(timezone: string, open: { key: MilestoneKey; status: MilestoneStatus; date?: string }[]) {
  const keys = open.map(({ key }) => key);
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-11-30" }),
    milestones: [
      ...[...BEFORE_NRMP, "eras_application", "nrmp_registration"]
        .filter((key) => !keys.includes(key as MilestoneKey))
        .map((key) => milestoneFactory(key as MilestoneKey, "done", "2026-09-10")),
      ...open.map(({ key, status, date }) => milestoneFactory(key, status, date)),
    ],
  });
}

const question = (key: MilestoneKey, result: ReturnType<typeof planFor>) =>
  sendsOf(result, key).filter((reminder) => reminder.title.includes(": did you?"));

describe("NRMP registration planned for the day after the early registration deadline", () => {
  const planned = [{ key: "nrmp_registration" as const, status: "scheduled" as const, date: "2026-12-01" }];

  // Planned once the early deadline has passed (Mon 30 Nov 2026, 6:59 PM in Honolulu).
  it("in Honolulu, the morning after the planned day asks whether she registered, and if not to register now", () => {
    const result = planFor(applicant("Pacific/Honolulu", planned), "2026-11-30T20:00:00-10:00");
    const asked = question("nrmp_registration", result);
    expect(asked.map((reminder) => reminder.sendAtLocal)).toEqual(["2026-12-02T09:00:00.000-10:00"]);
    expect(asked[0]?.title).toBe(
      "You planned to register with NRMP on Tue 1 Dec 2026: did you? If not, register in R3 now",
    );
    // Nothing else of the step between the planned day and the question.
    const sends = sendsOf(result, "nrmp_registration").map((reminder) => reminder.sendAtLocal);
    expect(sends.filter((at) => at < "2026-12-02")).toEqual([]);
  });

  it("in Auckland, a day east, the same: Wednesday morning her time", () => {
    const result = planFor(applicant("Pacific/Auckland", planned), "2026-12-01T19:00:00+13:00");
    expect(question("nrmp_registration", result).map((reminder) => reminder.sendAtLocal)).toEqual([
      "2026-12-02T09:00:00.000+13:00",
    ]);
  });

  it("is asked once: a plan made after that morning lays it no more, and the fortnightly reminders stay", () => {
    const result = planFor(applicant("Pacific/Honolulu", planned), "2026-12-02T09:00:01-10:00");
    expect(question("nrmp_registration", result)).toEqual([]);
    expect(sendsOf(result, "nrmp_registration")[0]?.sendAtLocal).toBe("2026-12-12T09:00:00.000-10:00");
  });
});

describe("the other steps planned for a day: ERAS submission, the rank order list", () => {
  it("ERAS planned for a Sunday before programs review (Honolulu): asked on Monday morning", () => {
    const result = planFor(
      applicant("Pacific/Honolulu", [
        { key: "eras_application", status: "scheduled", date: "2026-09-20" },
        { key: "nrmp_registration", status: "not_started" },
      ]),
      "2026-09-19T10:00:00-10:00",
    );
    const asked = question("eras_application", result);
    expect(asked.map((reminder) => reminder.sendAtLocal)).toEqual(["2026-09-21T09:00:00.000-10:00"]);
    expect(asked[0]?.title).toBe(
      "You planned to submit your ERAS application on Sun 20 Sep 2026: did you? If not, submit it in MyERAS now",
    );
  });

  it("a rank order list planned for Sat 13 Feb (Manila): asked on Sunday, where nothing came until 22 Feb", () => {
    const result = planFor(
      applicant("Asia/Manila", [{ key: "rank_order_list", status: "scheduled", date: "2027-02-13" }]),
      "2027-02-09T10:00:00+08:00",
    );
    const asked = question("rank_order_list", result);
    expect(asked.map((reminder) => reminder.sendAtLocal)).toEqual(["2027-02-14T09:00:00.000+08:00"]);
    expect(asked[0]?.title).toBe(
      "You planned to certify your rank order list on Sat 13 Feb 2027: did you? If not, certify it in R3 now",
    );
  });

  it("a rank order list planned before ranking opens is not asked about: that day could hold no list", () => {
    const result = planFor(
      applicant("Asia/Manila", [{ key: "rank_order_list", status: "scheduled", date: "2027-01-10" }]),
      "2027-01-09T10:00:00+08:00",
    );
    expect(question("rank_order_list", result)).toEqual([]);
  });
});
