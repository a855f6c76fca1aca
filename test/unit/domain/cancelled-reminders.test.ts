import { describe, expect, it } from "vitest";
import { cancelledReminders } from "#domain/cancelled-reminders.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory, interviewFactory } from "./factories.ts";

/** Which scheduled reminders a re-plan drops, and why (the notice ledger's "cancelled" rows). */
const NOW = new Date("2026-06-01T00:00:00Z");
const LATER = new Date("2026-06-02T00:00:00Z");
const input = (
  milestones: MilestoneEntry[],
  interviews = [interviewFactory({ id: "iv-1", startsAt: "2026-11-12T10:00:00-05:00" })],
): PlannerInput => inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones, interviews });
const planAt = (planned: PlannerInput, at: Date) => plan(planned, seasonCalendar(2027), at);
const step2 = (entry: Omit<MilestoneEntry, "key">): MilestoneEntry => ({ key: "usmle_step2ck", ...entry });
const base = examsDone().filter((entry) => entry.key !== "usmle_step2ck");

describe("cancelledReminders", () => {
  const before = planAt(input([...base, step2({ status: "scheduled", date: "2026-08-20" })]), NOW);
  const step2Ids = before.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck");

  it.each([
    ["done", step2({ status: "done", date: "2026-06-01" }), "every rung"],
    ["waived", step2({ status: "waived" }), "every rung"],
    // Only the rungs that count down to the applicant's own exam date; the hard deadline's stay.
    ["date-moved", step2({ status: "scheduled", date: "2026-08-27" }), "own-date rungs"],
  ] as const)("names %s as the reason for the step's dropped reminders", (reason, entry, which) => {
    const after = planAt(input([...base, entry]), LATER);
    const cancelled = cancelledReminders(
      before.reminders,
      NOW.toISOString(),
      after,
      input([...base, entry]),
      new Set(),
    );
    const expected = step2Ids.filter(
      (reminder) => which === "every rung" || reminder.countsDownTo === "own-date",
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(cancelled.map((reminder) => reminder.id).sort()).toEqual(
      expected.map((reminder) => reminder.id).sort(),
    );
    expect(new Set(cancelled.map((reminder) => reminder.reason))).toEqual(new Set([reason]));
  });

  it("says an interview was cancelled when it is gone, and leaves out what was sent or already due", () => {
    const unchanged = [...base, step2({ status: "scheduled", date: "2026-08-20" })];
    const after = planAt(input(unchanged, []), LATER);
    const interviewIds = before.reminders
      .filter((reminder) => reminder.interviewId === "iv-1")
      .map((r) => r.id);
    expect(interviewIds.length).toBeGreaterThan(0);
    const [sent, ...rest] = interviewIds;
    const cancelled = cancelledReminders(
      before.reminders,
      NOW.toISOString(),
      after,
      input(unchanged, []),
      new Set([sent ?? ""]),
    );
    expect(cancelled.map((reminder) => reminder.id).sort()).toEqual([...rest].sort());
    expect(cancelled.every((reminder) => reminder.reason === "interview-cancelled")).toBe(true);
    // Stored after every one of them was due: none was still scheduled, so none is "cancelled" now.
    expect(
      cancelledReminders(before.reminders, "2030-01-01T00:00:00Z", after, input(unchanged, []), new Set()),
    ).toEqual([]);
  });

  it("says a moved interview's date moved, not that it was cancelled, when the form sends no interview id", () => {
    // Without an operator's id an interview is known by program and start, so a moved one has a new id.
    const entries = [...base, step2({ status: "scheduled", date: "2026-08-20" })];
    const noId = (startsAt: string) => [interviewFactory({ program: "Mercy Internal Medicine", startsAt })];
    const first = planAt(input(entries, noId("2026-11-12T10:00:00-05:00")), NOW);
    const moved = input(entries, noId("2026-11-19T10:00:00-05:00"));
    const cancelled = cancelledReminders(
      first.reminders,
      NOW.toISOString(),
      planAt(moved, LATER),
      moved,
      new Set(),
    );
    const interviewRows = cancelled.filter((reminder) => reminder.milestone === "interview");
    expect(interviewRows.length).toBeGreaterThan(0);
    expect(new Set(interviewRows.map((reminder) => reminder.reason))).toEqual(new Set(["date-moved"]));
    // Another program's interview in its place is not the same interview moved.
    const other = input(entries, [
      interviewFactory({ program: "Lakeside Family Medicine", startsAt: "2026-11-19T10:00:00-05:00" }),
    ]);
    const replaced = cancelledReminders(
      first.reminders,
      NOW.toISOString(),
      planAt(other, LATER),
      other,
      new Set(),
    );
    expect(
      new Set(
        replaced.filter((reminder) => reminder.milestone === "interview").map((reminder) => reminder.reason),
      ),
    ).toEqual(new Set(["interview-cancelled"]));
  });

  it("drops nothing when the plan keeps its reminders", () => {
    const same = input([...base, step2({ status: "scheduled", date: "2026-08-20" })]);
    expect(
      cancelledReminders(before.reminders, NOW.toISOString(), planAt(same, LATER), same, new Set()),
    ).toEqual([]);
  });
});
