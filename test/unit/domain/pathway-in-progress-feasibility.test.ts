import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// A Lagos applicant for the 2027 Match (Step 1, Step 2 CK, ERAS, NRMP
// done; OET done 20 Dec 2026) reports her ECFMG Pathway "in_progress" with no date. In progress is
// ambiguous: submitted and under ECFMG's review, or still being prepared. The plan said "your ECFMG
// Pathway application is not submitted" on 20 Jan 2027, and on 10 Feb 2027 wrote the 2027 Match off
// ("reported around Wed 10 Mar 2027", now + 28 days, as if submitted that day; "Pay no 2027 ERAS or
// NRMP fee"). It must ask her to confirm instead, and judge the season as if the review may be under way.

const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
] as const;
const lagos = (pathway: MilestoneEntry) =>
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      visa: "J-1",
      graduation: "2024-07-30",
    }),
    milestones: [
      ...DONE.map((key) => milestoneFactory(key, "done", "2026-09-01")),
      milestoneFactory("oet_medicine", "done", "2026-12-20"),
      pathway,
    ],
  });
const inProgress = lagos(milestoneFactory("ecfmg_pathway", "in_progress"));
const risk = (plan: Plan, code: string) => plan.risks.find((item) => item.code === code);
const messages = (plan: Plan) => plan.risks.map((item) => item.message).join("\n");

describe("a Pathway in progress with no date may be submitted already", () => {
  it("20 Jan 2027, its projected deadline passed: never 'is not submitted'; asked whether it went in, else submit it today, critical as one not started", () => {
    const plan = planFor(inProgress, "2027-01-20T12:00:00Z");
    const asked = risk(plan, "MATCH_YEAR_LAST_DAY");
    expect(asked?.severity).toBe("critical");
    expect(asked?.message).toContain("Have you submitted it? If so, tell us the date it went in");
    expect(asked?.message).toContain("If not, finish it and submit it today");
    expect(risk(plan, "PATHWAY_DEADLINE_PROJECTED")).toBeUndefined();
    expect(messages(plan)).not.toMatch(/\bis not submitted\b/);
    expect(risk(plan, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
  });

  it("10 Feb 2027, less than ECFMG's 28-day review before the ROL deadline: the season is not written off", () => {
    const plan = planFor(inProgress, "2027-02-10T12:00:00Z");
    expect(risk(plan, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(plan.matchYear).toBe(2027);
    const all = messages(plan);
    expect(all).not.toContain("Pay no 2027");
    expect(all).not.toMatch(/\bis not submitted\b/);
    expect(all).toContain("if you have, tell us the date you submitted it");
    // Too late only if not yet submitted: the ranking risk asks as well.
    expect(risk(plan, "EXAMS_LATE_FOR_RANKING")?.message).toContain(
      "if you have not submitted it yet, even submitted today it would not be decided in time; if you have, tell us the date you submitted it",
    );
  });

  it("in progress with a submission day in December: the review allowance has run, in reach, no projected-deadline warning", () => {
    const plan = planFor(
      lagos(milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-15")),
      "2027-02-10T12:00:00Z",
    );
    expect(risk(plan, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(risk(plan, "PATHWAY_DEADLINE_PROJECTED")).toBeUndefined();
  });

  it("not started on 10 Feb 2027: truly out of reach, as before", () => {
    const plan = planFor(lagos(milestoneFactory("ecfmg_pathway", "not_started")), "2027-02-10T12:00:00Z");
    expect(risk(plan, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
  });
});
