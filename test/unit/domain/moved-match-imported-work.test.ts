import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A Karachi applicant of the 2027 Match, not matched and not in SOAP ("Not for me" on Match Week's
 * Monday, after NRMP's release): the plan moves to the 2028 Match and brings back the steps done for
 * 2027. Letters and the application's data are imported into the new season's MyERAS application
 * (catalog `redoneEachSeason.imports`): their text must not also say the 2028 Match "needs it done
 * again". Steps truly redone each season (the personal statement, NRMP registration) keep saying so.
 */
const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Karachi", graduation: "2024-12-15" });
const milestones = [
  milestoneFactory("wdoms_listing", "done", "2025-01-10"),
  milestoneFactory("ecfmg_application", "done", "2025-02-01"),
  milestoneFactory("usmle_step1", "done", "2025-06-10"),
  milestoneFactory("usmle_step2ck", "done", "2025-11-10"),
  milestoneFactory("oet_medicine", "done", "2025-12-06"),
  milestoneFactory("ecfmg_pathway", "done", "2026-02-01"),
  milestoneFactory("ecfmg_certification", "done", "2026-05-20"),
  milestoneFactory("usce", "done", "2026-06-30"),
  milestoneFactory("lors", "done", "2026-08-20"),
  milestoneFactory("personal_statement", "done", "2026-08-20"),
  milestoneFactory("cv", "done", "2026-08-20"),
  milestoneFactory("program_list", "done", "2026-08-25"),
  milestoneFactory("eras_token", "done", "2026-06-10"),
  milestoneFactory("eras_application", "done", "2026-09-03"),
  milestoneFactory("nrmp_registration", "done", "2026-09-20"),
  milestoneFactory("usmle_step3", "done", "2026-10-20"),
  milestoneFactory("rank_order_list", "done", "2027-02-18"),
  milestoneFactory("soap", "waived", "2027-03-15"),
];
const NOW = new Date("2027-03-15T15:00:00Z"); // Mon 15 Mar 2027, 11:00 AM ET

function action(result: Plan, key: string): string | undefined {
  return result.nextSteps.find((each) => each.milestone === key)?.action;
}

describe("re-applicant moved to the 2028 Match: imported work is not 'done again'", () => {
  const result = plan(inputFactory({ applicant, milestones }), seasonCalendar(2027), NOW);

  it.each(["lors", "cv"])("%s asks to import, and does not say the 2028 Match needs it done again", (key) => {
    const text = action(result, key);
    expect(text).toMatch(/import your/i);
    expect(text).not.toMatch(/needs it done again/);
  });

  it.each(["personal_statement", "nrmp_registration"])(
    "%s, redone each season, keeps the sentence",
    (key) => {
      expect(action(result, key)).toMatch(
        /What you did for the 2027 Match was for that Match only: the 2028 Match needs it done again/,
      );
    },
  );
});
