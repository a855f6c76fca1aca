import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import {
  applicantFactory,
  BEFORE_MATCH_KEYS,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * A Manila J-1 applicant moved to the 2028 Match was told the Statement of Need
 * and the J-1 sponsorship application were due "Sun 16 Apr 2028" (residency start less 75 days): a
 * Sunday, for a Ministry of Health and ECFMG that do not work Sundays. A due day of a step an office
 * acts on that falls on a weekend moves to the Friday before: earlier, never later. The sponsorship
 * is now counted back in whole weeks from the DS-2019 (ECFMG's review), so it keeps the DS-2019's
 * weekday; the visa, counted from residency's start, is one step the rule still moves.
 */
function planFor(matchYear: number, visa: Visa, now: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ matchYear, timezone: "Asia/Manila", visa }),
      milestones: [
        ...doneMilestones([...BEFORE_MATCH_KEYS, "rank_order_list"]),
        milestoneFactory("soap", "waived"),
      ],
    }),
    seasonCalendar(matchYear),
    new Date(now),
  );
}
/** Every dated step of a plan, next, blocked and overdue, with its due day as shown. */
function dueDays(result: Plan): Map<string, string> {
  const days = new Map<string, string>();
  for (const step of [...result.nextSteps, ...result.blocked])
    if (step.deadline !== undefined) days.set(step.milestone, step.deadline.et);
  return days;
}
const OFFICE_STEPS = MILESTONE_CATALOG.filter(
  (entry) => entry.due.from !== "none" && entry.due.officeDays === true,
).map((entry) => entry.key);

describe("an office step's due day is never a weekend", () => {
  it("moves the 2029 J-1 visa from Sat 16 Jun to Fri 15 Jun, and says why; the chain counted from it follows", () => {
    const result = planFor(2029, "J-1", "2028-03-25T03:00:00Z");
    const days = dueDays(result);
    expect(days.get("visa_j1")).toBe("Fri 15 Jun 2029");
    const visa = result.blocked.find((step) => step.milestone === "visa_j1");
    expect(visa?.deadline?.source).toContain("Friday before");
    // The DS-2019 a month before the visa, the sponsorship and the Statement of Need 6 weeks before that.
    expect(days.get("j1_ds2019")).toBe("Wed 16 May 2029");
    expect(days.get("j1_ecfmg_sponsorship")).toBe("Wed 4 Apr 2029");
    expect(days.get("j1_statement_of_need")).toBe("Wed 4 Apr 2029");
  });

  it("keeps a weekday as it is (the 2027 sponsorship, Mon 5 Apr)", () => {
    expect(dueDays(planFor(2027, "J-1", "2026-12-01T03:00:00Z")).get("j1_ecfmg_sponsorship")).toBe(
      "Mon 5 Apr 2027",
    );
  });

  it.each([2027, 2028, 2029, 2030, 2031, 2032])(
    "gives no office step of the %i Match a Saturday or Sunday, on either visa track",
    (year) => {
      for (const visa of ["J-1", "H-1B"] as const) {
        const days = dueDays(planFor(year, visa, `${year - 1}-12-01T03:00:00Z`));
        for (const key of OFFICE_STEPS) {
          const day = days.get(key);
          if (day === undefined) continue;
          expect(day, `${year} ${visa} ${key}`).not.toMatch(/^(Sat|Sun) /);
        }
      }
    },
  );

  it("marks the offices' steps: the contract, the visa chains and the certificate", () => {
    expect(OFFICE_STEPS).toEqual(
      expect.arrayContaining([
        "contract",
        "j1_statement_of_need",
        "j1_ecfmg_sponsorship",
        "j1_ds2019",
        "visa_j1",
        "visa_h1b",
        "visa_h1b_stamping",
        "ecfmg_certification",
      ]),
    );
  });
});
