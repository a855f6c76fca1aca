import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { startByCell } from "../../../shared/cli/start-by-cell.ts";
import { planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The road an advisor would plan: a 2028 starter whose first targets slipped, only the school
 * check done. Each exam step not begun carries the chain's latest day, not its own: Step 2 CK by
 * the rank order list deadline less its result time, Step 1 by Step 2 CK's latest start, the ECFMG
 * application by Step 1's latest start, the day the act-by notice (MATCH_YEAR_LAST_DAY) names.
 */
const DAY = 86_400_000;
const PREPARATION_DAYS = 120; // the catalog's leadTimeDays for both USMLE exams, feasibility's too

function slippedStarter(timezone: string, ...more: ReturnType<typeof milestoneFactory>[]) {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2028, graduation: "2027-05-31" }),
    milestones: [milestoneFactory("wdoms_listing", "done", "2026-12-01"), ...more],
  });
}

const rowOf = (result: Plan, key: MilestoneKey) => {
  const row = result.nextSteps.find((step) => step.milestone === key);
  if (row?.dueBy === undefined) throw new Error(`no dated row for ${key}`);
  return row;
};
const at = (iso: string | null | undefined) => Date.parse(iso ?? "");

describe("an early starter whose targets slipped, only the school check done (Honolulu, 2028 Match)", () => {
  const input = slippedStarter("Pacific/Honolulu");

  it.each(["2027-03-01T09:00:00-10:00", "2027-04-01T09:00:00-10:00", "2027-05-01T09:00:00-10:00"])(
    "on %s each exam row is due by the latest start of the one after it",
    (now) => {
      const result = planFor(input, now);
      const step2ck = rowOf(result, "usmle_step2ck");
      const step1 = rowOf(result, "usmle_step1");
      const application = rowOf(result, "ecfmg_application");
      // Step 1 sat by the end of the day Step 2 CK's preparation must begin, never later.
      expect(at(step1.dueBy)).toBeLessThanOrEqual(at(step2ck.startBy));
      expect(at(step2ck.dueBy) - at(step1.dueBy)).toBeGreaterThanOrEqual(PREPARATION_DAYS * DAY - DAY);
      // The application in by the time Step 1's preparation must begin.
      expect(at(application.dueBy)).toBeLessThanOrEqual(at(step1.startBy));
      expect(localDate("Pacific/Honolulu", at(application.dueBy))).toBe("2027-05-31");
    },
  );

  it("names, on 1 May, the act-by notice's last day as the application's deadline and Step 1's start", () => {
    const now = "2027-05-01T09:00:00-10:00";
    const result = planFor(input, now);
    const lastDay = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
    expect(lastDay?.lastWorkingAt).toBeDefined();
    expect(rowOf(result, "ecfmg_application").dueBy).toBe(lastDay?.lastWorkingAt);
    expect(startByCell(rowOf(result, "usmle_step1"), result.now, "Pacific/Honolulu")).toBe(
      "start by Mon 31 May 2027 †",
    );
  });

  it("keeps every reminder and the slipped-targets notice on the row's own deadline", () => {
    const result = planFor(input, "2027-05-01T09:00:00-10:00");
    for (const key of ["ecfmg_application", "usmle_step1", "usmle_step2ck"] as const) {
      const due = rowOf(result, key).dueBy;
      for (const reminder of sendsOf(result, key))
        expect(at(reminder.deadline), `${key} ${reminder.rung}`).toBeLessThanOrEqual(at(due));
    }
    const slipped = result.risks.find((risk) => risk.code === "TARGETS_SLIPPED")?.message ?? "";
    expect(slipped).toContain("its deadline stays Tue 28 Sep 2027");
    expect(slipped).not.toContain("Wed 26 Jan 2028 (our advice). USMLE Step 2 CK");
  });

  it("lists the application overdue from the act-by notice's last day, on the row and the overdue list alike", () => {
    const result = planFor(input, "2027-06-01T09:00:00-10:00");
    const overdue = result.overdue.find((step) => step.milestone === "ecfmg_application");
    expect(overdue?.dueBy).toBe(rowOf(result, "ecfmg_application").dueBy);
    expect(localDate("Pacific/Honolulu", at(overdue?.dueBy))).toBe("2027-05-31");
  });

  it.each(["Asia/Manila", "Africa/Lagos"])("gives the same chained day in %s", (zone) => {
    const result = planFor(slippedStarter(zone), "2027-05-01T12:00:00Z");
    const lastDay = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
    expect(rowOf(result, "ecfmg_application").dueBy).toBe(lastDay?.lastWorkingAt);
  });
});

describe("a step done or booked drops out of the exam chain", () => {
  it("leaves Step 1 its own latest day once Step 2 CK is done", () => {
    const input = slippedStarter("Pacific/Honolulu", milestoneFactory("usmle_step2ck", "done", "2027-04-20"));
    const result = planFor(input, "2027-05-01T09:00:00-10:00");
    expect(rowOf(result, "usmle_step1").deadline?.local).toBe("Wed 26 Jan 2028");
  });
});

describe("an early starter on time (Manila, 6 Dec 2026)", () => {
  it("still aims at the targets: the application's first reminder asks for it by 27 Jan 2027", () => {
    const result = planFor(slippedStarter("Asia/Manila"), "2026-12-06T17:00:00+08:00");
    const first = sendsOf(result, "ecfmg_application")[0];
    expect(first?.rung).toBe("start-by");
    expect(localDate("Asia/Manila", at(first?.deadline))).toBe("2027-01-27");
    expect(rowOf(result, "usmle_step1").target?.day).toBe("2027-04-27");
  });
});
