import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * An applicant who books an interview N days ahead (the season simulation books 14 to 27 days
 * ahead; here 3 to 20) gets both preparation rungs as two reminders on two local days: the 7-day
 * rung (re-timed to the next delivery slot when the booking came after its slot) and the 1-day
 * rung. Booked 2 days ahead, the 7-day rung's catch-up slot is the 1-day rung's own slot, so by
 * the planner's contract (a catch-up only before the next rung) the plan holds the 1-day rung alone. Replaying the reminder function's wake-ups (re-plan at each fire time, send what is due,
 * arm the next) sends both. The thank-you ladder has one rung: re-plans after it was sent re-time
 * it (same id) but never add a second one, which is why the season's coverage metric counts
 * rungs by id, not by planned instant. The applicant has done what the 2027 Match needs before
 * ERAS, so the interview is in a Match in reach.
 */

const ZONES = ["Asia/Kolkata", "Pacific/Auckland", "America/New_York", "Europe/London", "Africa/Lagos"];
const DAY = 86_400_000;
const START = Date.parse("2026-11-18T15:00:00Z");

function inputFor(zone: string) {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027 }),
    // In reach of the 2027 Match: a Match dropped for a later one sends its interviews no reminders.
    milestones: doneMilestones(PRE_ERAS_KEYS),
    interviews: [
      interviewFactory({
        id: "iv-1",
        program: "Mercy IM",
        startsAt: new Date(START).toISOString(),
        timezone: "America/Chicago",
      }),
    ],
  });
}

function planAt(zone: string, now: number): Plan {
  return plan(inputFor(zone), seasonCalendar(2027), new Date(now));
}

const prep = (p: Plan): Reminder[] =>
  p.reminders.filter((r) => r.interviewId === "iv-1" && r.rung.startsWith("interview-prep"));

/** The reminder function's loop from `from` to the end: re-plan at each wake-up, send what is due. */
function replaySends(zone: string, from: number, until: number) {
  const sent = new Map<string, { rung: string; at: number }>();
  const plannedIds = new Map<string, Set<number>>();
  let now = from;
  for (let guard = 0; guard < 100; guard++) {
    const current = planAt(zone, now);
    for (const r of current.reminders) {
      const at = plannedIds.get(r.id) ?? new Set<number>();
      at.add(Date.parse(r.sendAt));
      plannedIds.set(r.id, at);
    }
    const sentIds = new Set(sent.keys());
    for (const r of dueReminders(current, new Date(now), sentIds))
      if (r.interviewId === "iv-1") sent.set(r.id, { rung: r.rung, at: now });
    const next = nextWakeUp(current, new Date(now), new Set(sent.keys()));
    if (next === undefined || next.getTime() > until) break;
    now = next.getTime();
  }
  return { sent, plannedIds };
}

describe("interview preparation reminders for an interview booked N days ahead", () => {
  for (const zone of ZONES) {
    it(`keeps both prep rungs as two reminders on two local days (${zone}, N = 3..20)`, () => {
      for (let n = 3; n <= 20; n++) {
        const bookedAt = START - n * DAY;
        const reminders = prep(planAt(zone, bookedAt));
        const days = reminders.map((r) => DateTime.fromMillis(Date.parse(r.sendAt), { zone }).toISODate());
        expect(
          reminders.map((r) => r.rung),
          `N=${n}`,
        ).toEqual(["interview-prep-7d", "interview-prep-1d"]);
        expect(new Set(reminders.map((r) => r.id)).size, `N=${n}`).toBe(2);
        expect(new Set(days).size, `N=${n}`).toBe(2);
        for (const r of reminders) {
          expect(Date.parse(r.sendAt)).toBeGreaterThanOrEqual(bookedAt);
          expect(Date.parse(r.sendAt)).toBeLessThan(START);
        }
      }
    });

    it(`sends both prep rungs and one thank-you when the wake-ups are replayed (${zone})`, () => {
      for (let n = 3; n <= 20; n++) {
        const { sent, plannedIds } = replaySends(zone, START - n * DAY, START + 3 * DAY);
        const rungs = [...sent.values()].map((s) => s.rung);
        expect(rungs, `N=${n}`).toEqual(["interview-prep-7d", "interview-prep-1d", "interview-thank-you"]);
        const thankYou = planAt(zone, START + DAY).reminders.find((r) => r.rung === "interview-thank-you");
        // One rung, one id, however many instants re-planning gave it.
        expect(thankYou && sent.has(thankYou.id)).toBe(true);
        expect(
          [...plannedIds.keys()].filter((id) => sent.get(id)?.rung === "interview-thank-you"),
        ).toHaveLength(1);
      }
    });
  }

  it("booked 2 days ahead, after the delivery time, holds only the 1-day rung (the catch-up would share its slot)", () => {
    const reminders = prep(planAt("Asia/Kolkata", START - 2 * DAY));
    expect(reminders.map((r) => r.rung)).toEqual(["interview-prep-1d"]);
  });

  it("re-plans after the thank-you was sent re-time the same rung to the next slot (one id, two instants)", () => {
    const zone = "Asia/Kolkata";
    const { sent, plannedIds } = replaySends(zone, START - 20 * DAY, START + 3 * DAY);
    const thankYouId = [...sent].find(([, s]) => s.rung === "interview-thank-you")?.[0] ?? "";
    const sentAt = sent.get(thankYouId)?.at ?? 0;
    // A plan made after the slot (here by the next wake-up) still holds it under the same id. The
    // next 09:00 would leave less than a day before the deadline, so it is held at once (the late
    // arrival rule); the ledger keeps it from being sent twice.
    const later = planAt(zone, sentAt + 60_000).reminders.find((r) => r.id === thankYouId);
    expect(later?.rung).toBe("interview-thank-you");
    expect(Date.parse(later?.sendAt ?? "")).toBe(sentAt + 60_000);
    expect(plannedIds.get(thankYouId)?.size).toBeGreaterThanOrEqual(1);
  });
});
