import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderEt } from "#domain/time.ts";
import { certifiedListInLagos, milestoneFactory } from "./factories.ts";

/**
 * Tester t9j F1, F2: a J-1 applicant in Lagos with everything done and a certified 2027 rank list,
 * who never tells us Match Day's result. From residency's start (1 Jul 2027) the plan went silent
 * (no risk, no reminder), showed Match Day overdue by its passed April date with the release's
 * text beside five blocked post-Match steps dated April–June, and CERTIFICATION_AFTER_START said
 * the certificate "can complete around" the plan's own `now` with nothing outstanding.
 */
const input = certifiedListInLagos("lagos-unreported");
const planAt = (now: string, milestones = input.milestones): Plan =>
  plan({ ...input, milestones }, seasonCalendar(2027), new Date(now));
const next = seasonCalendar(2028).dates;
const POST_MATCH = ["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"];
const AFTER_START = [
  "2027-07-01T09:00:00Z",
  "2027-07-20T09:00:00Z",
  "2027-09-01T09:00:00Z",
  "2027-12-01T09:00:00Z",
];

describe("t9j F1: the 2027 Match is over and Match Day was never reported", () => {
  it.each(AFTER_START)("at %s the plan says the Match is over and keeps asking, urgently", (now) => {
    const result = planAt(now);
    const step = result.nextSteps.find((each) => each.milestone === "match_day");
    expect(step?.urgency).toBe("urgent");
    expect(step?.title).toContain("2027 Match is over");
    expect(step?.action).not.toContain("Match results are out");
    // The 2028 season's dates, from its season data: when ERAS opens and when applications go out.
    expect(step?.action).toContain(renderEt(next.eras_season_opens_myeras.at));
    expect(step?.action).toContain(renderEt(next.eras_applicants_may_submit.at));
    // No passed date of the 2027 Match as the thing to do next.
    expect(Date.parse(step?.deadline?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(now));
    expect(result.overdue.map((each) => each.milestone)).not.toContain("match_day");
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("2027 Match is over");
  });

  it.each(AFTER_START)("at %s no post-Match step waits for a Match Day that passed", (now) => {
    const result = planAt(now);
    const blocked = result.blocked.map((each) => each.milestone);
    for (const key of POST_MATCH) expect(blocked).not.toContain(key);
    const overdue = new Set(result.overdue.map((each) => each.milestone));
    for (const step of result.blocked) expect(overdue.has(step.milestone)).toBe(false);
  });

  it("asks once a week under the week's own id, the same id for the same week", () => {
    const asks = ["2027-07-01T09:00:00Z", "2027-07-02T09:00:00Z", "2027-07-09T09:00:00Z"].map((now) =>
      planAt(now).reminders.filter((each) => each.rung === "match-day-weekly"),
    );
    for (const week of asks) {
      expect(week).toHaveLength(1);
      expect(week[0]?.title).toContain("2027 Match is over");
    }
    expect(asks[0]?.[0]?.id).toBe(asks[1]?.[0]?.id);
    expect(asks[2]?.[0]?.id).not.toBe(asks[0]?.[0]?.id);
    // The next question is at most a week away.
    expect(Date.parse(asks[0]?.[0]?.sendAt ?? "") - Date.parse("2027-07-01T09:00:00Z")).toBeLessThanOrEqual(
      7 * 86_400_000,
    );
  });

  it("once the 2028 rank order list deadline has passed too, points at the 2029 Match, never at a passed date", () => {
    const now = "2028-03-15T09:00:00Z";
    const result = planAt(now);
    const step = result.nextSteps.find((each) => each.milestone === "match_day");
    const later = seasonCalendar(2029).dates;
    expect(step?.action).toContain("the 2029 Match is your next one");
    expect(step?.action).toContain(renderEt(later.eras_applicants_may_submit.at));
    expect(Date.parse(step?.deadline?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(now));
    expect(result.overdue.map((each) => each.milestone)).not.toContain("match_day");
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.message).toContain("the 2029 Match is your next one");
  });

  it.each(["2027-04-20T09:00:00Z", "2027-07-20T09:00:00Z"])(
    "at %s, with Match Day held back by the school's unchecked listing, no risk asks for it",
    (now) => {
      const unchecked = plan(
        {
          ...input,
          applicant: {
            ...input.applicant,
            medicalSchool: { ...input.applicant.medicalSchool, wdomsSponsorNote: null },
          },
          milestones: input.milestones.filter((each) => each.key !== "wdoms_listing"),
        },
        seasonCalendar(2027),
        new Date(now),
      );
      expect(unchecked.blocked.map((each) => each.milestone)).toContain("match_day");
      expect(unchecked.risks.map((each) => each.code)).not.toContain("MATCH_DAY_NOT_REPORTED");
    },
  );

  it("told where they matched, the question and the risk stop", () => {
    const told = planAt("2027-07-20T09:00:00Z", [
      ...input.milestones,
      milestoneFactory("match_day", "done", "2027-03-19"),
    ]);
    expect(told.risks.map((each) => each.code)).not.toContain("MATCH_DAY_NOT_REPORTED");
    expect(told.reminders.some((each) => each.milestone === "match_day")).toBe(false);
  });
});
