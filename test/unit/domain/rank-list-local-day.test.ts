import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";

/**
 * A rank order list dated by the applicant's own (local) day: the 2027
 * deadline, Wed 24 Feb 2027 9:00 PM ET (projected), is Thu 25 Feb in Manila (10:00 AM), Lagos
 * (3:00 AM) and Kolkata (7:30 AM). The Done button records the local day, so a list dated on the
 * deadline's local day counts, the day after does not; a list dated on the opening's local day
 * (Fri 15 Jan 2027 12:00 PM ET = Sat 16 Jan 1:00 AM in Manila) is not "before" ranking opens.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-before-opening-2027.json", SCENARIO_DIR), "utf8")),
);
const calendar = seasonCalendar(2027);
const deadline = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
const opens = calendar.dates.nrmp_rank_order_list_entry_opens;

const listOn = (zone: string, date: string): ApplicantSnapshot => ({
  ...base,
  applicant: { ...base.applicant, timezone: zone },
  milestones: [
    ...base.milestones.filter((m) => m.key !== "rank_order_list"),
    { key: "rank_order_list", status: "done", date },
  ],
});
const planAt = (snapshot: ApplicantSnapshot, now: number): Plan => plan(snapshot, calendar, new Date(now));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const refused = (result: Plan) =>
  codes(result).includes("ROL_BEFORE_RANKING_OPENS") || codes(result).includes("SEASON_OVER");

describe("a rank list dated by the applicant's local day", () => {
  it("the season's ranking dates are the ones the cases below assume", () => {
    expect(deadline.iso).toBe("2027-02-25T02:00:00.000Z");
    expect(opens.iso).toBe("2027-01-15T17:00:00.000Z");
  });

  for (const zone of ["Asia/Manila", "Africa/Lagos", "Asia/Kolkata"]) {
    it(`${zone}: a list dated on the deadline's local day (25 Feb) counts, before and after the deadline`, () => {
      expect(localDate(zone, deadline.at)).toBe("2027-02-25");
      for (const now of [deadline.at - 3_600_000, deadline.at + 1_800_000, deadline.at + 10 * 86_400_000]) {
        const result = planAt(listOn(zone, "2027-02-25"), now);
        expect(refused(result), `${zone} ${new Date(now).toISOString()}`).toBe(false);
        expect(result.overdue.map((o) => o.milestone)).not.toContain("rank_order_list");
      }
    });

    // The projected deadline's later candidate, Wed 3 Mar 2027 9:00 PM ET, is Thu 4 Mar in these
    // zones: a list dated up to that day counts, flagged; the day after is refused.
    it(`${zone}: a list dated the day after the deadline's local day (26 Feb) counts, flagged; one dated 5 Mar is refused`, () => {
      const before = planAt(listOn(zone, "2027-02-26"), deadline.at - 3_600_000);
      // dated after today (the applicant's day) one hour before the deadline: "a date still to come"
      expect(codes(before)).toContain("ROL_BEFORE_RANKING_OPENS");
      const after = planAt(listOn(zone, "2027-02-26"), deadline.at + 2 * 86_400_000);
      expect(refused(after)).toBe(false);
      expect(codes(after)).toContain("ROL_DEADLINE_MAY_BE_LATER");
      const late = planAt(listOn(zone, "2027-03-05"), deadline.at + 10 * 86_400_000);
      expect(codes(late)).toContain("SEASON_OVER");
    });
  }

  it("Asia/Manila: a list dated on the opening's local day (16 Jan) counts; the day before is refused", () => {
    const zone = "Asia/Manila";
    expect(localDate(zone, opens.at)).toBe("2027-01-16");
    const now = opens.at + 5 * 86_400_000;
    expect(refused(planAt(listOn(zone, "2027-01-16"), now))).toBe(false);
    const early = planAt(listOn(zone, "2027-01-15"), now);
    const risk = early.risks.find((r) => r.code === "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.message).toContain("before ranking opened");
  });

  it("Pacific/Honolulu: the deadline's local day is 24 Feb; a list dated 25 Feb is after it, the later candidate's day 3 Mar", () => {
    const zone = "Pacific/Honolulu";
    expect(localDate(zone, deadline.at)).toBe("2027-02-24");
    expect(refused(planAt(listOn(zone, "2027-02-24"), deadline.at + 86_400_000))).toBe(false);
    const after = planAt(listOn(zone, "2027-02-25"), deadline.at + 2 * 86_400_000);
    expect(codes(after)).toContain("ROL_DEADLINE_MAY_BE_LATER");
    expect(refused(after)).toBe(false);
    expect(codes(planAt(listOn(zone, "2027-03-04"), deadline.at + 10 * 86_400_000))).toContain("SEASON_OVER");
  });

  it("the after-deadline words speak of the deadline only, never of certifying before ranking opens", () => {
    // Dated after the deadline's local day, reported before the deadline: possible only for a
    // "scheduled" list (a "done" one dated after today is "a date still to come").
    const snapshot: ApplicantSnapshot = {
      ...listOn("Asia/Manila", "2027-03-05"),
      milestones: [
        ...base.milestones.filter((m) => m.key !== "rank_order_list"),
        { key: "rank_order_list", status: "scheduled", date: "2027-03-05" },
      ],
    };
    const result = planAt(snapshot, deadline.at - 86_400_000);
    const risk = result.risks.find((r) => r.code === "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.message).toContain("after the rank order list deadline");
    expect(risk?.message).not.toContain("cannot be certified before then");
    expect(risk?.message).not.toContain("ranking opened on");
    expect(risk?.message).toContain(
      "Ranking is open: if your list is not certified in R3 yet, certify it now",
    );
    // Before ranking opens it says so, as when to certify, not as the reason (golden random-259-1).
    const early = planAt(snapshot, opens.at - 86_400_000).risks.find(
      (r) => r.code === "ROL_BEFORE_RANKING_OPENS",
    );
    expect(early?.message).toContain("after the rank order list deadline");
    expect(early?.message).not.toContain("Ranking is open");
    expect(early?.message).toContain("Ranking opens on Sat 16 Jan 2027, 1:00 AM");
    expect(early?.message).not.toContain("cannot be certified before then");
  });

  it("property: a list dated on any local day from the opening's to the deadline's is counted, in every zone", () => {
    const zones = [
      "Asia/Manila",
      "Africa/Lagos",
      "Asia/Kolkata",
      "Asia/Karachi",
      "Asia/Dhaka",
      "Pacific/Kiritimati",
      "Pacific/Auckland",
      "Pacific/Honolulu",
      "Pacific/Pago_Pago",
      "America/Los_Angeles",
      "America/New_York",
      "America/Sao_Paulo",
      "Europe/London",
      "Asia/Kathmandu",
      "Australia/Sydney",
      "UTC",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.nat(60), fc.boolean(), (zone, offset, late) => {
        const first = localDate(zone, opens.at);
        const last = localDate(zone, deadline.at);
        const day = new Date(Date.parse(`${first}T00:00:00Z`) + offset * 86_400_000)
          .toISOString()
          .slice(0, 10);
        fc.pre(day <= last);
        // reported on that day or later: after the deadline (late) or on the local day itself
        const now = late ? deadline.at + 86_400_000 : Math.max(Date.parse(`${day}T12:00:00Z`), opens.at);
        const reportedDay = localDate(zone, now);
        fc.pre(reportedDay >= day);
        return !refused(planAt(listOn(zone, day), now));
      }),
      { numRuns: 150 },
    );
  });
});
