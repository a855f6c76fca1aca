import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * H-1B after the Match: USCIS approving the petition is not the visa; an
 * applicant abroad still needs the visa stamped at a US consulate (DS-160, the $205 H visa fee, an
 * interview whose wait differs by post). The step follows the petition, its lead time is advice
 * citing the State Department's Global Visa Wait Times tool, and its fee is the H visa fee.
 */

const MATCHED: MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "ecfmg_certification",
  "usmle_step3",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "rank_order_list",
  "match_week",
  "match_day",
  "contract",
];
const calendar = seasonCalendar(2027);
const planAt = (extra: ReturnType<typeof milestoneFactory>[], now: string): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({ matchYear: 2027, visa: "H-1B", timezone: "Asia/Karachi" }),
      milestones: [...doneMilestones(MATCHED, "2027-03-20"), ...extra],
    }),
    calendar,
    new Date(now),
  );

describe("the H-1B visa stamping step", () => {
  const entry = catalogEntry("visa_h1b_stamping");

  it("is data with its sources: official why, advice lead time citing the wait-times tool", () => {
    expect(entry.applies.visas).toEqual(["H-1B"]);
    expect(entry.why.basis).toBe("official");
    expect(entry.why.source).toMatch(/^https:\/\/travel\.state\.gov\//);
    expect(entry.leadTimeDays.basis).toBe("advice");
    expect(entry.leadTimeDays.source).toContain(
      "https://travel.state.gov/content/travel/en/us-visas/visa-information-resources/global-visa-wait-times.html",
    );
    expect(entry.prerequisites.map((prerequisite) => prerequisite.key)).toEqual(["visa_h1b"]);
  });

  it("the approved petition is due the consular allowance before the stamping, the visitor visa's and the stamping's own lead time", () => {
    const due = catalogEntry("visa_h1b").due;
    expect(due.from === "milestone" ? [due.key, due.offsetDays] : null).toEqual([
      "visa_h1b_stamping",
      -CONSULAR_WAIT_DAYS,
    ]);
    expect(due.basis).toBe("advice");
    expect(entry.leadTimeDays.days).toBe(CONSULAR_WAIT_DAYS);
    const result = planAt([], "2027-04-05T09:00:00Z");
    const day = (key: MilestoneKey) =>
      [...result.nextSteps, ...result.blocked].find((step) => step.milestone === key)?.deadline?.day;
    expect(day("visa_h1b_stamping")).toBe("2027-06-16");
    // 60 days before is Sat 17 Apr 2027: an office step's due day moves to the Friday before.
    expect(day("visa_h1b")).toBe("2027-04-16");
  });

  it("waits, silent, for the petition; the petition is due before the stamping", () => {
    const result = planAt([], "2027-04-05T09:00:00Z");
    const blocked = result.blocked.find((step) => step.milestone === "visa_h1b_stamping");
    expect(blocked?.waitingFor.join(" ")).toContain("visa_h1b");
    expect(result.reminders.filter((reminder) => reminder.milestone === "visa_h1b_stamping")).toEqual([]);
    const petition = result.nextSteps.find((step) => step.milestone === "visa_h1b");
    const start = calendar.dates.residency_start.at;
    expect(Date.parse(petition?.dueBy ?? "")).toBeLessThan(start - 40 * 86_400_000);
  });

  it("once the petition is approved, is the next visa step with reminders before its deadline, and carries the H visa fee", () => {
    const result = planAt([milestoneFactory("visa_h1b", "done", "2027-04-20")], "2027-04-21T09:00:00Z");
    const step = result.nextSteps.find((candidate) => candidate.milestone === "visa_h1b_stamping");
    expect(step?.title).toBe("Get your H-1B visa stamped at a US consulate");
    expect(step?.action).toContain("Global Visa Wait Times");
    const due = Date.parse(step?.dueBy ?? "");
    expect(due).toBeLessThan(calendar.dates.residency_start.at);
    const reminders = result.reminders.filter((reminder) => reminder.milestone === "visa_h1b_stamping");
    expect(reminders.length).toBeGreaterThan(1);
    for (const reminder of reminders) expect(Date.parse(reminder.sendAt)).toBeLessThanOrEqual(due);
    const fee = result.budget.items.find((item) => item.key === "h_visa_mrv");
    expect(fee).toMatchObject({ amountUsd: 205, status: "upcoming", basis: "official" });
  });

  it("is done once stamped, and not on the J-1 track", () => {
    const stamped = planAt(
      [
        milestoneFactory("visa_h1b", "done", "2027-04-20"),
        milestoneFactory("visa_h1b_stamping", "done", "2027-05-30"),
      ],
      "2027-06-01T09:00:00Z",
    );
    expect(stamped.nextSteps.map((step) => step.milestone)).not.toContain("visa_h1b_stamping");
    const j1 = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
        milestones: doneMilestones(MATCHED),
      }),
      calendar,
      new Date("2027-04-05T09:00:00Z"),
    );
    expect([...j1.nextSteps, ...j1.blocked].map((step) => step.milestone)).not.toContain("visa_h1b_stamping");
  });
});
