import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * What the move to the next Match says to an applicant with no finished NRMP registration: the plan
 * moves only once NRMP's later candidate for the rank order list deadline has passed, so the notice
 * names both days; and a registration reported under way is asked about (check R3, mark it done),
 * never told "you did not register".
 */
const inZone = (timezone: string, registration?: "not_started" | "in_progress") =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-07-01" }),
    milestones: [
      ...doneMilestones(PRE_ERAS_KEYS),
      ...(registration === undefined ? [] : [milestoneFactory("nrmp_registration", registration)]),
    ],
  });
const closed = (result: Plan) => result.risks.find((each) => each.code === "NRMP_REGISTRATION_CLOSED");
const card = (result: Plan, key: MilestoneKey) => result.nextSteps.find((each) => each.milestone === key);

describe("no finished NRMP registration, past NRMP's later candidate for the deadline", () => {
  it("in Manila, never registered: the notice says the projected day and the latest it could be", () => {
    const result = planFor(inZone("Asia/Manila", "not_started"), "2027-03-04T10:30:00+08:00");
    const message = closed(result)?.message ?? "";
    expect(message).toContain("You did not register with NRMP for the 2027 Match");
    expect(message).toContain("Wed 24 Feb 2027, 9:00 PM ET (projected)");
    expect(message).toContain("or by Wed 3 Mar 2027, 9:00 PM ET at the latest");
    const notice = result.reminders.find((each) => each.risk === "NRMP_REGISTRATION_CLOSED");
    expect(notice?.title).toBe(
      "No finished NRMP registration for the 2027 Match: your plan now plans the 2028 Match",
    );
  });

  it("in Auckland, registration reported under way: asked to check R3, never 'you did not register'", () => {
    const result = planFor(inZone("Pacific/Auckland", "in_progress"), "2027-03-04T15:30:00+13:00");
    const message = closed(result)?.message ?? "";
    expect(message).toContain(
      "You started your NRMP registration for the 2027 Match but never told us it was finished",
    );
    expect(message).toContain("check R3: if it is complete, mark it done");
    expect(message).not.toContain("You did not register");
  });

  it("in Auckland between the two days, registration under way: the card asks whether R3 shows it complete", () => {
    const result = planFor(inZone("Pacific/Auckland", "in_progress"), "2027-03-04T14:30:00+13:00");
    const action = card(result, "nrmp_registration")?.action ?? "";
    expect(action).toContain("if R3 shows it complete, mark it done and certify your rank order list");
    expect(action).not.toContain("If R3 lets you register");
  });
});
