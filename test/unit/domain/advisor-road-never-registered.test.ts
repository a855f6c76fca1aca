import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * The road an advisor would plan for an applicant who sent ERAS but never registered with NRMP:
 * late registration closes with the rank order list deadline (fact sheet §2), and SOAP needs NRMP
 * registration too, so past it that Match and its SOAP are over for them: one date for the step.
 */
const lagos = (keys: readonly MilestoneKey[], ...more: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2024-07-01" }),
    milestones: [...doneMilestones(keys), ...more],
  });
const ERAS_SENT = PRE_ERAS_KEYS;
const ERAS_NOT_SENT = PRE_ERAS_KEYS.filter((key) => key !== "eras_application");
const registeredNoList = () => lagos(ERAS_SENT, milestoneFactory("nrmp_registration", "done"));
const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const card = (result: Plan, key: MilestoneKey) => result.nextSteps.find((each) => each.milestone === key);

describe("ERAS sent, never registered with NRMP, around the rank order list deadline", () => {
  it("on the quota date's morrow registration is still open: due by the late deadline, with the late fee", () => {
    const result = planFor(lagos(ERAS_SENT), "2027-02-01T10:00:00Z");
    const step = card(result, "nrmp_registration");
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(step?.action).toContain("$50 late registration fee");
    expect(result.overdue).toEqual([]);
  });

  it("four days before the deadline: register now, the card and its reminders on the day late registration closes", () => {
    const result = planFor(lagos(ERAS_SENT), "2027-02-20T15:00:00Z");
    const step = card(result, "nrmp_registration");
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(step?.urgency).not.toBe("overdue");
    const sends = result.reminders.filter((each) => each.milestone === "nrmp_registration");
    expect(sends.length).toBeGreaterThan(0);
    for (const send of sends) expect(send.deadline).toBe(step?.dueBy);
    // SOAP waits on the registration: nothing tells them SOAP is open without it.
    expect(result.blocked.find((each) => each.milestone === "soap")?.waitingFor).toEqual([
      "nrmp_registration",
    ]);
  });

  it("just past it, while NRMP's deadline may still turn out later: one date for the step, register only if R3 lets you", () => {
    const result = planFor(lagos(ERAS_SENT), "2027-03-01T15:00:00Z");
    const step = card(result, "nrmp_registration");
    const overdue = result.overdue.find((each) => each.milestone === "nrmp_registration");
    // The card said the passed early deadline (Mon 30 Nov 2026) beside the overdue list's late one.
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(step?.dueBy).toBe(overdue?.dueBy);
    expect(step?.action).toContain("If R3 lets you register, do it now");
    expect(step?.action).toContain("nor in its SOAP, which needs NRMP registration");
    expect(laterPlannedMatchYear(result)).toBeUndefined();
    expect(risk(result, "SEASON_OVER")?.message).toContain("check R3 and act if it still lets you");
  });

  it("past the later candidate too: the card says why, once, on the same date as the overdue list", () => {
    const result = planFor(lagos(ERAS_SENT), "2027-03-05T15:00:00Z");
    const step = card(result, "nrmp_registration");
    expect(step?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(step?.dueBy).toBe(result.overdue.find((each) => each.milestone === "nrmp_registration")?.dueBy);
    expect(step?.action).toContain(
      "without your registration, so you cannot take part in the 2027 Match nor in its SOAP",
    );
    expect(risk(result, "SEASON_OVER")?.message).toContain(
      "and so has its SOAP, since you never registered with NRMP",
    );
  });

  it("with ERAS not sent either, the same one date and the same words", () => {
    const result = planFor(lagos(ERAS_NOT_SENT), "2027-03-05T15:00:00Z");
    expect(card(result, "nrmp_registration")?.deadline?.et).toBe("Wed 24 Feb 2027, 9:00 PM ET");
    expect(risk(result, "SEASON_OVER")?.message).toContain("since you never registered with NRMP");
  });
});

describe("registered with NRMP, no certified list: the neighbour it must agree with", () => {
  it("is told SOAP is still open to them, never that SOAP needs a registration they have", () => {
    const result = planFor(registeredNoList(), "2027-03-05T15:00:00Z");
    const over = risk(result, "SEASON_OVER")?.message;
    expect(over).toContain("You registered with NRMP, so SOAP");
    expect(over).not.toContain("never registered");
    expect(result.overdue.map((each) => each.milestone)).toEqual(["rank_order_list"]);
  });
});
