import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// The "too late for the X Match" badge names
// the latest Match the plan says is out of reach, the same X for every step of one plan.

const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);

// A 2027 applicant with Step 2 CK and the Pathway not started, moved on to the 2029 Match.
const moved = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-06-30" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"], "2025-06-01"),
      milestoneFactory("usmle_step2ck", "not_started"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  });

const tooLate = (result: Plan) =>
  result.nextSteps
    .map((step) => badgeWords(stepBadge(step, result.now, result.risks), step))
    .filter((words) => words.startsWith("too late for the"));

describe.each(["Asia/Karachi", "America/Chicago"])(
  "the 'too late' badge names the Match just before the targeted one, the same for every step, %s",
  (zone) => {
    for (const now of ["2027-10-15T09:00:00Z", "2028-01-20T09:00:00Z"]) {
      it(`at ${now}: every 'too late' badge names the 2028 Match, never 2027`, () => {
        const result = planFor(moved(zone), now);
        const badges = tooLate(result);
        expect(badges.length).toBeGreaterThanOrEqual(2);
        for (const words of badges) expect(words).toBe("too late for the 2028 Match");
        // A missed deadline shown beside the badge is that Match's, and has passed.
        for (const step of result.nextSteps) {
          if (step.missedDeadline === undefined || step.matchYears === undefined) continue;
          expect(step.matchYears.missed).toBe(2028);
          expect(Date.parse(step.missedDeadline.at)).toBeLessThan(Date.parse(now));
        }
      });
    }
  },
);

// A Step 2 CK sitting sat and never reported, once the 2027 Match is over, is dated for
// the 2028 Match and badged for it.
describe.each(["Asia/Karachi", "America/Chicago"])(
  "a sitting counted for the next Match once the Match is over reads 'too late for 2027', due for 2028, %s",
  (zone) => {
    it("names the 2027 Match as missed and the 2028 Match as due", () => {
      const input = inputFactory({
        applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2024-06-30" }),
        milestones: [
          ...doneMilestones(
            REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
            "2026-09-10",
          ),
          milestoneFactory("usmle_step2ck", "scheduled", "2027-01-20"),
        ],
      });
      const result = planFor(input, "2027-05-10T09:00:00Z");
      const step = stepOf(result, "usmle_step2ck");
      if (step?.matchYears === undefined) return; // not dated for the next Match in this case
      expect(step.matchYears).toEqual({ missed: 2027, due: 2028 });
      // Sat and unreported, its badge is the result's; its dates name both Matches, one rule with the badge.
      const words = stepDatesInline(step, Date.parse(result.now), result.risks) ?? "";
      expect(words).toContain("deadline for the 2027 Match");
      expect(words).toContain("for the 2028 Match due");
    });
  },
);
