import { describe, expect, it } from "vitest";
import { catalogEntry, MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A step reported planned ("scheduled") is not a step not started: every card says what the
 * applicant planned and what follows, never the first-time action ("Ask your writers now",
 * "register with NRMP (R3) now") as if nothing were planned. And while ERAS_LATE_SUBMISSION says to
 * weigh the next Match before paying ERAS fees, no card that costs money pushes it unconditionally.
 */

describe("every catalog step has words for each status it can take", () => {
  const steps = MILESTONE_CATALOG.filter((entry) => entry.key !== "budget");
  it.each(steps.map((entry) => [entry.key, entry] as const))("%s", (_key, entry) => {
    const texts = entry.statusActions;
    for (const status of ["scheduled", "scheduledUndated", "scheduledPassed", "inProgress"] as const) {
      expect(texts?.[status], status).toBeDefined();
      expect(texts?.[status], status).not.toBe(entry.action);
    }
  });

  it("a late deadline says what a step begun or planned for a day does after it", () => {
    for (const entry of MILESTONE_CATALOG.filter((each) => each.lateDeadline !== undefined)) {
      expect(entry.lateDeadline?.inProgressAction).toBeDefined();
      expect(entry.lateDeadline?.scheduledAction).toContain("{date}");
      expect(entry.lateDeadline?.scheduledPassedAction).toContain("{date}");
    }
  });
});

/** Ana in Anchorage: every step before ERAS done, certificate in October 2026, token in June. */
function ana(steps: MilestoneEntry[]) {
  const done = (
    [
      ["wdoms_listing", "2024-01-10"],
      ["ecfmg_application", "2024-02-01"],
      ["usmle_step1", "2024-08-01"],
      ["usmle_step2ck", "2025-06-01"],
      ["oet_medicine", "2025-09-01"],
      ["ecfmg_pathway", "2026-01-15"],
      ["ecfmg_certification", "2026-10-01"],
    ] as const
  ).map(([key, date]) => ({
    ...milestoneFactory(key, "done", date),
    ...(key === "usmle_step2ck" ? { score: 245 } : {}),
  }));
  const given = new Set(steps.map((step) => step.key));
  return inputFactory({
    applicant: applicantFactory({
      timezone: "America/Anchorage",
      matchYear: 2027,
      specialties: ["Family Medicine"],
      graduation: "2025-12-15",
      programsPlanned: 60,
    }),
    milestones: [...done.filter((step) => !given.has(step.key)), ...steps],
  });
}

const cardOf = (result: Plan, key: MilestoneKey) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

describe("Ana planned her ERAS steps without a day (Anchorage, August 2026)", () => {
  const keys = [
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_application",
    "nrmp_registration",
  ] as const;
  const result = planFor(
    ana([
      milestoneFactory("eras_token", "done", "2026-06-15"),
      ...keys.map((key) => milestoneFactory(key, "scheduled")),
    ]),
    "2026-08-15T10:00:00-08:00",
  );
  it.each(keys)("%s: the card asks for her day, never the first-time action", (key) => {
    const card = cardOf(result, key);
    expect(card).toContain("but not the day");
    expect(card).not.toContain(catalogEntry(key).action);
  });

  it("her letters are not asked for as if no writer had agreed", () => {
    expect(cardOf(result, "lors")).not.toContain("Ask your writers now");
    expect(cardOf(result, "lors")).toContain(
      "Create a Letter Request Form in MyERAS for each writer who agreed",
    );
  });
});

describe("Ana planned her NRMP registration for Sat 12 Dec 2026, after the early deadline (Anchorage)", () => {
  const steps = [
    milestoneFactory("eras_token", "done", "2026-06-15"),
    milestoneFactory("eras_application", "done", "2026-09-20"),
    milestoneFactory("nrmp_registration", "scheduled", "2026-12-12"),
  ];

  it("before her day: the card names it, says the late fee applies either way, and no reminder says Start now", () => {
    const result = planFor(ana(steps), "2026-12-06T10:00:00-09:00");
    const card = cardOf(result, "nrmp_registration");
    expect(card).toContain(
      "registering on Sat 12 Dec 2026, the day you planned, costs what registering today does",
    );
    expect(card).toContain("late registration fee");
    expect(card).toContain("register in R3 now rather than on Sat 12 Dec 2026");
    expect(card).not.toContain("register with NRMP (R3) now");
    const own = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(own.some((reminder) => reminder.rung === "start-by")).toBe(false);
    expect(own.some((reminder) => reminder.rung === "after-early-deadline")).toBe(true);
  });

  it("after her day: asked whether she registered, and if not to register now", () => {
    const card = cardOf(planFor(ana(steps), "2026-12-14T10:00:00-09:00"), "nrmp_registration");
    expect(card).toContain(
      "You planned to register with NRMP on Sat 12 Dec 2026. If R3 shows you registered, tap Done.",
    );
    expect(card).toContain("If not, register in R3 now");
  });
});

describe("December, ERAS application not submitted: the paid cards weigh the 2028 Match as the risk does", () => {
  it("her application planned for Thu 10 Dec: on the condition of applying for 2027, no fee if she moves", () => {
    const result = planFor(
      ana([
        milestoneFactory("eras_token", "done", "2026-06-15"),
        milestoneFactory("eras_application", "scheduled", "2026-12-10"),
      ]),
      "2026-12-06T10:00:00-09:00",
    );
    expect(result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION")?.message).toContain(
      "weigh applying early for the 2028 Match",
    );
    const card = cardOf(result, "eras_application");
    expect(card).toMatch(
      /^If you apply for the 2027 Match: you plan to submit your ERAS application on Thu 10 Dec 2026/,
    );
    expect(card).toContain("If you move to the 2028 Match, pay no 2027 ERAS application fees.");
  });

  it("no token yet: the token's card says the same condition", () => {
    const result = planFor(ana([]), "2026-12-06T10:00:00-09:00");
    const card = cardOf(result, "eras_token");
    expect(card).toMatch(/^If you apply for the 2027 Match: request the ERAS token/);
    expect(card).toContain("buy no 2027 ERAS token");
  });

  it("in October, while an application still reaches most programs, the card pushes it without a condition", () => {
    const card = cardOf(planFor(ana([]), "2026-10-06T10:00:00-08:00"), "eras_token");
    expect(card).not.toContain("If you apply for the 2027 Match");
  });
});
