import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant who submitted ERAS and registered with NRMP but never told us about the OET or the
 * Pathway has both presumed done; each decides the Match (ECFMG must confirm the Pathway by the
 * rank order list deadline). An advisor holding the snapshot asks about both at once, at the next
 * delivery slot, in one email, then chases before each one's own last days: never four days later
 * for the OET, nor six days before the Pathway's deadline, over Christmas, for the Pathway.
 * Two far zones: Auckland and Honolulu, on Sun 6 Dec 2026 at noon.
 */
const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
] as const;
const DAY = 86_400_000;

function planIn(timezone: string, now: string): Plan {
  return planFor(
    inputFactory({
      applicant: applicantFactory({
        timezone,
        matchYear: 2027,
        graduation: "2025-08-31",
        programsPlanned: 60,
      }),
      milestones: DONE.map((key) => milestoneFactory(key, "done", "2026-09-15")),
    }),
    now,
  );
}
const questions = (result: Plan): Reminder[] =>
  result.reminders.filter((reminder) => reminder.rung.startsWith("status-question"));
const about = (asked: Reminder[], words: string): Reminder[] =>
  asked.filter((reminder) => reminder.title.includes(words));

describe.each([
  ["Auckland", "Pacific/Auckland", "2026-12-06T12:00:00+13:00", "2026-12-07T09:00:00.000+13:00"],
  ["Honolulu", "Pacific/Honolulu", "2026-12-06T12:00:00-10:00", "2026-12-07T09:00:00.000-10:00"],
])("OET and the Pathway never reported, beside ERAS and NRMP (%s)", (_, timezone, now, nextSlot) => {
  const result = planIn(timezone, now);
  const asked = questions(result);

  it("asks about both at the next delivery slot, in the one email", () => {
    expect(result.risks.map((risk) => risk.code)).toContain("CERTIFICATION_STATUS_UNREPORTED");
    for (const words of ["OET Medicine", "ECFMG Pathway application"]) {
      const first = about(asked, words)[0];
      expect(first?.sendAtLocal).toBe(nextSlot);
    }
  });

  it("asks again before each one's own last days, the Pathway more than a week before its deadline", () => {
    for (const words of ["OET Medicine", "ECFMG Pathway application"])
      expect(about(asked, words).length).toBeGreaterThanOrEqual(2);
    const pathway = about(asked, "ECFMG Pathway application")[0] as Reminder;
    expect(Date.parse(pathway.deadline) - Date.parse(pathway.sendAt)).toBeGreaterThan(14 * DAY);
    // Each question at most once per rung and day: stable ids.
    expect(new Set(asked.map((reminder) => reminder.id)).size).toBe(asked.length);
  });
});
