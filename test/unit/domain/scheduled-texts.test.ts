import { describe, expect, it } from "vitest";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_STATUSES } from "#domain/snapshot-keys.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  matched2027,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Every step's text fits its status: a rank order list or a contract
 * reported "scheduled" got its not-started words ("Enter your rank order list…", "Read the contract
 * … and sign it"). The snapshot accepts "scheduled" for every milestone, but only the exams and the
 * Pathway had words for it, and in-progress-texts.test.ts checked the in-progress texts alone, so
 * the gap went unseen. Data-driven over the catalog: a new step must bring its scheduled words.
 */
const steps = MILESTONE_CATALOG.filter((entry) => entry.key !== "budget");
/** NRMP's own events: the day is NRMP's, so a date after it is the same event (their scheduled words stand). */
const NRMP_EVENTS: readonly string[] = ["match_week", "soap", "match_day"];

describe("every step that accepts 'scheduled' has words for it", () => {
  it("the snapshot accepts 'scheduled' for every milestone", () => {
    expect(MILESTONE_STATUSES).toContain("scheduled");
  });

  it.each(steps.map((entry) => [entry.key, entry] as const))(
    "%s: a date ahead, a date past, and (with a deadline) a date after it",
    (_key, entry) => {
      const texts = entry.statusActions;
      for (const text of [texts?.scheduled, texts?.scheduledPassed]) {
        expect(text).toBeTypeOf("string");
        expect(text).toContain("{date}");
        expect(text).not.toBe(entry.action);
      }
      if (entry.due.from !== "none" && !NRMP_EVENTS.includes(entry.key))
        expect(texts?.scheduledAfterDeadline).toContain("{due}");
    },
  );
});

const planAt = (input: PlannerInput, now: string): Plan => plan(input, seasonCalendar(2027), new Date(now));
const actionOf = (result: Plan, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action;

/** Ifeoma (J-1, Lagos): every step to NRMP registration done, her rank order list as given. */
function rankingIn(list: ReturnType<typeof milestoneFactory>): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ externalId: "ifeoma", matchYear: 2027, timezone: "Africa/Lagos" }),
    milestones: [...doneMilestones(REGISTERED_KEYS, "2026-09-10"), list],
  });
}

describe("a scheduled rank order list and contract read as planned", () => {
  it("a list planned for Sat 20 Feb 2027: certify on that day, by the deadline", () => {
    const action = actionOf(
      planAt(
        rankingIn(milestoneFactory("rank_order_list", "scheduled", "2027-02-20")),
        "2027-02-10T09:00:00Z",
      ),
      "rank_order_list",
    );
    expect(action).toContain("You plan to certify your rank order list in R3 on Sat 20 Feb 2027");
    expect(action).toContain(
      "certify it by the rank order list deadline, Thu 25 Feb 2027, 3:00 AM GMT+1 (Wed 24 Feb 2027, 9:00 PM ET) (projected)",
    );
    expect(action).not.toContain("Enter your rank order list");
  });

  it("a list planned for a day now past asks whether it was certified", () => {
    const action = actionOf(
      planAt(
        rankingIn(milestoneFactory("rank_order_list", "scheduled", "2027-02-20")),
        "2027-02-22T09:00:00Z",
      ),
      "rank_order_list",
    );
    expect(action).toContain("You planned to certify your rank order list on Sat 20 Feb 2027. Did you?");
  });

  it("a contract to be signed on Sun 28 Mar 2027: planned within the program's window, no 'sign it' from scratch", () => {
    const input = matched2027("Africa/Lagos", {
      extra: [milestoneFactory("contract", "scheduled", "2027-03-28")],
    });
    const action = actionOf(planAt(input, "2027-03-22T09:00:00Z"), "contract");
    expect(action).toContain("You plan to sign your program's contract on Sun 28 Mar 2027");
    expect(action).toContain(
      // The deadline: the day the J-1 sponsorship waiting on it needs it (our Fri 2 Apr is its target).
      "within the signing window your program gives; this plan allows until Mon 5 Apr 2027",
    );
    expect(action).not.toContain("Read the contract your program sends");
  });

  it("a contract planned after the plan's date says so, and nothing of ranking", () => {
    const input = matched2027("Africa/Lagos", {
      extra: [milestoneFactory("contract", "scheduled", "2027-04-09")],
    });
    const action = actionOf(planAt(input, "2027-03-22T09:00:00Z"), "contract");
    expect(action).toContain(
      "You plan to sign your program's contract on Fri 9 Apr 2027, after Mon 5 Apr 2027",
    );
    expect(action).not.toContain("too late for the 2027 Match's ranking");
  });

  it("an in-progress step with a date keeps its in-progress words (only an exam's or the Pathway's date is a booking)", () => {
    const input = rankingIn(milestoneFactory("rank_order_list", "in_progress", "2027-02-20"));
    const action = actionOf(planAt(input, "2027-02-22T09:00:00Z"), "rank_order_list");
    expect(action).toMatch(
      /^Your list is NOT certified now: .* Certify it in R3 by the rank order list deadline, /,
    );
    expect(action).not.toContain("You planned");
  });
});
