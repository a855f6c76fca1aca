import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// As a property: planning anywhere before the plan's next risk-change
// instant (Plan.riskChangesAt, from which nextWakeUp takes the wake-ups that tell something) gives
// the same out-of-reach verdict, earliest feasible Match and critical risks as planning at its
// instant: time alone changes none of them unseen. Applicants: the exam chain in any state, in four zones.
const CHAIN: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"];
const STATUSES: readonly MilestoneStatus[] = ["not_started", "in_progress", "done"];
const ZONES = ["Asia/Kolkata", "Africa/Lagos", "America/New_York", "Pacific/Auckland"];
const FROM = Date.parse("2026-05-01T00:00:00Z");
const TO = Date.parse("2027-12-31T00:00:00Z");

const verdict = (result: Plan) => {
  const out = result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
  return {
    outOfReach: out?.earliestFeasibleMatchYear ?? null,
    critical: result.risks.filter((risk) => risk.severity === "critical").map((risk) => risk.code),
  };
};

function nextRiskChange(result: Plan): number {
  const now = Date.parse(result.now);
  // Risk changes only: a reminder's send changes no risk, and nextWakeUp may skip a change that
  // sends nothing (its `tells`), so the plan's own list is what must hold the verdict's instants.
  // The instant itself, not nextWakeUp's second after it: the change happens just past it.
  const instants = (result.riskChangesAt ?? []).map(Date.parse).filter((at) => at > now);
  return Math.min(...instants, TO);
}

describe("risks hold between two wake-ups", () => {
  it("for random applicants, planning before the next risk-change instant gives the first plan's verdict", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(2027, 2028),
        fc.array(fc.constantFrom(...STATUSES), { minLength: CHAIN.length, maxLength: CHAIN.length }),
        fc.integer({ min: FROM, max: TO }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, matchYear, statuses, start, fraction) => {
          const input = inputFactory({
            applicant: applicantFactory({ timezone: zone, matchYear, graduation: "2025-06-30" }),
            milestones: [
              ...doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-01-10"),
              ...CHAIN.map((key, index) => milestoneFactory(key, statuses[index] ?? "not_started")),
            ],
          });
          const calendar = seasonCalendar(matchYear);
          const first = plan(input, calendar, new Date(start));
          const wake = nextRiskChange(first);
          const between = start + Math.floor((wake - start) * fraction);
          if (between <= start || between >= wake) return;
          expect(verdict(plan(input, calendar, new Date(between)))).toEqual(verdict(first));
        },
      ),
      { seed: 45, numRuns: 150 },
    );
  }, 120_000);
});
