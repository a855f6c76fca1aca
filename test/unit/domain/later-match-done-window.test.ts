import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A plan moved to the 2028 Match plans its ERAS and NRMP steps, so
 * their Done buttons must follow the 2028 Match's windows, not the 2027 Match's: a Done recorded
 * in December 2026 would count for the 2027 season and the plan would ask for the step again.
 */
const NOW = new Date("2026-12-02T09:00:00Z");
const planFor = (matchYear: number) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear,
        timezone: "Africa/Lagos",
        graduation: "2022-11-15",
        medicalSchool: { name: "Example College of Medicine", country: "NG", wdomsSponsorNote: true },
      }),
      milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2025-05-12"),
    }),
    seasonCalendar(matchYear),
    NOW,
  );

describe("Done on a step of the later Match a plan is moved to", () => {
  const moved = planFor(2027);
  const entered = planFor(2028);

  it("offers Done on a 2028 step only once its window for the 2028 Match opens", () => {
    // A token done in December 2026 would be the 2027 season's: the plan would ask for it again.
    const token = moved.nextSteps.find((step) => step.milestone === "eras_token");
    expect(token).toBeDefined();
    if (token === undefined) return;
    expect(actionsFor(token, moved, "Africa/Lagos", [])).not.toContain("done");
    expect(actionsFor(token, moved, "Africa/Lagos", [])).toEqual(
      actionsFor(token, entered, "Africa/Lagos", []),
    );
  });
});
