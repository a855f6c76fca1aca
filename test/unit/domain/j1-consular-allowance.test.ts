import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * The J-1 visa step gets a consular allowance as its lead time; with less time left
 * than that, the visa step says to check the consulate's wait and ask for an expedited appointment.
 * The DS-2019 stays due a month before the visa: counted back 60 days it fell one day after the J-1
 * sponsorship's date, leaving ECFMG no time for its 4-6 week review; between
 * Match Day and residency start the chain cannot hold ECFMG's review and a 60-day wait both. So the
 * allowance is that month, not the visitor visa's 60 days (j1-allowances-agree.test.ts checks every
 * J-1 text against the chain's dates).
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

describe("the J-1 visa step has the DS-2019's month as its consular allowance, the chain ECFMG's review", () => {
  it("the visa's lead time is the month the DS-2019 is due before the visa, not the visitor-visa allowance", () => {
    const due = catalogEntry("j1_ds2019").due;
    expect(due.from === "milestone" ? [due.key, due.offsetDays] : null).toEqual(["visa_j1", -30]);
    expect(catalogEntry("visa_j1").leadTimeDays.days).toBe(due.from === "milestone" ? -due.offsetDays : null);
    expect(catalogEntry("visa_j1").leadTimeDays.days).toBeLessThan(CONSULAR_WAIT_DAYS);
  });

  it("the DS-2019 (Fri 15 May) leaves ECFMG at least 4 weeks after the sponsorship's date", () => {
    const result = planAt(matched(false), "2026-04-01T09:00:00Z");
    expect(dueDay(result, "visa_j1")).toBe("2026-06-16");
    // A month before the visa is Sun 17 May 2026: an office step's due day moves to the Friday
    // before (office-days.ts).
    expect(dueDay(result, "j1_ds2019")).toBe("2026-05-15");
    const unsponsored = ApplicantSnapshotSchema.parse({
      ...matched(false),
      milestones: matched(false).milestones.filter(
        (m) => m.key !== "j1_ecfmg_sponsorship" && m.key !== "j1_statement_of_need",
      ),
    });
    const chain = planAt(unsponsored, "2026-03-28T09:00:00Z");
    const sponsorship = Date.parse(dueDay(chain, "j1_ecfmg_sponsorship") ?? "");
    const ds2019 = Date.parse(dueDay(chain, "j1_ds2019") ?? "");
    expect((ds2019 - sponsorship) / 86_400_000).toBeGreaterThanOrEqual(28);
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

  // An interview booked before the visa date is the appointment the note asks
  // for; the note stays only with none booked, or one booked after that date.
  const booked = (date: string): ApplicantSnapshot =>
    ApplicantSnapshotSchema.parse({
      ...matched(true),
      milestones: [...matched(true).milestones, { key: "visa_j1", status: "scheduled", date }],
    });

  it("an interview booked before the visa date (16 Jun) drops the expedite note, before and after its day", () => {
    const before = step(planAt(booked("2026-06-08"), "2026-05-20T09:00:00Z"), "visa_j1")?.action ?? "";
    expect(before).toContain("Your J-1 visa interview is on Mon 8 Jun 2026");
    expect(before).not.toContain("Less time is left");
    expect(before).not.toContain("expedited");
    const after = step(planAt(booked("2026-06-08"), "2026-06-12T09:00:00Z"), "visa_j1")?.action ?? "";
    expect(after).toContain("Was the visa issued?");
    expect(after).not.toContain("Less time is left");
  });

  it("an interview booked after the visa date: the words that the day is after it, no note about a wait already behind her", () => {
    const action = step(planAt(booked("2026-06-25"), "2026-05-20T09:00:00Z"), "visa_j1")?.action ?? "";
    expect(action).toContain("after Tue 16 Jun 2026");
    expect(action).toContain("Ask the consulate for an earlier or expedited appointment");
    expect(action).not.toContain("Less time is left");
  });

  // The contract is the first step after the Match: the consulate's own J-1 wait is checked then,
  // while there is still time to ask for an expedited appointment.
  const atContract = (visa: "J-1" | "H-1B"): ApplicantSnapshot =>
    ApplicantSnapshotSchema.parse({
      ...done,
      applicant: { ...done.applicant, timezone: "Asia/Amman", visa },
      milestones: [
        ...done.milestones.filter((m) => !m.key.startsWith("visa_") && !m.key.startsWith("j1_")),
        ...afterMatch.filter((m) => m.key === "match_week" || m.key === "soap" || m.key === "match_day"),
      ],
    });

  it("the contract's card asks a J-1 applicant to check their consulate's J-1 wait now", () => {
    const action = step(planAt(atContract("J-1"), "2026-03-21T09:00:00Z"), "contract")?.action ?? "";
    expect(action).toContain("Check your consulate's J-1 (exchange visitor) visa wait now");
    expect(action).toContain("Global Visa Wait Times");
    expect(action).toContain(`allows ${catalogEntry("visa_j1").leadTimeDays.days} days from your DS-2019`);
    expect(action).toContain("ask it for an expedited appointment as soon as your DS-2019 arrives");
  });

  it("an H-1B applicant's contract card does not", () => {
    const action = step(planAt(atContract("H-1B"), "2026-03-21T09:00:00Z"), "contract")?.action ?? "";
    expect(action).not.toBe("");
    expect(action).not.toContain("J-1 (exchange visitor)");
  });
});
