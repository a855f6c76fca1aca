import { describe, expect, it } from "vitest";
import { MATCH_DAY_REPORT_TITLE } from "#domain/leading-step.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { prerequisitesFirst } from "#domain/prerequisite-order.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// A step is never listed before a step it
// needs, and a step whose target TARGETS_SLIPPED moves by a gap shows no stale date (the day the
// moved target reads today).

const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

// An early starter for the 2028 Match, only the school's listing checked, the ECFMG application
// past its target (27 Jan 2027).
const starter = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2028, graduation: "2026-12-15" }),
    milestones: [milestoneFactory("wdoms_listing", "done")],
  });

describe.each(["Pacific/Auckland", "Asia/Karachi"])(
  "a step is listed after the step it needs, with one target, %s",
  (zone) => {
    const now = "2027-03-01T09:00:00Z";
    const result = planFor(starter(zone), now);

    it("lists the ECFMG application before Step 1 and Step 2 CK", () => {
      const order = listedInReadingOrder(result, zone).map((step) => step.milestone);
      expect(order.indexOf("ecfmg_application")).toBeGreaterThanOrEqual(0);
      expect(order.indexOf("ecfmg_application")).toBeLessThan(order.indexOf("usmle_step1"));
      expect(order.indexOf("ecfmg_application")).toBeLessThan(order.indexOf("usmle_step2ck"));
      // Its target hidden, Step 1 still reads urgent: its preparation must start now for the moved aim.
      expect(stepOf(result, "usmle_step1")?.urgency).toBe("urgent");
      const planned = result.nextSteps.map((step) => step.milestone);
      expect(planned.indexOf("ecfmg_application")).toBeLessThan(planned.indexOf("usmle_step1"));
    });

    it("shows no old target beside TARGETS_SLIPPED's 'instead of' it, in the step or its reminders", () => {
      const message = riskOf(result, "TARGETS_SLIPPED")?.message ?? "";
      expect(message).toContain(
        "USMLE Step 1: aim for 90 days after you submit your Application for ECFMG Certification instead of",
      );
      for (const key of ["usmle_step1", "usmle_step2ck"]) {
        const step = stepOf(result, key);
        // The day the moved target reads today, never the old one the risk says it replaces.
        expect(step?.target?.local, key).toBeDefined();
        expect(message).not.toContain(`instead of ${step?.target?.local}`);
        const aimed = result.reminders.filter(
          (reminder) => reminder.milestone === key && reminder.countsDownTo === "target",
        );
        expect(aimed, key).toEqual([]);
        expect(step?.action, key).not.toContain("by the target date");
      }
    });

    it("keeps TARGETS_SLIPPED's words the same from one day to the next", () => {
      const next = planFor(starter(zone), "2027-03-02T09:00:00Z");
      expect(riskOf(next, "TARGETS_SLIPPED")?.message).toBe(riskOf(result, "TARGETS_SLIPPED")?.message);
    });
  },
);

describe("prerequisitesFirst: a step's prerequisites at the same or a higher urgency come before it", () => {
  const step = (milestone: string, urgency: NextStep["urgency"], title = milestone) =>
    ({ milestone, urgency, title }) as Pick<NextStep, "milestone" | "urgency" | "title">;
  const order = (steps: ReturnType<typeof step>[]) => prerequisitesFirst(steps).map((each) => each.milestone);

  it("moves the ECFMG application before Step 1 and Step 2 CK when as urgent or more", () => {
    expect(
      order([step("usmle_step1", "urgent"), step("usce", "later"), step("ecfmg_application", "urgent")]),
    ).toEqual(["ecfmg_application", "usmle_step1", "usce"]);
    expect(
      order([
        step("usmle_step2ck", "soon"),
        step("usmle_step1", "later"),
        step("ecfmg_application", "overdue"),
      ]),
    ).toEqual(["ecfmg_application", "usmle_step2ck", "usmle_step1"]);
  });

  it("leaves a less urgent prerequisite where it is, and Match Day's question first", () => {
    expect(order([step("usmle_step1", "urgent"), step("ecfmg_application", "later")])).toEqual([
      "usmle_step1",
      "ecfmg_application",
    ]);
    expect(
      order([
        step("match_day", "soon", MATCH_DAY_REPORT_TITLE),
        step("contract", "urgent"),
        step("research", "later"),
      ]),
    ).toEqual(["match_day", "contract", "research"]);
  });
});
