import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * In progress, each step says what finishes it: most steps showed their not-started
 * text when in progress (letters: "Ask your writers now…" to someone who had asked). Data-driven
 * over the catalog, so a new milestone must bring its own in-progress text.
 */
describe("in-progress texts", () => {
  // The budget's action is the budget itself (step-text.ts), whatever its status.
  const steps = MILESTONE_CATALOG.filter((entry) => entry.key !== "budget");

  it.each(steps.map((entry) => [entry.key, entry] as const))(
    "%s says what finishes it when in progress, not its not-started text",
    (_key, entry) => {
      const text = entry.statusActions?.inProgress;
      expect(text).toBeTypeOf("string");
      expect(text).not.toBe(entry.action);
    },
  );

  it("plans a mid-season applicant with the in-progress texts (letters, NRMP, USCE)", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done"),
        milestoneFactory("ecfmg_application", "done"),
        milestoneFactory("usmle_step1", "done"),
        milestoneFactory("usmle_step2ck", "done"),
        milestoneFactory("oet_medicine", "done"),
        milestoneFactory("ecfmg_pathway", "in_progress"),
        ...(
          ["eras_token", "lors", "personal_statement", "program_list", "nrmp_registration", "usce"] as const
        ).map((key) => milestoneFactory(key, "in_progress")),
      ],
    });
    const result = plan(input, seasonCalendar(2027), new Date("2026-08-20T03:00:00Z"));
    for (const key of ["lors", "personal_statement", "program_list", "nrmp_registration", "usce"] as const) {
      const entry = MILESTONE_CATALOG.find((candidate) => candidate.key === key);
      const next = result.nextSteps.find((candidate) => candidate.milestone === key);
      // The ERAS token is still in progress, so the steps done in MyERAS read their in-progress words
      // before the token: in progress still, never the first-time text.
      const inProgress =
        entry?.beforeToken?.inProgress?.split("{onceMyeras}")[0] ?? entry?.statusActions?.inProgress;
      expect(next?.action, key).toContain(inProgress ?? "(none)");
    }
  });
});
