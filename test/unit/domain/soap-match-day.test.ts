import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SOAP_OFFER_AHEAD_TITLE } from "#domain/match-outcome-question.ts";
import type { Plan } from "#domain/plan.ts";
import { MATCH_DAY_REPORT_TITLE, SOAP_MATCH_DAY_TITLE } from "#domain/planner/match-day.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Match Day for an applicant in SOAP: NRMP told them on Monday that they
 * did not match, so Match Day is not where they "learn where they matched"; the SOAP offer they
 * accepted in R3 is their position (binding, https://www.nrmp.org/residency-applicants/soap/).
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
);
const inSoap = (soap: "in_progress" | "done"): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...certified,
    // In SOAP the README's way: Match Week marked done beside SOAP in progress is
    // MATCH_WEEK_SOAP_CONFLICT, which asserts neither outcome; beside SOAP done it is no conflict.
    milestones: [
      ...certified.milestones,
      ...(soap === "done"
        ? [{ key: "match_week" as const, status: "done" as const, date: "2027-03-15" }]
        : []),
      { key: "soap", status: soap },
    ],
  });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const matchDayOf = (result: Plan) => result.nextSteps.find((step) => step.milestone === "match_day");
const TUESDAY = "2027-03-16T12:00:00Z";
const WEDNESDAY_AFTER_FIRST_ROUND = "2027-03-17T16:00:00Z";
const FRIDAY_AFTER_RELEASE = "2027-03-19T18:00:00Z";
const matchDay = seasonCalendar(2027).dates.nrmp_match_day.iso;

describe("Match Day for an applicant in SOAP", () => {
  // SOAP done is an accepted SOAP position: Match Day is
  // then presumed done from it, so only SOAP in progress is asked for its offer (below for done).
  it.each(["in_progress"] as const)("during Match Week (SOAP %s): the SOAP offer is the result", (soap) => {
    const result = planAt(inSoap(soap), TUESDAY);
    const step = matchDayOf(result);
    // While SOAP runs no offer may be accepted yet: asked to tell us once she accepts one.
    expect(step?.title).toBe(SOAP_OFFER_AHEAD_TITLE);
    // By the contract's date (advice), as after the release, never the release itself.
    expect(step?.deadline?.at).toBe(result.blocked.find((b) => b.milestone === "contract")?.deadline?.at);
    expect(step?.deadline?.at).not.toBe(matchDay);
    expect(step?.action).toContain("NRMP told you on Monday that you did not match");
    expect(step?.action).toContain("SOAP offer you accept in R3 is your position");
    expect(step?.action).toContain("the 2027 Match is over for you");
    expect(step?.action).not.toMatch(/learn where you matched|Open R3 at the release time/);
    // Its questions (from the release) speak as the step does.
    const rungs = result.reminders.filter((r) => r.milestone === "match_day");
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) {
      expect(rung.title).toBe(SOAP_MATCH_DAY_TITLE);
      expect(rung.why).toContain("SOAP offer");
    }
  });

  it("SOAP done (an accepted position): Match Day is not asked, and the contract waits for nothing from it", () => {
    // From the first offer round (Wed 9:00 AM ET as planned): undated before it, SOAP done is no
    // accepted offer (SOAP_DONE_BEFORE_OFFERS, soap-done-before-offers.test.ts).
    for (const now of [WEDNESDAY_AFTER_FIRST_ROUND, FRIDAY_AFTER_RELEASE]) {
      const result = planAt(inSoap("done"), now);
      expect(matchDayOf(result)?.title).not.toBe(SOAP_MATCH_DAY_TITLE);
      expect(result.reminders.filter((r) => r.rung === "match-day-result")).toEqual([]);
      const contract = result.blocked.find((step) => step.milestone === "contract");
      expect(contract?.waitingFor ?? []).not.toContain("match_day");
    }
  });

  it("after the release: asks which SOAP offer they accepted, once, not where they matched", () => {
    const result = planAt(inSoap("in_progress"), FRIDAY_AFTER_RELEASE);
    const step = matchDayOf(result);
    expect(step?.title).toBe(SOAP_MATCH_DAY_TITLE);
    expect(step?.action).not.toContain("Tell us where you matched");
    const asks = result.reminders.filter((r) => r.rung === "match-day-result");
    expect(asks.map((r) => r.title)).toEqual([SOAP_MATCH_DAY_TITLE]);
    expect(asks[0]?.why).toContain("NRMP told you on Monday that you did not match");
  });

  it("keeps 'where you matched' for an applicant who matched on Monday", () => {
    const matched = ApplicantSnapshotSchema.parse({
      ...certified,
      milestones: [...certified.milestones, { key: "match_week", status: "done", date: "2027-03-15" }],
    });
    expect(matchDayOf(planAt(matched, TUESDAY))?.title).toBe("Match Day: learn where you matched");
    const after = planAt(matched, FRIDAY_AFTER_RELEASE);
    expect(matchDayOf(after)?.title).toBe(MATCH_DAY_REPORT_TITLE);
    expect(matchDayOf(after)?.action).toContain("Tell us where you matched");
  });
});
