import { describe, expect, it } from "vitest";
import type { Budget } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Chidi, an H-1B applicant in Lagos for the 2027 Match, reports one exam at a time. An exam's fee is
 * paid at registration, before its day can be booked (fees.json), so an exam with its day given is
 * paid whether he reports it scheduled or under way, the day ahead or passed, and once done; under
 * way with no day (still registering) or not started, it is still to pay.
 */
const NOW = new Date("2026-10-01T10:00:00Z");
const EXAMS: readonly [MilestoneKey, string][] = [
  ["usmle_step1", "usmle_step1_exam"],
  ["usmle_step2ck", "usmle_step2ck_exam"],
  ["oet_medicine", "oet_medicine_test"],
  ["usmle_step3", "usmle_step3_exam"],
];
const budgetWith = (key: MilestoneKey, status: MilestoneStatus, date?: string): Budget =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2027,
        graduation: "2025-06-30",
        timezone: "Africa/Lagos",
        visa: "H-1B",
      }),
      milestones: [
        milestoneFactory("ecfmg_application", "done", "2025-09-01"),
        milestoneFactory(key, status, date),
      ],
    }),
    seasonCalendar(2027),
    NOW,
  ).budget;
const statusOfFee = (budget: Budget, feeKey: string): string | undefined =>
  [...budget.items, ...(budget.otherCurrency ?? []), ...(budget.toVerify ?? [])].find(
    (item) => item.key === feeKey,
  )?.status;

describe.each(EXAMS)("%s: its fee is paid once the exam is booked", (key, feeKey) => {
  it.each([
    ["under way, its day ahead", "in_progress", "2026-11-20"],
    ["under way, its day passed", "in_progress", "2026-09-10"],
    ["scheduled, its day ahead", "scheduled", "2026-11-20"],
    ["scheduled, its day passed", "scheduled", "2026-09-10"],
    ["done", "done", "2026-09-10"],
  ] as const)("%s: spent", (_, status, date) => {
    expect(statusOfFee(budgetWith(key, status, date), feeKey)).toBe("spent");
  });

  it.each([
    ["under way with no day (still registering)", "in_progress"],
    ["not started", "not_started"],
  ] as const)("%s: not spent", (_, status) => {
    expect(statusOfFee(budgetWith(key, status), feeKey)).not.toBe("spent");
  });
});
