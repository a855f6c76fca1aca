import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Deadline, Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * A whole-day date (a post-Match step's deadline, catalog `due.asDay`, or
 * a competitive target) is one calendar day everywhere, the day of the rule that sets it: the H-1B
 * stamping deadline read Wed 16 Jun 2027 in Lagos and Tue 15 Jun in Chicago, and the contract
 * ("14 days from the match_day due date", Match Day Fri 19 Mar 2027) read Thu 1 Apr in both.
 */

// Two groups: a plan abroad allows for a visitor visa before Step 3 (h1b.ts), so an H-1B
// applicant's certificate target moves with where they live, never with their zone's offset.
const US_ZONES = ["Pacific/Honolulu", "America/Los_Angeles", "America/Chicago", "America/New_York"] as const;
const ABROAD_ZONES = [
  "America/Sao_Paulo",
  "Europe/London",
  "Africa/Lagos",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Manila",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Kiritimati",
] as const;

const inputIn = (timezone: string, visa: "J-1" | "H-1B", matchYear: number) =>
  inputFactory({
    applicant: applicantFactory({ matchYear, timezone, visa, graduation: `${matchYear - 2}-06-30` }),
    milestones: doneMilestones(REGISTERED_KEYS, `${matchYear - 1}-09-01`),
  });

/** Every whole-day date of a plan, by step and kind ("contract deadline"). */
function wholeDays(result: Plan): Map<string, Deadline> {
  const days = new Map<string, Deadline>();
  const add = (key: string, date: Deadline | undefined) => {
    if (date?.precision === "day") days.set(key, date);
  };
  for (const step of result.nextSteps) {
    add(`${step.milestone} deadline`, step.deadline);
    add(`${step.milestone} target`, step.target);
  }
  for (const step of result.blocked) add(`${step.milestone} deadline`, step.deadline);
  for (const step of result.overdue) add(`${step.milestone} deadline`, step.deadline);
  return days;
}

const shown = (date: Deadline) => ({ local: date.local, et: date.et, day: date.day });

describe("a whole-day date is one calendar day in every zone", () => {
  it("gives the H-1B stamping deadline and the contract the rule's day, in Lagos and Chicago alike", () => {
    const now = "2026-11-30T12:00:00Z";
    for (const zone of ["Africa/Lagos", "America/Chicago"]) {
      const days = wholeDays(planFor(inputIn(zone, "H-1B", 2027), now));
      expect(shown(days.get("visa_h1b_stamping deadline") as Deadline)).toEqual({
        local: "Wed 16 Jun 2027",
        et: "Wed 16 Jun 2027",
        day: "2027-06-16",
      });
      // Match Day is Fri 19 Mar 2027: 14 days after it is Fri 2 Apr.
      expect(shown(days.get("contract deadline") as Deadline)).toEqual({
        local: "Fri 2 Apr 2027",
        et: "Fri 2 Apr 2027",
        day: "2027-04-02",
      });
    }
  });

  it("is due until its day ends where the applicant is (the contract on Fri 2 Apr)", () => {
    const contractIn = (zone: string) =>
      wholeDays(planFor(inputIn(zone, "J-1", 2027), "2026-11-30T12:00:00Z")).get("contract deadline");
    // The end of Fri 2 Apr 2027 in Lagos (UTC+1), before New York's (EDT, UTC-4), and in Chicago
    // (CDT, UTC-5), an hour after New York's.
    expect(contractIn("Africa/Lagos")?.at).toBe("2027-04-02T23:00:00.000Z");
    expect(contractIn("America/Chicago")?.at).toBe("2027-04-03T05:00:00.000Z");
  });

  it("holds for every zone, visa, Match year and instant (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom(...US_ZONES), fc.constantFrom(...US_ZONES)),
          fc.tuple(fc.constantFrom(...ABROAD_ZONES), fc.constantFrom(...ABROAD_ZONES)),
        ),
        fc.constantFrom("J-1" as const, "H-1B" as const),
        fc.constantFrom(2026, 2027, 2028),
        fc.integer({ min: -400, max: 200 }),
        ([zone, other], visa, matchYear, daysFromMatch) => {
          const now = new Date(Date.UTC(matchYear, 2, 15) + daysFromMatch * 86_400_000).toISOString();
          const here = wholeDays(planFor(inputIn(zone, visa, matchYear), now));
          const there = wholeDays(planFor(inputIn(other, visa, matchYear), now));
          for (const [key, date] of here) {
            expect(date.local, key).toBe(date.et);
            expect(date.day, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            const same = there.get(key);
            if (same !== undefined)
              expect(shown(date), `${key} in ${zone} and ${other}`).toEqual(shown(same));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the target-passed text gives a whole-day deadline as the step shows it (engineers' note)", () => {
  it("names the certificate's residency day as the step does, not the day after", () => {
    for (const zone of ["Africa/Cairo", "Africa/Lagos", "America/Chicago"]) {
      // 10 Jan 2027: the H-1B certificate target (Step 3's date less FSMB's 2 weeks, a seat and,
      // abroad, the visitor visa; Chicago's is 6 Jan) has passed in every zone, so follow-ups run.
      // Graduated 1 Dec 2026, the diploma's verification still runs: with nothing outstanding the
      // certificate would be a question with no target-passed text.
      const input = inputIn(zone, "H-1B", 2027);
      const verifying = { ...input, applicant: { ...input.applicant, graduation: "2026-12-01" } };
      const result = planFor(verifying, "2027-01-10T16:00:00Z");
      const shownDay = result.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.deadline
        ?.local;
      expect(shownDay).toBe("Wed 16 Jun 2027");
      const sent = result.reminders.filter(
        (r) =>
          r.milestone === "ecfmg_certification" && (r.rung === "after-target" || r.rung === "target-passed"),
      );
      expect(sent.length).toBeGreaterThan(0);
      for (const reminder of sent)
        expect(reminder.why).toContain("the certificate is needed by Wed 16 Jun 2027");
    }
  });
});
