import { expect } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { Scenario } from "./finding-scenarios.ts";

/**
 * Re-applicants: a Match-year switch keeps exams and
 * certification but not last season's ERAS, NRMP, ranking and outcome work (past-season.ts).
 */
/** A fee's status, counted or listed with the fees to verify (NRMP registration). */
const status = (result: Plan, key: string) =>
  [...result.budget.items, ...(result.budget.toVerify ?? [])].find((item) => item.key === key)?.status;
const planned = (result: Plan): string[] => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.blocked.map((step) => step.milestone),
];

export const REAPPLICANT_SCENARIOS: Scenario[] = [
  {
    // Unmatched in the 2026 Match (applied in Sept 2025), now on the 2027 Match in June 2026.
    name: "reapplicant-unmatched-2026-now-2027",
    now: "2026-06-15T09:00:00Z",
    assess(result) {
      for (const key of [
        "eras_token",
        "eras_application",
        "nrmp_registration",
        "rank_order_list",
        "match_week",
        "soap",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ])
        expect(planned(result)).toContain(key);
      for (const key of ["usmle_step1", "usmle_step2ck", "ecfmg_pathway", "ecfmg_certification", "usce"])
        expect(planned(result)).not.toContain(key);
      expect(status(result, "usmle_step1_exam")).toBe("spent");
      expect(status(result, "eras_token")).toBe("upcoming");
      expect(status(result, "eras_programs")).toBe("upcoming");
      expect(status(result, "nrmp_registration")).toBe("upcoming");
      const token = result.nextSteps.find((step) => step.milestone === "eras_token");
      expect(token?.action).toContain("does not count for the 2027 Match");
    },
  },
  {
    // A 2027 applicant with ERAS submitted and NRMP registered who switches to 2028 (the console's
    // what-if plans the same way): the 2027 token, application, letters' season, statement and
    // program list come back; the Step 2 CK booking and the exams stay.
    name: "match-year-switched-to-2028",
    now: "2026-11-30T09:00:00Z",
    assess(result) {
      for (const key of [
        "eras_token",
        "eras_application",
        "nrmp_registration",
        "personal_statement",
        "program_list",
      ])
        expect(planned(result)).toContain(key);
      expect(result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action).toContain(
        "Your exam is on Wed 20 Jan 2027",
      );
      // Letters still being gathered are this season's work: no "earlier season" note.
      expect(result.nextSteps.find((step) => step.milestone === "lors")?.action).not.toContain("earlier");
      expect(status(result, "eras_token")).toBe("upcoming");
      expect(status(result, "usmle_step2ck_exam")).toBe("spent");
    },
  },
];
