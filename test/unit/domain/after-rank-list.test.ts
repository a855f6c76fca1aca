import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { MATCH_DAY_REPORT_TITLE } from "#domain/planner/match-day.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * After the rank list: a certified list, Match Day passed, no result told (the plan went silent
 * with the contract and J-1 steps both overdue and blocked); a Match the applicant is not in
 * (counted as overdue steps); and SOAP's offers (answered "before SOAP ends").
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-certified-2027.json", SCENARIO_DIR), "utf8")),
);
const withMilestones = (milestones: ApplicantSnapshot["milestones"]): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({ ...certified, milestones });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const calendar = seasonCalendar(2027);
const POST_MATCH = [
  "match_week",
  "match_day",
  "contract",
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
];

describe("Match Day passed and no result told", () => {
  it.each(["2027-04-03T12:00:00Z", "2027-04-20T12:00:00Z", "2027-05-20T12:00:00Z", "2027-06-25T12:00:00Z"])(
    "at %s the plan keeps asking where they matched, overdue since the contract's date and weekly, and nothing is overdue and blocked",
    (now) => {
      const result = planAt(certified, now);
      const step = result.nextSteps.find((each) => each.milestone === "match_day");
      expect(step?.title).toBe(MATCH_DAY_REPORT_TITLE);
      // Past the contract's date the answer is overdue since it, the date the contract waits on.
      expect(step?.urgency).toBe("overdue");
      expect(step?.action).toContain("Statement of Need");
      expect(step?.action).toContain("4 to 6 weeks");
      const contract = result.blocked.find((each) => each.milestone === "contract");
      // The contract keeps that date as planned, never overdue: they may not have matched.
      expect(contract?.overdueSince).toBeUndefined();
      expect(step?.deadline?.at).toBe(contract?.deadline?.at);
      expect(result.overdue.filter((each) => each.milestone === "match_day")).toHaveLength(1);
      const asks = result.reminders.filter((each) => each.milestone === "match_day");
      expect(asks.length).toBeGreaterThan(0);
      // Each says "Overdue since" that date, and is kept until residency's start (its deadline).
      for (const ask of asks) expect(ask.overdueSince?.at).toBe(step?.deadline?.at);
      const questions = asks.filter((each) => each.rung === "match-day-weekly");
      for (const ask of questions) expect(ask.deadline).toBe(calendar.dates.residency_start.iso);
      // The next question is at most a week away.
      const next = Math.min(...asks.map((each) => Date.parse(each.sendAt)));
      expect(next - Date.parse(now)).toBeLessThanOrEqual(7 * 86_400_000);
      const blocked = new Set(result.blocked.map((each) => each.milestone));
      for (const late of result.overdue) expect(blocked.has(late.milestone)).toBe(false);
    },
  );

  it("raises MATCH_DAY_NOT_REPORTED, critical, from the contract's date, with a notice at once", () => {
    const before = planAt(certified, "2027-03-25T12:00:00Z");
    expect(before.risks.map((risk) => risk.code)).not.toContain("MATCH_DAY_NOT_REPORTED");
    const result = planAt(certified, "2027-04-20T12:00:00Z");
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Statement of Need");
    expect(risk?.sources).toContain("https://ecfmg.org/evsp/application-process.html");
    expect(
      result.reminders.some((each) => each.rung === "critical-risk" && each.milestone === "match_day"),
    ).toBe(true);
    // Told where they matched, the question and the risk stop.
    const told = planAt(
      withMilestones([...certified.milestones, { key: "match_day", status: "done", date: "2027-03-19" }]),
      "2027-04-20T12:00:00Z",
    );
    expect(told.risks.map((each) => each.code)).not.toContain("MATCH_DAY_NOT_REPORTED");
    expect(told.reminders.some((each) => each.rung === "match-day-weekly")).toBe(false);
  });

  it("asks each week under its own id, so the ledger sends each week's question once", () => {
    const ids = ["2027-04-20T12:00:00Z", "2027-04-27T12:00:00Z"].map(
      (now) => planAt(certified, now).reminders.find((each) => each.rung === "match-day-weekly")?.id,
    );
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe("the rank list deadline passed without a certified list", () => {
  it.each(["2027-04-20T12:00:00Z", "2027-06-20T12:00:00Z"])(
    "at %s, never registered with NRMP: no step of that Match is overdue, the plan has moved to the next Match",
    (now) => {
      // Not registered with NRMP: no SOAP either, so once late registration closed the plan moved to
      // the next Match (registered and silent past the contract's day, it moves too: season-over-silence.test.ts).
      const result = planAt(
        withMilestones(
          certified.milestones.filter(
            (each) => each.key !== "rank_order_list" && each.key !== "nrmp_registration",
          ),
        ),
        now,
      );
      expect(result.risks.map((risk) => risk.code)).toContain("NRMP_REGISTRATION_CLOSED");
      expect(result.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
      const overdue = result.overdue.map((each) => each.milestone);
      for (const key of POST_MATCH) expect(overdue).not.toContain(key);
      expect(overdue).not.toContain("nrmp_registration");
    },
  );
});

describe("a SOAP participant", () => {
  // In SOAP the README's way: SOAP in progress, Match Week not marked done (both at
  // once is MATCH_WEEK_SOAP_CONFLICT, whose SOAP words stay conditional and send no Monday notice).
  const inSoap = withMilestones([...certified.milestones, { key: "soap", status: "in_progress" }]);
  const MONDAY_NOON_ET = "2027-03-15T16:00:00Z";

  it("is told Monday's applications, the offer rounds and that an offer expires with its round", () => {
    const step = planAt(inSoap, MONDAY_NOON_ET).nextSteps.find((each) => each.milestone === "soap");
    expect(step?.action).toContain("45");
    expect(step?.action).toContain("within its round");
    expect(step?.action).toContain("check NRMP's Match Week schedule");
    expect(step?.action).not.toContain("before SOAP ends");
    expect(step?.why).toContain("timed rounds");
  });

  it("hears on Monday (send the applications), then every morning before and during the offer rounds", () => {
    const reminders = planAt(inSoap, MONDAY_NOON_ET).reminders.filter((each) => each.milestone === "soap");
    const rungs = reminders.map((each) => each.rung);
    // Kolkata's day runs ahead of ET: each rung is laid against its ET day's rounds,
    // not SOAP's end (early Friday there), so Wednesday's rounds keep their own morning notice.
    expect(rungs).toEqual([
      "soap-applications",
      "soap-before-offer-rounds",
      "soap-offer-round",
      "soap-last-offer-rounds",
    ]);
    // Monday itself (noon ET is evening in Kolkata, outside quiet hours), never first on Wednesday.
    expect(Date.parse(reminders[0]?.sendAt ?? "")).toBeLessThan(Date.parse("2027-03-16T04:00:00Z"));
    for (const each of reminders)
      expect(Date.parse(each.sendAt)).toBeLessThan(Date.parse(calendar.dates.nrmp_soap_ends.iso));
  });
});
