import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "../domain/factories.ts";

/**
 * A late arrival on the day of ECFMG's projected Pathway deadline for the 2027 Match (Sat 26 Dec
 * 2026, 6:00 PM ET; midnight in Lagos), exams and OET done, but no ERAS application, letters or NRMP
 * registration: most interview invitations are out, and the plan says to weigh the 2028 Match before
 * paying ERAS fees. The Pathway is a fee for the 2027 Match alone, so the same weighing covers it,
 * first, and the notice's title never says "the 2027 Match is in reach". The applicant whose ERAS
 * application is in keeps the words she had.
 */
function lagos(erasDone: boolean): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `pathway-day-${erasDone ? "eras" : "no-eras"}`,
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 80,
    }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
        "2026-03-01",
      ),
      milestoneFactory("ecfmg_pathway", "not_started"),
      ...(erasDone
        ? [
            ...doneMilestones(
              ["lors", "personal_statement", "cv", "program_list", "eras_token"],
              "2026-07-01",
            ),
            milestoneFactory("eras_application", "done", "2026-09-10"),
            milestoneFactory("nrmp_registration", "done", "2026-10-02"),
          ]
        : []),
    ],
  });
}

/** 1:00 PM in Lagos on the projected deadline's day. */
const planned = (erasDone: boolean): Plan =>
  plan(lagos(erasDone), seasonCalendar(2027), new Date("2026-12-26T12:00:00Z"));

const lastDayNotice = (result: Plan) =>
  result.reminders.find((each) => each.rung === "critical-risk" && each.risk === "MATCH_YEAR_LAST_DAY");

describe("the projected Pathway deadline's day with no ERAS application", () => {
  it("the notice weighs the 2028 Match before the Pathway fee, never 'in reach'", () => {
    const title = lastDayNotice(planned(false))?.title;
    expect(title).toBe(
      "No ERAS application this late: weigh the 2028 Match before you pay for a 2027 ECFMG Pathway (its deadline is projected)",
    );
  });

  it("the risk weighs the Pathway fee with the ERAS fees, first, and says why, with ECFMG's pages", () => {
    const risk = planned(false).risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.message).toMatch(
      /^Without an ERAS application this late, weigh the 2028 Match before you pay the Pathway or ERAS fees \(see the ERAS warning\): ECFMG ties a Pathway to one season's Match, and the 2028 Match takes that season's Pathways application\. Should you still apply for the 2027 Match, /,
    );
    expect(risk?.message).not.toContain("weigh the 2028 Match before you pay ERAS fees");
    expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/info-applicants.html");
  });

  it("with the ERAS application in, the notice and the risk keep their words", () => {
    const result = planned(true);
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.message).not.toContain("weigh the 2028 Match");
    const title = lastDayNotice(result)?.title;
    if (title !== undefined) expect(title).not.toContain("weigh");
  });
});
