import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { reminderId } from "#domain/planner/reminder-id.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, Visa } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Once a booked exam's day has
 * passed with no result reported, the rungs toward the result's deadline (the rank order list
 * deadline) ask about the result, never the bare "Pass USMLE Step 2 CK" with the score advice,
 * which reads as "sit it now". Ids stay those of the same rungs.
 */
const calendar = seasonCalendar(2027);

function booked(timezone: string, visa: Visa, key: MilestoneKey, day: string): PlannerInput {
  const done = key === "usmle_step3" ? [...REGISTERED_KEYS, "ecfmg_certification" as const] : REGISTERED_KEYS;
  return inputFactory({
    applicant: applicantFactory({ timezone, visa, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        done.filter((k) => k !== key),
        "2026-09-12",
      ),
      milestoneFactory(key, "scheduled", day),
    ],
  });
}

const rolRungs = (result: Plan, key: MilestoneKey) =>
  result.reminders.filter(
    (r) =>
      r.milestone === key && r.deadline === "2027-02-25T02:00:00.000Z" && /^(deadline|due)-in-/.test(r.rung),
  );

describe("a sat exam's rungs toward its result's deadline ask about the result", () => {
  // Marisol: Manila, J-1, Step 2 CK booked Sat 9 Jan 2027, seen 13 Jan with nothing reported.
  const manila = plan(
    booked("Asia/Manila", "J-1", "usmle_step2ck", "2027-01-09"),
    calendar,
    new Date("2027-01-13T01:00:00Z"),
  );

  it("titles every rank-order-list rung as the result question, with the day", () => {
    const rungs = rolRungs(manila, "usmle_step2ck");
    expect(rungs.map((r) => r.rung)).toEqual(["deadline-in-14d", "deadline-in-3d", "deadline-in-1d"]);
    for (const rung of rungs) {
      // Manila's own day is Thu 25 Feb; the earlier of the two days names the deadline.
      expect(rung.title).toBe(
        "Your USMLE Step 2 CK result must reach ECFMG by Wed 24 Feb 2027 (projected): has it arrived? Tell us the result",
      );
      expect(rung.title).not.toMatch(/^Pass /);
      expect(rung.why).not.toContain("240");
      expect(rung.why).toContain("mark this step done");
    }
  });

  it("keeps the ids of the same rungs (step, rung, deadline: the title is no part of them)", () => {
    const deadline = Date.parse("2027-02-25T02:00:00.000Z");
    expect(rolRungs(manila, "usmle_step2ck").map((r) => r.id)).toEqual(
      ["deadline-in-14d", "deadline-in-3d", "deadline-in-1d"].map((rung) =>
        reminderId("usmle_step2ck", undefined, rung, deadline),
      ),
    );
  });

  it("Step 1 the same (Berlin)", () => {
    const berlin = plan(
      booked("Europe/Berlin", "J-1", "usmle_step1", "2027-01-05"),
      calendar,
      new Date("2027-01-08T09:00:00Z"),
    );
    const rungs = rolRungs(berlin, "usmle_step1");
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs)
      expect(rung.title).toMatch(/^Your USMLE Step 1 result must reach ECFMG by Wed 24 Feb 2027/);
  });
});

describe("Step 3 on the H-1B track: the result must reach programs before they certify their lists", () => {
  // Dmitri: Chicago, H-1B, certificate in, Step 3 booked Wed 20 Jan 2027, in time for ranking
  // (its result expected about 17 Feb), seen 23 Jan. One booked after ranking's last sitting day is
  // the petition's, due by its date once sat (step3-sat-petition-date.test.ts).
  const chicago = plan(
    booked("America/Chicago", "H-1B", "usmle_step3", "2027-01-20"),
    calendar,
    new Date("2027-01-23T16:00:00Z"),
  );

  // Wed 24 Feb 2027 is the rank order list deadline itself, projected, not a date of ours.
  it("titles the rank-order-list rungs as the result question, with the H-1B words", () => {
    const rungs = rolRungs(chicago, "usmle_step3");
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) {
      expect(rung.title).toBe(
        "Your USMLE Step 3 result must reach programs by Wed 24 Feb 2027 (projected), before they certify their rank lists: has it arrived? Tell us the result",
      );
      expect(rung.why).toContain("H-1B");
      expect(rung.why).not.toContain("taken only in the US");
    }
  });
});
