import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Plan } from "#domain/plan.ts";
import { MATCH_DAY_REPORT_TITLE } from "#domain/planner/match-day.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// After Match Day with the result untold, Match Day's question is the first next step;
// after the rank order list deadline no card speaks of ranking as ahead or of a risk not shown.

const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

// An H-1B applicant whose 2027 list is certified, the certificate and Step 3 never reported.
const h1bCertified = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-06-30", visa: "H-1B" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      milestoneFactory("rank_order_list", "done", "2027-02-12"),
    ],
  });

describe.each(["Africa/Accra", "Pacific/Auckland"])(
  "after Match Day, Match Day's question comes first, and the certificate's card is about now, %s",
  (zone) => {
    it("lists 'Match Day: tell us where you matched' first, the H-1B certificate after it", () => {
      for (const now of ["2027-03-22T09:00:00Z", "2027-03-29T09:00:00Z"]) {
        const result = planFor(h1bCertified(zone), now);
        const listed = listedInReadingOrder(result, zone);
        expect(listed[0]?.title, now).toBe(MATCH_DAY_REPORT_TITLE);
        expect(result.nextSteps[0]?.title, now).toBe(MATCH_DAY_REPORT_TITLE);
        expect(listed.some((step) => step.milestone === "ecfmg_certification")).toBe(true);
      }
    });

    it("after the rank order list deadline, the certificate's card speaks of the petition, never of ranking or an absent risk", () => {
      for (const now of ["2027-03-16T09:00:00Z", "2027-03-22T09:00:00Z"]) {
        const result = planFor(h1bCertified(zone), now);
        const action = stepOf(result, "ecfmg_certification")?.action ?? "";
        expect(riskOf(result, "STEP3_NEEDED_FOR_H1B"), now).toBeUndefined();
        expect(action, now).not.toContain("see the Step 3 risk");
        expect(action, now).not.toMatch(/ranking on H-1B/);
        expect(action, now).toContain("H-1B petition needs your ECFMG certificate and a Step 3 pass");
        expect(action, now).toContain("on which visa");
      }
    });

    it("before the deadline, the certificate's H-1B day is tagged projected, and the Step 3 risk it names is shown", () => {
      for (const now of ["2026-11-20T09:00:00Z", "2027-01-20T09:00:00Z", "2027-02-20T09:00:00Z"]) {
        const result = planFor(h1bCertified(zone), now);
        const action = stepOf(result, "ecfmg_certification")?.action ?? "";
        expect(action, now).toMatch(
          /For ranking on H-1B (you need it|it was needed) by [A-Z][a-z]{2} \d+ [A-Z][a-z]{2} \d{4} \(our advice\)/,
        );
        if (action.includes("Step 3 risk")) expect(riskOf(result, "STEP3_NEEDED_FOR_H1B"), now).toBeDefined();
      }
    });
  },
);

// Certified or not, no card of an H-1B applicant points to the Step 3 risk when the plan does not show it.
const certificateDone = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-06-30", visa: "H-1B" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      milestoneFactory("rank_order_list", "done", "2027-02-12"),
    ],
  });

describe.each(["Africa/Accra", "Pacific/Auckland"])(
  "no card refers to a Step 3 risk not shown, %s",
  (zone) => {
    it("before and after the rank order list deadline, certified or not", () => {
      for (const input of [h1bCertified(zone), certificateDone(zone)])
        for (const now of [
          "2027-01-20T09:00:00Z",
          "2027-02-20T09:00:00Z",
          "2027-03-16T09:00:00Z",
          "2027-03-22T09:00:00Z",
        ]) {
          const result = planFor(input, now);
          const pointing = result.nextSteps.filter((step) => step.action.includes("Step 3 risk"));
          if (pointing.length > 0) expect(riskOf(result, "STEP3_NEEDED_FOR_H1B"), now).toBeDefined();
        }
    });
  },
);
