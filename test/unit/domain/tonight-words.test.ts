import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { dueDayWord } from "#domain/planner/day-words.ts";
import { plan } from "#domain/planner.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";
import { SEASON_2027 as calendar, PATHWAY_DUE_2027 as due } from "./last-day-applicant.ts";

/**
 * In Lagos at 10:00 on Sat 26 Dec 2026 the projected Pathway deadline (Sat 26 Dec, then
 * 9:00 PM ET) was Sun 27 Dec, 3:00 AM local, and the plan said "act tomorrow": a reader plans for
 * Sunday and misses it. A cut-off in the small hours of the next local day is "tonight"; "tomorrow"
 * only when a usable part of tomorrow remains.
 */

/** A Cairo graduate (ECFMG's 6:00 PM ET is 1:00 AM there) preparing for the OET, the Pathway not sent. */
const farida = inputFactory({
  applicant: applicantFactory({
    externalId: "farida-cairo",
    fullName: "Farida Mansour",
    timezone: "Africa/Cairo",
    matchYear: 2027,
  }),
  milestones: [
    ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
    { key: "oet_medicine", status: "in_progress" },
    { key: "ecfmg_pathway", status: "not_started" },
  ],
});

const said = (result: Plan) => result.risks.map((risk) => risk.message).join("\n");

describe("a cut-off in the small hours of the next local day is tonight", () => {
  it("Cairo at 11:00 on Sat 26 Dec: act tonight, by Sun 27 Dec 1:00 AM, never tomorrow", () => {
    const text = said(plan(farida, calendar, new Date("2026-12-26T11:00:00+02:00")));
    expect(text).toContain("act tonight, by Sun 27 Dec 2026, 1:00 AM GMT+2 (Sat 26 Dec 2026, 6:00 PM ET)");
    expect(text).toContain("submit your ECFMG Pathway application tonight");
    expect(text).not.toMatch(/tomorrow, by Sun 27 Dec/);
    expect(text).not.toContain("act tomorrow");
  });

  it("the helper: tonight before 06:00 of the next local day, tomorrow from then on", () => {
    const context = (zone: string, now: string) => ({ zone, now: Date.parse(now) }) as never;
    expect(dueDayWord(context("Africa/Cairo", "2026-12-26T11:00:00+02:00"), due)).toBe("tonight");
    expect(dueDayWord(context("Africa/Cairo", "2026-12-27T00:30:00+02:00"), due)).toBe("today");
    // Auckland: 6:00 PM ET is 12:00 PM the next day, a usable day: tomorrow.
    expect(dueDayWord(context("Pacific/Auckland", "2026-12-26T20:00:00+13:00"), due)).toBe("tomorrow");
  });
});
