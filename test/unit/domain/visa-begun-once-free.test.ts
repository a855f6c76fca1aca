import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A J-1 visa begun with the DS-2019 in hand (SEVIS fee paid, DS-160 filed) and no interview day
 * yet must not read later than the same visa not started, which is urgent at once (the consular
 * wait is out of the applicant's hands). Arjun (Lagos) has his DS-2019 from 20 Apr 2027, Keanu
 * (Honolulu) from 1 Apr; both report the visa "in progress". Before, each read "later, start by
 * Mon 17 May" under a card telling them to book the earliest interview.
 */
const calendar = seasonCalendar(2027);

function j1(
  timezone: string,
  ds2019: string,
  visa: "in_progress" | "not_started",
  day?: string,
): PlannerInput {
  return matched2027(timezone, {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-25"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", ds2019),
      milestoneFactory("visa_j1", visa, day),
    ],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const visa = (result: Plan) => result.nextSteps.find((next) => next.milestone === "visa_j1");

describe("a J-1 visa begun with the DS-2019 in hand reads no later than one not started", () => {
  it("Lagos, DS-2019 since 20 Apr, visa in progress: urgent, no start-by, the card asks for the interview's date", () => {
    const now = "2027-04-21T09:00:00+01:00";
    const begun = visa(planAt(j1("Africa/Lagos", "2027-04-20", "in_progress"), now));
    expect(begun?.urgency).toBe("urgent");
    expect(begun?.urgency).toBe(visa(planAt(j1("Africa/Lagos", "2027-04-20", "not_started"), now))?.urgency);
    expect(begun?.startBy).toBeUndefined();
    expect(begun?.action).toContain("book the earliest consular interview and tell us its date");
  });

  it("Honolulu, DS-2019 since 1 Apr, visa in progress: urgent the next morning, not 'later' until mid-May", () => {
    const begun = visa(
      planAt(j1("Pacific/Honolulu", "2027-04-01", "in_progress"), "2027-04-02T09:00:00-10:00"),
    );
    expect(begun?.urgency).toBe("urgent");
    expect(begun?.startBy).toBeUndefined();
  });

  it("Honolulu, the interview booked for 1 Jun (in progress with its day): its own day drives it, as before", () => {
    const input = j1("Pacific/Honolulu", "2027-04-01", "in_progress", "2027-06-01");
    expect(visa(planAt(input, "2027-04-02T09:00:00-10:00"))?.urgency).not.toBe("urgent");
  });
});
