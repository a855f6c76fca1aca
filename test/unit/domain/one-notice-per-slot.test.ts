import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));

describe("one notice per step and deadline per delivery slot", () => {
  // 05:00 in Lagos on the NRMP early-registration day; the deadline is 23:59 ET, 05:59 Lagos next day.
  const lagos = load("late-arrival-lagos-2027.json");
  const now = "2026-11-30T04:00:00Z";

  it("sends the due-in-1d rung at the end of quiet hours and drops the stale due-in-3d catch-up", () => {
    const nrmp = planAt(lagos, now).reminders.filter((r) => r.milestone === "nrmp_registration");
    expect(nrmp.map((r) => [r.rung, r.sendAtLocal])).toEqual([
      ["due-in-1d", "2026-11-30T08:00:00.000+01:00"],
    ]);
  });

  it("does the same for the interview's preparation rungs", () => {
    const interview = planAt(lagos, now).reminders.filter((r) => r.interviewId === "iv-lagos-1");
    expect(interview.filter((r) => r.sendAt === "2026-11-30T07:00:00.000Z").map((r) => r.rung)).toEqual([
      "interview-prep-1d",
    ]);
  });

  it("sends at 08:00, not the 09:00 slot, by design: less than a day is left, so the notice goes at the end of quiet hours (21:00-08:00)", () => {
    const first = planAt(lagos, now).reminders[0];
    expect(first?.sendAtLocal).toBe("2026-11-30T08:00:00.000+01:00");
    const laterQuiet = plan(
      { ...lagos, quietHours: { start: "22:00", end: "07:00" } },
      seasonCalendar(2027),
      new Date(now),
    );
    expect(laterQuiet.reminders[0]?.sendAtLocal).toBe("2026-11-30T07:00:00.000+01:00");
  });

  it("keeps ids deterministic, and the 08:00 wake-up's re-plan sends nothing more that day", () => {
    const first = planAt(lagos, now);
    expect(planAt(lagos, now).reminders.map((r) => r.id)).toEqual(first.reminders.map((r) => r.id));
    const wakeUp = new Date("2026-11-30T07:00:00Z");
    const sent = new Set(dueReminders(first, wakeUp, new Set()).map((r) => r.id));
    const after = planAt(lagos, "2026-11-30T07:00:30Z");
    const sameDay = after.reminders.filter((r) => !sent.has(r.id) && r.sendAt < "2026-11-30T23:00:00.000Z");
    expect(sameDay).toEqual([]);
  });

  it("never gives one step two notices for one deadline at one instant, over every scenario at many instants", () => {
    const files = readdirSync(SCENARIO_DIR).filter((file) => file.endsWith(".json"));
    let checked = 0;
    for (const file of files) {
      const snapshot = load(file);
      const year = snapshot.applicant.matchYear;
      const instants = new Set<number>();
      for (let hour = 0; hour < 24 * 400; hour += 97)
        instants.add(Date.UTC(year - 2, 3, 1) + hour * 3_600_000);
      // The hours before each deadline are where a missed rung and a joined rung can meet.
      for (const r of planAt(snapshot, new Date(Date.UTC(year - 1, 9, 1)).toISOString()).reminders)
        for (const hoursBefore of [5, 20, 23, 26])
          instants.add(Date.parse(r.deadline) - hoursBefore * 3_600_000);
      for (const instant of instants) {
        const at = new Date(instant).toISOString();
        const result = planAt(snapshot, at);
        const seen = new Set<string>();
        for (const r of result.reminders) {
          if (r.rung === "match-year-out-of-reach") continue;
          const key = `${r.milestone}|${r.interviewId ?? ""}|${r.deadline}|${r.sendAt}`;
          expect(seen.has(key), `${file} at ${at}: ${key}`).toBe(false);
          seen.add(key);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
