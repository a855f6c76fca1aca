import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { milestoneFactory } from "./factories.ts";
import { EARLY_LIST, planFor, REPORTED } from "./registered-applicant.ts";

/**
 * An applicant who reports this season's ERAS
 * application submitted and NRMP registration done is in that Match as an interviewing applicant
 * is. The certification steps never reported (here Step 1, the ECFMG application and WDOMS, as a
 * late, partial intake leaves them) are presumed and asked about (CERTIFICATION_STATUS_UNREPORTED),
 * never a write-off with "ask NRMP about withdrawing"; a step reported is judged as reported; ERAS
 * alone is evidence of nothing. A rank order list dated before ranking opens is flagged in every
 * plan, the one moved to a later Match too.
 */
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
/** Every word the plan shows: steps, risks, reminders, budget. */
const words = (result: Plan) => JSON.stringify(result);

describe("ERAS submitted and NRMP registered, Step 1 never reported", () => {
  const result = planFor([...REPORTED, EARLY_LIST]);

  it("keeps the 2027 Match: no MATCH_YEAR_NOT_FEASIBLE, the rank list dated for 2027", () => {
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(result.matchYear).toBe(2027);
    const list = result.nextSteps.find((step) => step.milestone === "rank_order_list");
    expect(list?.deadline?.at).toMatch(/^2027-02-/);
  });

  it("asks for Step 1's status, naming the ERAS application and NRMP registration as the evidence", () => {
    const asked = risk(result, "CERTIFICATION_STATUS_UNREPORTED");
    expect(asked?.milestones).toContain("usmle_step1");
    expect(asked?.message).toContain(
      "You submitted your ERAS application and registered with NRMP for the 2027 Match",
    );
    expect(asked?.message).toContain("USMLE Step 1");
    expect(asked?.message).not.toContain("interview");
  });

  it("never tells the applicant to withdraw", () => {
    expect(words(result)).not.toMatch(/withdraw/i);
  });

  it("flags the rank list dated before ranking opens and does not count it", () => {
    expect(risk(result, "ROL_BEFORE_RANKING_OPENS")?.message).toContain(
      "dated Sat 28 Nov 2026, before ranking opens",
    );
    expect(result.nextSteps.some((step) => step.milestone === "rank_order_list")).toBe(true);
  });
});

describe("the same with Step 1 reported not started: asked whether preparation has begun", () => {
  const result = planFor([milestoneFactory("usmle_step1", "not_started"), ...REPORTED, EARLY_LIST]);

  it("is asked about, not written off, nothing presumed for Step 1", () => {
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message).toContain(
      "Your answers say your USMLE Step 1 is not started. Have you started preparing for it?",
    );
    expect(risk(result, "CERTIFICATION_STATUS_UNREPORTED")?.milestones ?? []).not.toContain("usmle_step1");
  });

  it("still flags the rank list dated 28 Nov 2026, as not counted", () => {
    const flagged = risk(result, "ROL_BEFORE_RANKING_OPENS");
    expect(flagged?.message).toContain("dated Sat 28 Nov 2026, before ranking opens");
    expect(flagged?.message).toContain("so it is not counted");
  });
});

describe("the same with Step 2 CK reported not started: asked, Step 1 still asked about", () => {
  const reported = REPORTED.filter((entry) => entry.key !== "usmle_step2ck");
  const result = planFor([milestoneFactory("usmle_step2ck", "not_started"), ...reported]);

  it("names the ERAS application and NRMP registration the presumption rests on, never an interview", () => {
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message).toContain("Have you started preparing for it?");
    const asked = risk(result, "CERTIFICATION_STATUS_UNREPORTED");
    expect(asked?.milestones).toEqual(["usmle_step1"]);
    expect(asked?.message).toContain(
      "You submitted your ERAS application and registered with NRMP for the 2027 Match",
    );
    expect(asked?.message).toContain("as your ERAS application and NRMP registration suggest");
    expect(asked?.message).not.toContain("interview");
  });
});

describe("ERAS submitted but not registered with NRMP, nothing else reported: no evidence", () => {
  const result = planFor([milestoneFactory("eras_application", "done", "2026-09-12")]);

  it("is judged as before: out of reach on the steps never reported, nothing presumed", () => {
    expect(codes(result)).toEqual(["MATCH_YEAR_NOT_FEASIBLE"]);
    const step1 = result.nextSteps.find((step) => step.milestone === "usmle_step1");
    expect(step1?.title).toBe("Pass USMLE Step 1");
  });
});

describe("ERAS and NRMP reported done on days still to come: not this season's record", () => {
  const result = planFor([
    milestoneFactory("usmle_step2ck", "done", "2026-05-20"),
    milestoneFactory("ecfmg_pathway", "done", "2026-07-15"),
    milestoneFactory("eras_application", "done", "2027-06-26"),
    milestoneFactory("nrmp_registration", "done", "2026-10-08"),
  ]);

  it("presumes nothing: Step 1 never reported stays not started", () => {
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(codes(result)).not.toContain("CERTIFICATION_STATUS_UNREPORTED");
  });
});
