import { describe, expect, it, vi } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * MATCH_YEAR_LAST_DAY's words are memoised per chain and last day (for speed), and two of them depend
 * on now: whether the day is already the applicant's today, and whether the projected Pathway
 * deadline has passed. Plans of one applicant a few days apart share the chain and the last day but
 * not those words: each warning must be the one a fresh planner (empty memo) writes.
 */

function applicant(timezone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027 }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      // In progress and undated: its projected deadline passing does not end the season,
      // so the last day stays one while the words change.
      { key: "ecfmg_pathway", status: "in_progress" },
      // Not yet booked: an OET sat in time is asked about and has no last day, so the
      // last day here is the OET's own last sitting day, Tue 5 Jan 2027 (Karachi's local day).
      { key: "oet_medicine", status: "not_started" },
    ],
  });
}

const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");

describe("MATCH_YEAR_LAST_DAY's memo never changes its words", () => {
  // One last day in Karachi (Tue 5 Jan 2027, its local end) throughout; the words change between cases.
  const karachi = applicant("Asia/Karachi");
  const cases: [string, PlannerInput, string][] = [
    ["Karachi, Pathway deadline ahead", karachi, "2026-12-25T05:00:00Z"],
    ["Karachi, Pathway deadline passed", karachi, "2026-12-27T05:00:00Z"],
    ["Karachi, on the last day (today)", karachi, "2027-01-05T10:00:00Z"],
    ["Karachi, the last day ahead again", karachi, "2027-01-02T05:00:00Z"],
    ["Los Angeles, the same instant", applicant("America/Los_Angeles"), "2027-01-02T05:00:00Z"],
  ];

  it("each warning, planned right after the one before, equals a fresh planner's", async () => {
    const warm = cases.map(([, input, now]) => lastDay(plan(input, seasonCalendar(2027), new Date(now))));
    // The cases do exercise the memo: one last day, and words that change from each case to the next
    // (the Pathway deadline passes, the day becomes today and then is not, the zone changes).
    expect(new Set(warm.slice(0, 4).map((risk) => risk?.lastWorkingAt)).size).toBe(1);
    for (const [index, risk] of warm.entries()) expect(risk, cases[index]?.[0]).toBeDefined();
    for (let index = 1; index < warm.length; index++)
      expect(warm[index]?.message, cases[index]?.[0]).not.toBe(warm[index - 1]?.message);
    for (const [index, [name, input, now]] of cases.entries()) {
      vi.resetModules();
      const fresh = await import("#domain/planner.ts");
      const seasons = await import("#domain/seasons/index.ts");
      const risk = lastDay(fresh.plan(input, seasons.seasonCalendar(2027), new Date(now)));
      expect(risk, name).toEqual(warm[index]);
    }
  });
});

describe("MATCH_YEAR_LAST_DAY's later last day never comes from another applicant's plan", () => {
  // An OET booked for Sat 9 Jan 2027, after its last sitting day (Tue 5 Jan in Karachi): on the
  // projected deadline the booking is too late and the chain counts any seat by that day, the same
  // chain and last day as an OET not booked; on NRMP's later candidate the booking holds, so the
  // later last day (the "unless NRMP's 2027 deadline turns out later" clause) differs. Planned
  // before in the same process (a Lambda, a test worker), it must not decide the other's words.
  const withOet = (oet: PlannerInput["milestones"][number]) =>
    inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2027 }),
      milestones: [
        ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
        oet,
        { key: "ecfmg_pathway", status: "in_progress" },
      ],
    });
  const booked = withOet({ key: "oet_medicine", status: "scheduled", date: "2027-01-09" });
  const unbooked = withOet({ key: "oet_medicine", status: "not_started" });
  const nows = ["2026-12-02T06:00:00Z", "2026-12-25T05:00:00Z", "2027-01-02T05:00:00Z"];

  for (const [name, first, then] of [
    ["not booked, after the booked one's plans", booked, unbooked],
    ["booked, after the unbooked one's plans", unbooked, booked],
  ] as const)
    it(`the warning of the OET ${name} equals a fresh planner's`, async () => {
      vi.resetModules();
      const warm = await import("#domain/planner.ts");
      const warmSeasons = await import("#domain/seasons/index.ts");
      for (const now of nows) warm.plan(first, warmSeasons.seasonCalendar(2027), new Date(now));
      const warmRisks = nows.map((now) =>
        lastDay(warm.plan(then, warmSeasons.seasonCalendar(2027), new Date(now))),
      );
      for (const [index, now] of nows.entries()) {
        vi.resetModules();
        const fresh = await import("#domain/planner.ts");
        const seasons = await import("#domain/seasons/index.ts");
        const risk = lastDay(fresh.plan(then, seasons.seasonCalendar(2027), new Date(now)));
        expect(risk, now).toBeDefined();
        expect(warmRisks[index], now).toEqual(risk);
      }
    });
});
