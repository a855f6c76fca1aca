import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * NRMP registration planned, past the early deadline, for the day late registration closes (the
 * rank order list deadline, projected Wed 24 Feb 2027, 9:00 PM ET) or a later day: registering
 * then is not "the same cost as today" but too late for the Match. The card and a critical risk
 * (its notice at the next slot) name the closing hour in the applicant's zone; planned with no day,
 * the card asks for the day instead of naming "the day you planned".
 */

/** Bola in `zone`: every step before NRMP done (certified Oct 2026, ERAS submitted 10 Sep 2026). */
function bola(zone: string, nrmp: MilestoneEntry, erasSubmitted = true) {
  const done = (
    [
      ["wdoms_listing", "2024-01-10"],
      ["ecfmg_application", "2024-02-01"],
      ["usmle_step1", "2024-08-01"],
      ["usmle_step2ck", "2025-06-01"],
      ["oet_medicine", "2025-09-01"],
      ["ecfmg_pathway", "2026-01-15"],
      ["ecfmg_certification", "2026-10-01"],
      ["eras_token", "2026-06-15"],
      ["lors", "2026-09-01"],
      ["personal_statement", "2026-09-01"],
      ["cv", "2026-09-01"],
      ["program_list", "2026-09-01"],
      ["eras_application", "2026-09-10"],
    ] as const
  )
    .filter(([key]) => erasSubmitted || key !== "eras_application")
    .map(([key, date]) => ({
      ...milestoneFactory(key, "done", date),
      ...(key === "usmle_step2ck" ? { score: 245 } : {}),
    }));
  return inputFactory({
    applicant: applicantFactory({
      timezone: zone,
      matchYear: 2027,
      specialties: ["Family Medicine"],
      graduation: "2025-12-15",
      programsPlanned: 60,
    }),
    milestones: [...done, nrmp],
  });
}

const cardOf = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.action ?? "";
const nrmpRisks = (result: Plan) => result.risks.filter((risk) => risk.code === "NRMP_LATE_FEE");

describe("Bola in Lagos planned her NRMP registration for Fri 26 Feb 2027, after late registration closes", () => {
  const input = bola("Africa/Lagos", milestoneFactory("nrmp_registration", "scheduled", "2027-02-26"));

  it.each([
    ["in December", "2026-12-07T10:00:00+01:00"],
    ["four days before closing", "2027-02-20T10:00:00+01:00"],
  ])("%s: the card and a critical risk say that day is too late for the 2027 Match", (_when, now) => {
    const result = planFor(input, now);
    const card = cardOf(result);
    expect(card).toContain("Fri 26 Feb 2027, the day you planned, is after NRMP registration closes");
    expect(card).toContain("Thu 25 Feb 2027, 3:00 AM GMT+1");
    expect(card).toContain("or you cannot take part in the 2027 Match");
    expect(card).not.toContain("costs what registering today does");
    expect(result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.urgency).toBe("urgent");
    const risks = nrmpRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toContain("Fri 26 Feb 2027, after NRMP registration closes");
    const notice = result.reminders.find(
      (reminder) => reminder.milestone === "nrmp_registration" && reminder.rung === "critical-risk",
    );
    expect(notice?.title).toBe(
      "The day you plan to register with NRMP is after registration closes: register by then or miss the 2027 Match",
    );
    expect(Date.parse(notice?.sendAt ?? "") - Date.parse(now)).toBeLessThan(24 * 3_600_000);
  });
});

describe("NRMP registration planned for the day late registration closes", () => {
  it("Honolulu, planned Wed 24 Feb: on that morning the card says register today, by 4:00 PM", () => {
    const input = bola("Pacific/Honolulu", milestoneFactory("nrmp_registration", "scheduled", "2027-02-24"));
    const result = planFor(input, "2027-02-24T09:00:00-10:00");
    const card = cardOf(result);
    expect(card).toContain("the day late registration closes");
    expect(card).toContain("Register in R3 today, by Wed 24 Feb 2027, 4:00 PM HST");
    expect(card).not.toContain("costs what registering today does");
    expect(nrmpRisks(result).map((risk) => risk.severity)).toEqual(["critical"]);
  });

  it("Auckland, planned Thu 25 Feb, told in February: register now, the list is due the same hour", () => {
    const input = bola("Pacific/Auckland", milestoneFactory("nrmp_registration", "scheduled", "2027-02-25"));
    const card = cardOf(planFor(input, "2027-02-10T09:00:00+13:00"));
    expect(card).toContain(
      "on Thu 25 Feb 2027, the day late registration closes, Thu 25 Feb 2027, 3:00 PM GMT+13",
    );
    expect(card).toContain("Register in R3 now");
  });

  it("Lagos, planned Wed 24 Feb, the day before closing there: the late-fee words hold", () => {
    const input = bola("Africa/Lagos", milestoneFactory("nrmp_registration", "scheduled", "2027-02-24"));
    const result = planFor(input, "2027-02-10T09:00:00+01:00");
    expect(cardOf(result)).toContain("costs what registering today does");
    expect(nrmpRisks(result).map((risk) => risk.severity)).toEqual(["warning"]);
  });
});

describe("NRMP registration planned with no day after the early deadline (Lagos, December)", () => {
  it("the card asks for the day and never says 'the day you planned'", () => {
    const input = bola("Africa/Lagos", { key: "nrmp_registration", status: "scheduled" });
    const card = cardOf(planFor(input, "2026-12-07T10:00:00+01:00"));
    expect(card).toContain("You told us you plan to register with NRMP but not the day");
    expect(card).toContain("tell us the day you plan");
    expect(card).not.toContain("the day you planned");
  });

  it.each([
    ["Honolulu", "Pacific/Honolulu", "2027-02-24T00:30:00-10:00", "today, by Wed 24 Feb 2027, 4:00 PM HST"],
    [
      "Auckland",
      "Pacific/Auckland",
      "2027-02-25T00:30:00+13:00",
      "today, by Thu 25 Feb 2027, 3:00 PM GMT+13",
    ],
  ])(
    "%s, on the closing day itself: register today by its hour, no day left to ask for",
    (_city, zone, now, by) => {
      const card = cardOf(planFor(bola(zone, { key: "nrmp_registration", status: "scheduled" }), now));
      expect(card).toContain(`Register in R3 ${by}`);
      expect(card).not.toContain("tell us the day you plan");
    },
  );
});

describe("Bola has not submitted ERAS in December, so the plan weighs the 2028 Match, and planned NRMP for Fri 26 Feb 2027", () => {
  const input = bola("Africa/Lagos", milestoneFactory("nrmp_registration", "scheduled", "2027-02-26"), false);
  const result = planFor(input, "2026-12-07T10:00:00+01:00");

  it("the card keeps the day's capital and says the condition", () => {
    const card = cardOf(result);
    expect(card).toContain("If you apply for the 2027 Match: Fri 26 Feb 2027, the day you planned, is after");
    expect(card).not.toMatch(/\b(mon|tue|wed|thu|fri|sat|sun) \d/);
    expect(card).toContain("If you move to the 2028 Match, pay no 2027 NRMP fee.");
  });

  it("the critical risk and its notice's title carry the same condition as the card", () => {
    expect(result.risks.some((risk) => risk.code === "ERAS_LATE_SUBMISSION")).toBe(true);
    const risks = nrmpRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toMatch(
      /^If you apply for the 2027 Match: you plan to register with NRMP on Fri 26 Feb 2027/,
    );
    expect(risks[0]?.message).toContain("if you move to the 2028 Match, pay no 2027 NRMP fee.");
    const notice = result.reminders.find(
      (reminder) => reminder.milestone === "nrmp_registration" && reminder.rung === "critical-risk",
    );
    expect(notice?.title).toBe(
      "If you apply for the 2027 Match: the day you plan to register with NRMP is after registration closes, so register by then",
    );
  });
});

describe("Bola tells us on 1 Oct 2026, two months before the early deadline, that she will register with NRMP on Fri 26 Feb 2027", () => {
  const input = bola("Africa/Lagos", milestoneFactory("nrmp_registration", "scheduled", "2027-02-26"));
  const result = planFor(input, "2026-10-01T10:00:00+01:00");

  it("the card says that day is after registration closes, and that the early deadline avoids the late fee", () => {
    const card = cardOf(result);
    expect(card).toContain("Fri 26 Feb 2027, the day you planned, is after NRMP registration closes");
    expect(card).toContain("or you cannot take part in the 2027 Match");
    expect(card).toContain("Registered by Tue 1 Dec 2026, 5:59 AM GMT+1");
    expect(result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.urgency).toBe("urgent");
  });

  it("the critical risk is said the day the plan is given, and its notice goes out then", () => {
    const risks = nrmpRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toContain("Fri 26 Feb 2027, after NRMP registration closes");
    const notice = result.reminders.find(
      (reminder) => reminder.milestone === "nrmp_registration" && reminder.rung === "critical-risk",
    );
    expect(notice?.title).toBe(
      "The day you plan to register with NRMP is after registration closes: register by then or miss the 2027 Match",
    );
  });
});
