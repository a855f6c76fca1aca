import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "../domain/factories.ts";

/**
 * A late arrival with exams and OET done, no ERAS application and no Pathway, around ECFMG's
 * projected Pathway deadline for the 2027 Match (Sat 26 Dec 2026, 6:00 PM ET). The plan weighs the
 * 2028 Match before the Pathway fee on the deadline's day; the same weighing must lead every push to
 * submit and pay the Pathway: the morning after (the passed-projection notice, its risk, the card),
 * and in a zone where the deadline falls in the early morning (Manila: the first email that night is
 * the Pathway's own "due in 8 hours" rung).
 */
function lateArrival(timezone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `pathway-weigh-${timezone}`,
      timezone,
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 60,
    }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
        "2026-03-01",
      ),
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  });
}

const planned = (timezone: string, now: string): Plan =>
  plan(lateArrival(timezone), seasonCalendar(2027), new Date(now));

const WEIGH =
  "Without an ERAS application this late, weigh the 2028 Match before you pay the Pathway or ERAS fees (see the ERAS warning): ECFMG ties a Pathway to one season's Match, and the 2028 Match takes that season's Pathways application.";
const WEIGH_TITLE =
  "No ERAS application this late: weigh the 2028 Match before you pay for a 2027 ECFMG Pathway";

describe("the Pathway pushed with no ERAS application this late", () => {
  it("the morning after the projected deadline, the notice, its risk and the card weigh 2028 first", () => {
    const result = planned("Africa/Lagos", "2026-12-27T08:00:00Z");
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.message.startsWith(`${WEIGH} Should you still apply for the 2027 Match: `)).toBe(true);
    expect(risk?.message).toContain("has passed");
    expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/info-applicants.html");
    const notice = result.reminders.find(
      (each) => each.rung === "critical-risk" && each.risk === "MATCH_YEAR_LAST_DAY",
    );
    expect(notice?.title).toBe(`${WEIGH_TITLE} (its deadline has passed on our projection)`);
    const card = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(card?.action.startsWith(`${WEIGH} Should you still apply for the 2027 Match: choose`)).toBe(true);
  });

  it("in Manila the night before the deadline, the Pathway's own countdown email weighs 2028 too", () => {
    const result = planned("Asia/Manila", "2026-12-26T14:30:00Z");
    const first = result.reminders.filter((each) => each.milestone === "ecfmg_pathway")[0];
    expect(first?.rung).toBe("deadline-in-1d");
    expect(first?.title).toBe(WEIGH_TITLE);
    const card = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(card?.action.startsWith(WEIGH)).toBe(true);
  });

  it("with the OET result still awaited, the card that says the Pathway need not wait for it weighs 2028 first", () => {
    const late = lateArrival("Africa/Lagos");
    const input = {
      ...late,
      milestones: [
        ...late.milestones.filter((each) => each.key !== "oet_medicine"),
        milestoneFactory("oet_medicine", "scheduled", "2026-11-21"),
      ],
    };
    const result = plan(input, seasonCalendar(2027), new Date("2026-12-20T09:00:00Z"));
    const card = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(card?.action.startsWith(WEIGH)).toBe(true);
    expect(card?.action.split(WEIGH).length).toBe(2);
  });

  it("with the ERAS application in, the Pathway's words are its own", () => {
    const late = lateArrival("Asia/Manila");
    const input = {
      ...late,
      milestones: [...late.milestones, milestoneFactory("eras_application", "done", "2026-09-10")],
    };
    const result = plan(input, seasonCalendar(2027), new Date("2026-12-26T14:30:00Z"));
    const card = result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(card?.action).not.toContain("weigh the 2028 Match");
    for (const each of result.reminders.filter((one) => one.milestone === "ecfmg_pathway"))
      expect(each.title).not.toContain("weigh");
  });
});
