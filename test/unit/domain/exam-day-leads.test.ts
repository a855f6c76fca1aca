import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * On a booked exam's day the countdown to it is over and the planner's urgency
 * follows the hard deadline, months ahead; the badge said "soon" but the
 * step sank below steps due later on the console's Next list. The planner's own list keeps its
 * order (it decides which step a critical notice rides on); the reading order that the email, the
 * timeline, the CLI and the console share (listedInReadingOrder) puts the exam that is today first.
 */
describe("a booked exam on its day leads the next steps as read", () => {
  const zone = "Asia/Karachi";
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: zone }),
    milestones: [
      milestoneFactory("usmle_step1", "done", "2025-05-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2026-12-08"),
    ],
  });
  const at = (now: string) => planFor(input, seasonCalendar(2027), new Date(now));

  it.each([
    ["05:04 in Karachi", "2026-12-08T00:04:00Z"],
    ["23:30 in Karachi", "2026-12-08T18:30:00Z"],
  ])("on the exam day (%s): first, its badge soon", (_, now) => {
    const plan = at(now);
    const listed = listedInReadingOrder(plan, zone);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed[0]?.milestone).toBe("usmle_step2ck");
    expect(listed[0] && stepBadge(listed[0], plan.now)).toBe("soon");
  });

  it("the day after: result pending, as before", () => {
    const plan = at("2026-12-09T00:04:00Z");
    const step = plan.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    expect(step && stepBadge(step, plan.now)).toBe("result-pending");
  });
});
