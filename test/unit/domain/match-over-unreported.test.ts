import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { SPONSOR_NOTE_EVIDENCE } from "#domain/planner/sponsor-note-evidence.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderEt } from "#domain/time.ts";
import { certifiedListInLagos, milestoneFactory } from "./factories.ts";

/**
 * A J-1 applicant in Lagos with everything done and a certified 2027 rank list,
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

describe('the 2027 Match is over and Match Day was never reported ("we never heard whether you matched")', () => {
  it.each(AFTER_START)("at %s the plan says the Match is over and keeps asking", (now) => {
    const result = planAt(now);
    const step = result.nextSteps.find((each) => each.milestone === "match_day");
    expect(step?.title).toContain("We never heard whether you matched in the 2027 Match");
    expect(step?.action).not.toContain("Match results are out");
    expect(step?.action).not.toContain("can no longer be done");
    // The 2028 season's dates, from its season data: when ERAS opens and when applications go out.
    expect(step?.action).toContain(renderEt(next.eras_season_opens_myeras.at));
    expect(step?.action).toContain(renderEt(next.eras_applicants_may_submit.at));
    // Due by the 2028 Match's ERAS submission day, fixed by the season
    // (before it the date moved with now): overdue only once it has passed.
    expect(Date.parse(step?.deadline?.at ?? "")).toBe(next.eras_applicants_may_submit.at);
    const overdue = result.overdue.some((each) => each.milestone === "match_day");
    expect(overdue).toBe(Date.parse(now) > next.eras_applicants_may_submit.at);
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    // A warning by then: its critical notice went at the contract's date.
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain("We never heard whether you matched in the 2027 Match");
  });

  it.each(AFTER_START)("at %s no post-Match step waits for a Match Day that passed", (now) => {
    const result = planAt(now);
    const blocked = result.blocked.map((each) => each.milestone);
    for (const key of POST_MATCH) expect(blocked).not.toContain(key);
    const overdue = new Set(result.overdue.map((each) => each.milestone));
    for (const step of result.blocked) expect(overdue.has(step.milestone)).toBe(false);
  });

  it("checks at most once a month under the month's own id, the same id within the month", () => {
    const asks = ["2027-07-05T09:00:00Z", "2027-07-25T09:00:00Z", "2027-08-05T09:00:00Z"].map((now) =>
      planAt(now).reminders.filter((each) => each.rung === "match-over-monthly"),
    );
    for (const month of asks) {
      expect(month).toHaveLength(1);
      expect(month[0]?.title).toContain("We never heard whether you matched in the 2027 Match");
    }
    expect(asks[0]?.[0]?.id).toBe(asks[1]?.[0]?.id);
    expect(asks[2]?.[0]?.id).not.toBe(asks[0]?.[0]?.id);
    expect(planAt("2027-07-05T09:00:00Z").reminders.map((each) => each.rung)).not.toContain(
      "match-day-weekly",
    );
  });

  it("once the 2028 rank order list deadline has passed too, points at the 2029 Match, never at a passed date", () => {
    const now = "2028-03-15T09:00:00Z";
    const result = planAt(now);
    const step = result.nextSteps.find((each) => each.milestone === "match_day");
    const later = seasonCalendar(2029).dates;
    expect(step?.action).toContain("your plan moves to the 2029 Match");
    expect(step?.action).toContain(renderEt(later.eras_applicants_may_submit.at));
    // Still the date the 2027 Match's season fixed, passed: asked, not re-dated.
    expect(Date.parse(step?.deadline?.at ?? "")).toBe(next.eras_applicants_may_submit.at);
    expect(result.reminders.filter((each) => each.milestone === "match_day")).toEqual([]);
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.message).toContain("your plan moves to the 2029 Match");
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
          // Without the steps that prove the note, which would lift the gate.
          milestones: input.milestones.filter(
            (each) => each.key !== "wdoms_listing" && !SPONSOR_NOTE_EVIDENCE.includes(each.key),
          ),
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
