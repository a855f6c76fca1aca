import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { sentFollowingWakeUps } from "./follow-wake-ups.ts";

/**
 * The WDOMS check while the sponsor note is unknown: a look-up of minutes that
 * every ECFMG step waits on. It was given a target six weeks out and a hard deadline of the next
 * feasible Match (14 Oct 2027 for an applicant targeting 2027). Now: planned for this week, told at
 * the next delivery slot, then once a week until it is done; no deadline (no authority sets one).
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const unknown = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("sponsor-note-unknown-2027.json", SCENARIO_DIR), "utf8")),
) as ApplicantSnapshot;
const planAt = (now: Date): Plan => plan(unknown, seasonCalendar(2027), now);
const wdoms = (result: Plan) => result.reminders.filter((r) => r.milestone === "wdoms_listing");

describe("the WDOMS check while the sponsor note is unknown", () => {
  const monday = new Date("2026-11-30T12:00:00Z"); // 17:30 in Kolkata
  const result = planAt(monday);
  const step = result.nextSteps.find((candidate) => candidate.milestone === "wdoms_listing");

  it("is planned for this week (next Monday's delivery slot), as advice, with no deadline of any Match", () => {
    expect(step?.urgency).toBe("urgent");
    expect(step?.target?.local).toBe("Mon 7 Dec 2026, 9:00 AM GMT+5:30");
    expect(step?.target?.status).toBe("advice");
    expect(step?.target?.source).toContain("takes minutes");
    expect(step?.deadline).toBeUndefined();
    expect(step?.dueBy).toBeNull();
    expect(result.overdue).toEqual([]);
  });

  it("is told at the next delivery slot, with no countdown of rungs", () => {
    expect(
      wdoms(result)
        .filter((r) => r.rung !== "match-year-out-of-reach")
        .map((r) => [r.rung, r.sendAtLocal]),
    ).toEqual([["start-by", "2026-12-01T09:00:00.000+05:30"]]);
  });

  it("keeps its ids for every re-plan within the week", () => {
    // Sorted: the out-of-reach notice goes out at once, so its place in send order moves with now.
    const ids = (now: string) =>
      wdoms(planAt(new Date(now)))
        .map((r) => r.id)
        .sort();
    expect(ids("2026-12-02T08:00:00Z")).toEqual(ids("2026-11-30T12:00:00Z"));
    expect(ids("2026-12-05T20:00:00Z")).toEqual(ids("2026-11-30T12:00:00Z"));
  });

  it("keeps the week's target and rung ids from Sunday evening into Monday, before Monday's slot", () => {
    // Found by the reminder-id property (Europe/London, Sunday 18:00 then Monday 00:00): Monday
    // 00:00 counted as a new week and moved the target a week on, so every id changed.
    const weekly = (now: string) => {
      const current = planAt(new Date(now));
      const target = current.nextSteps.find((s) => s.milestone === "wdoms_listing")?.target?.local;
      const rungs = wdoms(current).filter((r) => r.rung !== "start-by");
      return { target, ids: rungs.map((r) => r.id).sort() }; // the out-of-reach notice's place moves with now
    };
    const sunday = weekly("2026-12-06T12:00:00Z"); // Sun 17:30 Kolkata
    // Less than a day before Monday's slot, the week aimed at is the next one
    // (the target was Monday's slot, hours away); a plan made that Sunday morning still aims at 7 Dec.
    expect(sunday.target).toBe("Mon 14 Dec 2026, 9:00 AM GMT+5:30");
    expect(weekly("2026-12-06T03:00:00Z").target).toBe("Mon 7 Dec 2026, 9:00 AM GMT+5:30"); // Sun 08:30 Kolkata
    expect(weekly("2026-12-06T19:00:00Z")).toEqual(sunday); // Mon 00:30 Kolkata
    expect(weekly("2026-12-07T03:00:00Z")).toEqual(sunday); // Mon 08:30 Kolkata
    expect(weekly("2026-12-07T03:31:00Z").target).toBe("Mon 14 Dec 2026, 9:00 AM GMT+5:30"); // after the slot
  });

  it("sends one WDOMS email a week while unchecked, following the wake-ups", () => {
    // The week's target moving on is an instant the plan notes (riskChangesAt): a wake-up then.
    const days = sentFollowingWakeUps(planAt, monday, new Date("2027-01-04T00:00:00Z"))
      .filter(
        (reminder) => reminder.milestone === "wdoms_listing" && reminder.rung !== "match-year-out-of-reach",
      )
      .map((reminder) => reminder.sendAtLocal.slice(0, 10));
    expect(days).toEqual(["2026-12-01", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]);
  });

  it("gives a school with no sponsor note (false) no weekly WDOMS rung, only its one critical notice", () => {
    const none = plan(
      {
        ...unknown,
        applicant: {
          ...unknown.applicant,
          medicalSchool: { ...unknown.applicant.medicalSchool, wdomsSponsorNote: false },
        },
      },
      seasonCalendar(2027),
      monday,
    );
    // The critical risk is told once; no weekly look-up ladder, no step rung.
    expect(none.reminders.map((r) => r.rung)).toEqual(["critical-risk"]);
    expect(none.nextSteps.find((s) => s.milestone === "wdoms_listing")?.target).toBeUndefined();
  });
});

describe("the WDOMS week target is never within hours of the plan", () => {
  const inZone = (timezone: string): ApplicantSnapshot => ({
    ...unknown,
    applicant: { ...unknown.applicant, timezone },
  });
  const targetOf = (snapshot: ApplicantSnapshot, now: Date) =>
    plan(snapshot, seasonCalendar(2027), now).nextSteps.find((s) => s.milestone === "wdoms_listing")?.target;

  it("gives a Monday sign-up before its delivery slot the next Monday, not the same morning", () => {
    // Mon 30 Nov 2026, 06:00 in Mexico City: the email at 08:00 said "aim to finish by 9:00 AM".
    const target = targetOf(inZone("America/Mexico_City"), new Date("2026-11-30T12:00:00Z"));
    expect(target?.local).toBe("Mon 7 Dec 2026, 9:00 AM CST");
  });

  it("is at least a day and at most eight days ahead, at every hour of the week, in several zones", () => {
    for (const zone of ["America/Mexico_City", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"]) {
      const snapshot = inZone(zone);
      for (let hour = 0; hour < 7 * 24; hour += 1) {
        const now = new Date(Date.parse("2026-11-28T00:30:00Z") + hour * 3_600_000);
        const at = Date.parse(targetOf(snapshot, now)?.at ?? "");
        const ahead = at - now.getTime();
        expect(ahead, `${zone} ${now.toISOString()}`).toBeGreaterThanOrEqual(24 * 3_600_000);
        expect(ahead, `${zone} ${now.toISOString()}`).toBeLessThanOrEqual(8 * 24 * 3_600_000 + 3_600_000);
      }
    }
  });
});
