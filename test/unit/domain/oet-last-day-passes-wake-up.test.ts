import { describe, expect, it } from "vitest";
import { localDate, startOfLocalDate } from "#domain/time.ts";
import { planFor } from "./advisor-road.ts";
import { milestoneFactory } from "./factories.ts";
import { sentFollowingWakeUps } from "./follow-wake-ups.ts";
import { oetAndPathwayLeft } from "./oet-pathway-left.ts";

// A 2027 applicant with Steps 1 and 2 CK, ERAS and NRMP done, the OET and the Pathway not started,
// past the projected Pathway deadline: the plan keeps the Match on NRMP's later candidate only if she
// sits the OET by Tue 12 Jan 2027. The plan made once that day has ended writes the Match off, but
// the plans before it gave no wake-up for that instant: the write-off waited for the next unrelated
// reminder (ranking opens, Sat 16 Jan), and with a weekly summary up to a week more.

function applicant(timezone: string) {
  return oetAndPathwayLeft(timezone, milestoneFactory("ecfmg_pathway", "not_started"));
}

// Each zone from the morning after the projected Pathway deadline, and the last sitting day's morning.
const ZONES: [string, string, string][] = [
  ["Asia/Manila", "2026-12-27T08:00:00+08:00", "2027-01-12T10:00:00+08:00"],
  ["Pacific/Auckland", "2026-12-27T14:00:00+13:00", "2027-01-12T10:00:00+13:00"],
  ["Pacific/Honolulu", "2026-12-27T08:00:00-10:00", "2027-01-12T10:00:00-10:00"],
];

describe.each(ZONES)("%s, the OET not started, its last sitting day passing", (timezone, from, lastDay) => {
  const input = applicant(timezone);
  const ends = startOfLocalDate(timezone, "2027-01-13");

  it("the plan made on the last sitting day is made again when that day ends for her", () => {
    const plan = planFor(input, lastDay);
    expect(plan.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(plan.riskChangesAt).toContain(new Date(ends).toISOString());
    const after = planFor(input, new Date(ends + 60_000).toISOString());
    expect(after.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("the write-off goes the morning after the last sitting day, not on a later wake-up", () => {
    const sent = sentFollowingWakeUps(
      (now) => planFor(input, now.toISOString()),
      new Date(from),
      new Date("2027-01-20T00:00:00Z"),
    );
    const writeOff = sent.find((each) => each.rung === "match-year-out-of-reach");
    expect(writeOff).toBeDefined();
    expect(localDate(timezone, Date.parse(writeOff?.sendAt ?? ""))).toBe("2027-01-13");
  });

  it("the last sitting day's eve and day each get the last-day email, as when the Pathway went in", () => {
    const sent = sentFollowingWakeUps(
      (now) => planFor(input, now.toISOString()),
      new Date(from),
      new Date("2027-01-13T00:00:00Z"),
    );
    const lastDays = sent.filter((each) => each.rung === "last-day-in-1d" || each.rung === "last-day-today");
    expect(lastDays.map((each) => [each.milestone, localDate(timezone, Date.parse(each.sendAt))])).toEqual([
      ["oet_medicine", "2027-01-11"],
      ["oet_medicine", "2027-01-12"],
    ]);
    for (const each of lastDays) {
      expect(each.title).toBe(
        "Your last days for the 2027 Match: after the day below, your plan moves to the 2028 Match",
      );
      expect(each.deadlineDetail?.local).toBe("Tue 12 Jan 2027");
      expect(each.why).toContain("Sit OET Medicine by Tue 12 Jan 2027, the day below");
    }
    // Her OET's own eve rung says less ("Pass OET Medicine: due"): the last day's stands for it.
    expect(sent.some((each) => each.milestone === "oet_medicine" && each.rung === "deadline-in-1d")).toBe(
      false,
    );
  });
});
