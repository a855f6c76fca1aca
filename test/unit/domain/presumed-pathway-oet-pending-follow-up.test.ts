import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * A Pathway an interview presumes sent while the OET is
 * still to be sat cannot have been decided by ECFMG before that OET's result: its one "did ECFMG
 * accept it?" follow-up waits for the OET's expected result (its date plus the catalog's 21-day
 * allowance, advice) plus ECFMG's 28-day review allowance (advice). Rahim: Dhaka, J-1, interview
 * 8 Dec 2026 for the 2027 Match (Pathway deadline Sat 26 Dec 2026, projected).
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;
/** ECFMG's projected deadline for a Pathway's supporting documents: 29 days before the ROL deadline (catalog). */
const DOCUMENTS_DUE = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at - 29 * DAY;

function rahim(milestones: ReturnType<typeof milestoneFactory>[]) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "ppo-1",
      timezone: "Asia/Dhaka",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones,
    interviews: [interviewFactory({ program: "Hillside IM", startsAt: "2026-12-08T10:00:00-05:00" })],
  });
}

const followUps = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "ecfmg_pathway" && r.rung === "result-follow-up");

describe("a Pathway presumed sent, the OET not yet passed", () => {
  it("an OET sat on 2 Jan: the follow-up waits for its result plus ECFMG's review, not before", () => {
    const result = plan(
      rahim([milestoneFactory("oet_medicine", "in_progress", "2027-01-02")]),
      calendar,
      new Date("2027-01-06T04:00:00Z"),
    );
    const sent = followUps(result).map((r) => Date.parse(r.sendAt));
    expect(sent.length).toBe(1);
    expect(sent[0]).toBeGreaterThanOrEqual(Date.parse("2027-01-02T00:00:00+06:00") + (21 + 28) * DAY);
  });

  it("an OET not yet booked: no follow-up before ECFMG could have its result (its supporting-documents deadline) and review it", () => {
    const result = plan(
      rahim([milestoneFactory("oet_medicine", "in_progress")]),
      calendar,
      new Date("2027-01-06T04:00:00Z"),
    );
    for (const r of followUps(result))
      expect(Date.parse(r.sendAt)).toBeGreaterThanOrEqual(DOCUMENTS_DUE + 28 * DAY - DAY);
  });
});
