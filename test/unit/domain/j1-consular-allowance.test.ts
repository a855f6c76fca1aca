import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { VISITOR_VISA_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * The J-1 visa gets the consular allowance the plan already uses for a visitor visa interview at
 * the applicant's consulate (tester t9i F13: a DS-2019 due a month before the visa left ~30 days
 * for SEVIS, DS-160 and an interview, while Step 3's text allowed 60 days at the same consulate);
 * with less time left than the allowance, the visa step says to ask for an expedited appointment.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const done = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("everything-done-j1.json", SCENARIO_DIR), "utf8")),
);
const afterMatch: MilestoneEntry[] = [
  { key: "match_week", status: "done", date: "2026-03-16" },
  { key: "soap", status: "waived" },
  { key: "match_day", status: "done", date: "2026-03-20" },
  { key: "contract", status: "done", date: "2026-03-27" },
  { key: "j1_statement_of_need", status: "done", date: "2026-03-30" },
  { key: "j1_ecfmg_sponsorship", status: "done", date: "2026-03-31" },
];
const matched = (ds2019: boolean): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...done,
    applicant: { ...done.applicant, timezone: "Africa/Lagos" },
    milestones: [
      ...done.milestones.filter((m) => m.key !== "visa_j1"),
      ...afterMatch,
      ...(ds2019 ? [{ key: "j1_ds2019", status: "done", date: "2026-04-14" }] : []),
    ],
  });
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const step = (result: Plan, key: string) => result.nextSteps.find((s) => s.milestone === key);
const dueDay = (result: Plan, key: string) =>
  (step(result, key) ?? result.blocked.find((s) => s.milestone === key))?.deadline?.day;

describe("the J-1 visa has the visitor visa's consular allowance (t9i F13 B)", () => {
  it("the visa's lead time and the DS-2019's lead before the visa are the visitor-visa allowance", () => {
    expect(catalogEntry("visa_j1").leadTimeDays.days).toBe(VISITOR_VISA_WAIT_DAYS);
    const due = catalogEntry("j1_ds2019").due;
    expect(due.from === "milestone" ? [due.key, due.offsetDays] : null).toEqual([
      "visa_j1",
      -VISITOR_VISA_WAIT_DAYS,
    ]);
  });

  it("the DS-2019 is due 60 days before the visa (orientation, 16 Jun 2026), not a month", () => {
    const result = planAt(matched(false), "2026-04-01T09:00:00Z");
    expect(dueDay(result, "visa_j1")).toBe("2026-06-16");
    expect(dueDay(result, "j1_ds2019")).toBe("2026-04-17");
  });

  it("with less than the allowance left, the visa step says to ask for an expedited appointment", () => {
    const action = step(planAt(matched(true), "2026-05-20T09:00:00Z"), "visa_j1")?.action ?? "";
    expect(action).toContain("Global Visa Wait Times");
    expect(action).toContain("ask the consulate for an expedited appointment");
  });

  it("with the allowance still ahead, it does not", () => {
    const action = step(planAt(matched(true), "2026-04-15T09:00:00Z"), "visa_j1")?.action ?? "";
    expect(action).not.toContain("expedited");
  });
});
