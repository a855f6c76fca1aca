import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MATCH_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * Match Week, Match Day and ranking opening on the applicant's road: an advisor
 * puts Match Week Monday and Match Day on the calendar from the start, and tells the applicant to
 * enter their list the day ranking opens. Advisor's decision: while the rank list is not certified
 * the dates are shown (timeline, calendar feed, CLI) but send nothing, since the rank list's own
 * reminders are the news then; once it is certified, Match Week gets three days' and a day's
 * notice and Match Day its eve, whether or not Monday was reported.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));

const pending = load("rank-list-before-opening-2027.json");
const certified = load("rank-list-certified-2027.json");
const of = (result: Plan, milestone: string) => result.reminders.filter((r) => r.milestone === milestone);

describe("Match Week and Match Day dated before the rank list is certified", () => {
  const result = planAt(pending, "2026-11-30T12:00:00Z");

  it("gives the blocked steps their projected season dates, with the rule", () => {
    const week = result.blocked.find((step) => step.milestone === "match_week");
    const day = result.blocked.find((step) => step.milestone === "match_day");
    expect(week?.deadline?.at).toBe("2027-03-15T14:00:00.000Z");
    expect(week?.deadline?.status).toBe("projected");
    expect(week?.deadline?.source).toContain("Match Day minus 4 days");
    // 12:00 PM ET, the earlier of NRMP's two stated hours (its events page says 1:00 PM ET).
    expect(day?.deadline?.at).toBe("2027-03-19T16:00:00.000Z");
    expect(day?.deadline?.source).toContain("Third Friday of March");
    expect(day?.deadline?.source).toContain("NRMP's pages disagree on the hour");
  });

  it("shows them in the CLI's BLOCKED table", () => {
    const text = renderPlan(result, "Arjun");
    const blocked = text.slice(text.indexOf("BLOCKED"), text.indexOf("OVERDUE"));
    expect(blocked).toContain("Mon 15 Mar 2027, 7:30 PM GMT+5:30 *");
    expect(blocked).toContain("Fri 19 Mar 2027, 9:30 PM GMT+5:30 *");
  });

  it("sends nothing for them while they are blocked", () => {
    expect(of(result, "match_week")).toEqual([]);
    expect(of(result, "match_day")).toEqual([]);
  });

  it("reminds once ranking opens (projected 15 Jan 2027, 10:30 PM in Kolkata), before the start-by rung", () => {
    const rol = of(result, "rank_order_list");
    expect(rol.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      // ROL_BEFORE_RANKING_OPENS (critical): its notice at the next delivery slot, ranking being weeks away.
      ["critical-risk", "2026-12-01T09:00:00.000+05:30"],
      // Ranking opens at 12:00 PM ET, 10:30 PM in Kolkata (quiet hours): the next morning's slot,
      // never 09:00 on the 15th, before it opens.
      ["ranking-opens", "2027-01-16T09:00:00.000+05:30"],
      // The latest start, 9:00 PM ET Wed 3 Feb (7:30 AM Thu 4 Feb in Kolkata): on the day the card names.
      ["start-by", "2027-02-03T09:00:00.000+05:30"],
      ["due-in-14d", "2027-02-11T09:00:00.000+05:30"],
      ["due-in-3d", "2027-02-22T09:00:00.000+05:30"],
      ["due-in-1d", "2027-02-24T09:00:00.000+05:30"],
    ]);
  });

  it("does not catch a missed opening notice up once ranking has opened", () => {
    const late = of(planAt(pending, "2027-01-20T12:00:00Z"), "rank_order_list");
    expect(late.map((r) => r.rung)).not.toContain("ranking-opens");
    expect(late.map((r) => r.rung)).toContain("start-by");
  });
});

describe("Match Week and Match Day once the rank list is certified (1 Feb 2027)", () => {
  it("follows their ladders: Match Week three days and a day before, Match Day on its eve", () => {
    const result = planAt(certified, "2027-02-10T12:00:00Z");
    expect(of(result, "match_week").map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["due-in-3d", "2027-03-12T09:00:00.000+05:30"],
      ["due-in-1d", "2027-03-14T09:00:00.000+05:30"],
      // After NRMP's Monday release (10:00 AM ET, 19:30 in Kolkata): did you match?
      [MATCH_RESULT_RUNG, "2027-03-15T19:30:00.000+05:30"],
    ]);
    // Match Day waits for SOAP's end: 2:30 AM Friday in Kolkata, so the slot that morning.
    expect(of(result, "match_day").map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["due-in-1d", "2027-03-19T09:00:00.000+05:30"],
    ]);
  });

  it("keeps Match Day's notice when Monday's result was not reported", () => {
    const result = planAt(certified, "2027-03-16T12:00:00Z");
    expect(result.blocked.map((step) => step.milestone)).not.toContain("match_day");
    expect(of(result, "match_day").map((r) => r.sendAtLocal)).toEqual(["2027-03-19T09:00:00.000+05:30"]);
  });

  it("never sends a reminder for a blocked step, week by week through the season", () => {
    for (const snapshot of [pending, certified]) {
      for (let day = 0; day < 300; day += 3) {
        const result = planAt(snapshot, new Date(Date.UTC(2026, 9, 1) + day * 86_400_000).toISOString());
        const blocked = new Set(result.blocked.map((step) => step.milestone));
        for (const reminder of result.reminders) expect(blocked.has(reminder.milestone)).toBe(false);
      }
    }
  });
});
