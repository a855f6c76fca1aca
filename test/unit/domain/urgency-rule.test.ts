import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { datedUrgency, stepUrgency, type UrgencyFacts } from "#domain/planner/urgency.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { DAY_MS } from "#domain/time.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * The contract, due two weeks before the Statement of Need, read "soon"
 * while the Statement read "urgent". Urgency is one rule for every step (stepUrgency): from the day
 * the applicant must act by, the earliest of the deadline (or own date or target driving the step)
 * and, for a step not yet started, its latest safe start (the deadline less its lead time):
 * urgent within 7 days or passed, soon within 30, later beyond.
 */
const NOW = Date.parse("2027-03-22T12:00:00Z");
const NONE: UrgencyFacts = {
  driver: null,
  startBy: null,
  passedTarget: null,
  resultPending: false,
  actNow: false,
};

/** A step `daysLeft` days from its deadline, not yet started (or started), with its catalog lead time. */
function urgencyOf(key: MilestoneKey, daysLeft: number, started = false): NextStep["urgency"] {
  const due = NOW + daysLeft * DAY_MS;
  const lead = catalogEntry(key).leadTimeDays.days;
  return stepUrgency(NOW, {
    ...NONE,
    driver: due,
    startBy: started || lead === 0 ? null : due - lead * DAY_MS,
  });
}

describe("one urgency rule over steps and days left", () => {
  // [step, its lead time in days (the catalog's), days left to its deadline, word not started, word started]
  it.each([
    ["contract", 7, 40, "later", "later"],
    ["contract", 7, 37, "soon", "later"],
    ["contract", 7, 36, "soon", "later"],
    ["contract", 7, 15, "soon", "soon"],
    ["contract", 7, 14, "urgent", "soon"],
    ["contract", 7, 8, "urgent", "soon"],
    ["contract", 7, 7, "urgent", "urgent"],
    ["contract", 7, 0, "urgent", "urgent"],
    ["contract", 7, -1, "overdue", "overdue"],
    ["j1_statement_of_need", 60, 100, "later", "later"],
    ["j1_statement_of_need", 60, 90, "soon", "later"],
    ["j1_statement_of_need", 60, 68, "soon", "later"],
    ["j1_statement_of_need", 60, 67, "urgent", "later"],
    ["j1_statement_of_need", 60, 25, "urgent", "soon"],
    ["j1_statement_of_need", 60, 3, "urgent", "urgent"],
    ["usmle_step2ck", 120, 160, "later", "later"],
    ["usmle_step2ck", 120, 150, "soon", "later"],
    ["usmle_step2ck", 120, 127, "urgent", "later"],
    ["nrmp_registration", 14, 21, "urgent", "soon"],
    ["nrmp_registration", 14, 44, "soon", "later"],
    ["match_day", 0, 8, "soon", "soon"],
    ["match_day", 0, 7, "urgent", "urgent"],
    ["match_day", 0, 31, "later", "later"],
  ] as const)(
    "%s (lead %i days), %i days left: %s not started, %s started",
    (key, lead, daysLeft, notStarted, started) => {
      expect(catalogEntry(key).leadTimeDays.days).toBe(lead);
      expect(urgencyOf(key, daysLeft)).toBe(notStarted);
      expect(urgencyOf(key, daysLeft, true)).toBe(started);
    },
  );

  it("a step whose last safe start comes earlier is never less urgent, whatever its deadline", () => {
    const rank = { overdue: 0, urgent: 1, soon: 2, later: 3 } as const;
    const keys: MilestoneKey[] = ["contract", "j1_statement_of_need", "nrmp_registration", "usmle_step2ck"];
    for (let days = 0; days <= 200; days += 3)
      for (const first of keys)
        for (const second of keys) {
          const actFirst = days - catalogEntry(first).leadTimeDays.days;
          for (let other = 0; other <= 200; other += 3) {
            const actSecond = other - catalogEntry(second).leadTimeDays.days;
            if (actFirst <= actSecond)
              expect(rank[urgencyOf(first, days)]).toBeLessThanOrEqual(rank[urgencyOf(second, other)]);
          }
        }
  });

  it("a pending result, a step to act on now and a passed target keep their words", () => {
    const later = NOW + 100 * DAY_MS;
    expect(stepUrgency(NOW, { ...NONE, driver: NOW - DAY_MS, resultPending: true })).toBe("urgent");
    expect(stepUrgency(NOW, { ...NONE, driver: later, actNow: true })).toBe("urgent");
    expect(stepUrgency(NOW, { ...NONE, driver: later, passedTarget: NOW - DAY_MS })).toBe("urgent");
    expect(stepUrgency(NOW, { ...NONE, driver: later })).toBe("later");
    expect(stepUrgency(NOW, NONE)).toBe("later");
    // Past an early deadline with a late one ahead (NRMP registration): the missed one is the start-by.
    expect(datedUrgency(NOW, later, NOW - DAY_MS)).toBe("urgent");
    expect(datedUrgency(NOW, later)).toBe("later");
  });
});

describe("a matched J-1 applicant's contract and Statement of Need", () => {
  const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" });
  const milestones = [
    ...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification", "budget"], "2026-10-01"),
    milestoneFactory("rank_order_list", "done", "2027-02-15"),
    milestoneFactory("match_week", "done", "2027-03-15"),
    milestoneFactory("match_day", "done", "2027-03-19"),
  ];
  const at = (now: string): Plan =>
    plan(inputFactory({ applicant, milestones }), seasonCalendar(2027), new Date(now));
  const word = (result: Plan, key: string) =>
    result.nextSteps.find((step) => step.milestone === key)?.urgency;

  it.each(["2027-03-20T12:00:00Z", "2027-03-25T12:00:00Z", "2027-03-31T12:00:00Z"])(
    "on %s the contract, due first, is as urgent as the Statement of Need",
    (now) => {
      const result = at(now);
      expect(word(result, "contract")).toBe("urgent");
      expect(word(result, "j1_statement_of_need")).toBe("urgent");
    },
  );
});
