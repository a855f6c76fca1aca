import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A Cairo re-applicant for the 2027 Match who registered with NRMP on 1 Oct 2025, for the 2026
// Match, and has applied through ERAS again. Her NRMP card asks her to register; an advisor says why
// her registration does not count: it was for the 2026 Match (NRMP opened that Match's registration
// on 15 Sep 2025), and each Match needs its own. Said on the card before the early deadline and after it.

const input: PlannerInput = inputFactory({
  applicant: applicantFactory({ externalId: "cairo-again", matchYear: 2027, timezone: "Africa/Cairo" }),
  milestones: [
    ...doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"],
      "2024-01-15",
    ),
    milestoneFactory("ecfmg_pathway", "done", "2024-05-01"),
    milestoneFactory("ecfmg_certification", "done", "2024-08-01"),
    milestoneFactory("eras_token", "done", "2026-06-10"),
    milestoneFactory("eras_application", "done", "2026-09-05"),
    milestoneFactory("nrmp_registration", "done", "2025-10-01"),
  ],
});
const cardAt = (iso: string) =>
  plan(input, seasonCalendar(2027), new Date(iso)).nextSteps.find(
    (step) => step.milestone === "nrmp_registration",
  )?.action;
const WHY =
  "Your NRMP registration of Wed 1 Oct 2025 was for the 2026 Match, whose registration opened on Mon 15 Sep 2025 (NRMP: https://www.nrmp.org/about/news/2025/09/medical-school-welcome-newsletter-2): NRMP registers applicants for one Match at a time, so the 2027 Match needs its own registration";

describe("a re-applicant whose NRMP registration was for the previous Match", () => {
  it("is told why it does not count after the early deadline, before the late-fee words", () => {
    const card = cardAt("2026-12-07T07:00:00Z");
    expect(card?.startsWith(WHY)).toBe(true);
    expect(card).toContain("The early registration deadline has passed");
  });

  it("is told the same before the early deadline", () => {
    expect(cardAt("2026-11-20T07:00:00Z")).toContain(WHY);
  });
});
