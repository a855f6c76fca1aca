import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear, matchYearHeading } from "#domain/match-year-heading.ts";
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
 * registration too, so past it that Match is over for them and the plan moves on, as it does for a
 * registered applicant with no list once SOAP leaves them nothing.
 */
const lagos = (keys: readonly MilestoneKey[], matchYear = 2027, ...more: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear, graduation: "2024-07-01" }),
    milestones: [...doneMilestones(keys), ...more],
  });
const ERAS_SENT = PRE_ERAS_KEYS;
const ERAS_NOT_SENT = PRE_ERAS_KEYS.filter((key) => key !== "eras_application");
const registeredNoList = () => lagos(ERAS_SENT, 2027, milestoneFactory("nrmp_registration", "done"));
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

  it("once the later candidate has passed too: the 2027 Match is over for them, said once, and the plan moves to 2028", () => {
    const result = planFor(lagos(ERAS_SENT), "2027-03-05T15:00:00Z");
    const closed = risk(result, "NRMP_REGISTRATION_CLOSED");
    expect(closed?.severity).toBe("critical");
    expect(closed?.message).toContain("nor in its SOAP, which needs NRMP registration too");
    expect(closed?.message).toContain("this plan now plans the 2028 Match");
    expect(matchYearHeading(result)).toBe(
      "2027 Match (never registered with NRMP: planned for the 2028 Match)",
    );
    expect(risk(result, "SEASON_OVER")).toBeUndefined();
    // No step of the passed season nags: nothing overdue, every date ahead.
    expect(result.overdue).toEqual([]);
    for (const step of result.nextSteps)
      expect(Date.parse(step.dueBy ?? result.now)).toBeGreaterThanOrEqual(Date.parse(result.now));
    // The next Match's registration is not pushed before it opens in September.
    expect(card(result, "nrmp_registration")?.urgency).toBe("later");
    // The move is told at once.
    expect(result.reminders.some((each) => each.risk === "NRMP_REGISTRATION_CLOSED")).toBe(true);
  });

  it("with ERAS not sent either, the same move", () => {
    const result = planFor(lagos(ERAS_NOT_SENT), "2027-03-05T15:00:00Z");
    expect(risk(result, "NRMP_REGISTRATION_CLOSED")).toBeDefined();
    expect(laterPlannedMatchYear(result)).toBe(2028);
  });

  it("on a confirmed calendar (the 2026 Match) the move comes the morning after the deadline", () => {
    const result = planFor(lagos(ERAS_SENT, 2026), "2026-02-26T15:00:00Z");
    expect(risk(result, "NRMP_REGISTRATION_CLOSED")).toBeDefined();
    expect(laterPlannedMatchYear(result)).toBe(2027);
  });
});

describe("registered with NRMP, no certified list: the neighbour it must agree with", () => {
  it("keeps the Match while SOAP is open to them, and moves to the same next Match once SOAP left them nothing", () => {
    const during = planFor(registeredNoList(), "2027-03-05T15:00:00Z");
    expect(risk(during, "NRMP_REGISTRATION_CLOSED")).toBeUndefined();
    const over = risk(during, "SEASON_OVER")?.message;
    expect(over).toContain("You registered with NRMP, so SOAP");
    expect(over).not.toContain("never registered");
    expect(during.overdue.map((each) => each.milestone)).toEqual(["rank_order_list"]);
    const after = planFor(registeredNoList(), "2027-04-10T14:00:00Z");
    expect(risk(after, "SOAP_OUTCOME_UNREPORTED")).toBeDefined();
    expect(laterPlannedMatchYear(after)).toBe(
      laterPlannedMatchYear(planFor(lagos(ERAS_SENT), "2027-04-10T14:00:00Z")),
    );
  });
});
