import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A catch-up (a rung whose slot passed before sign-up, a warning's first notice) goes at the
 * applicant's next delivery slot, 09:00 local unless they chose another time; only a late arrival,
 * whose deadline that slot would reach or leave under a day before, goes at once (or when quiet
 * hours end). A night sign-up in Accra had its interview's 7-day rung and the Pathway certificate
 * warning sent at 08:00, the end of quiet hours, though the interview was six days off and the
 * warning's date three weeks: the warning was laid as a late arrival, and the day's rungs joined it.
 */
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL(
        "../../fixtures/catch-up-at-delivery-slot/pathway-certified-interviewing-accra.json",
        import.meta.url,
      ),
      "utf8",
    ),
  ),
);
const inZone = (timezone: string): ApplicantSnapshot => ({
  ...base,
  applicant: { ...base.applicant, timezone },
});
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
// The two caught up at sign-up (the warning's second notice, 14 days before its date, is not one).
const catchUps = (result: Plan) =>
  result.reminders.filter(
    (r) =>
      Date.parse(r.sendAt) < Date.parse("2026-12-06T00:00:00Z") &&
      (r.rung === "interview-prep-7d" ||
        (r.rung === "warning-notice" && r.risk === "PATHWAY_CERTIFICATE_MAY_EXPIRE")),
  );

describe("a catch-up that is no late arrival waits for the delivery slot", () => {
  it.each([
    // 23:55 on Fri 4 Dec in each zone, inside the default quiet hours (21:00-08:00).
    ["Africa/Accra", "2026-12-04T23:55:00Z", "2026-12-05T09:00:00.000+00:00"],
    ["Asia/Manila", "2026-12-04T15:55:00Z", "2026-12-05T09:00:00.000+08:00"],
    ["America/Chicago", "2026-12-05T05:55:00Z", "2026-12-05T09:00:00.000-06:00"],
  ])("%s, signed up at 23:55: the missed interview rung and the warning go at 09:00", (zone, now, slot) => {
    const result = planAt(inZone(zone), now);
    const found = catchUps(result);
    expect(found.map((r) => r.rung).sort()).toEqual(["interview-prep-7d", "warning-notice"]);
    for (const reminder of found) expect(reminder.sendAtLocal, reminder.rung).toBe(slot);
    // Nothing leaves at the end of quiet hours, an hour before the slot.
    const first = Math.min(...result.reminders.map((r) => Date.parse(r.sendAt)));
    expect(first).toBe(Date.parse(slot));
  });

  it("a warning first seen in the afternoon waits for the next morning's slot, its id unchanged", () => {
    const night = catchUps(planAt(base, "2026-12-04T23:55:00Z"));
    const afternoon = planAt(base, "2026-12-04T13:00:00Z");
    const warning = catchUps(afternoon).find((r) => r.rung === "warning-notice");
    expect(warning?.sendAtLocal).toBe("2026-12-05T09:00:00.000+00:00");
    expect(warning?.id).toBe(night.find((r) => r.rung === "warning-notice")?.id);
  });

  it("a chosen delivery time is kept: 10:30 in Accra", () => {
    const early = { ...base, applicant: { ...base.applicant, reminderTime: "10:30" } };
    const found = catchUps(planAt(early, "2026-12-04T23:55:00Z"));
    expect(found).toHaveLength(2);
    for (const reminder of found) expect(reminder.sendAtLocal).toBe("2026-12-05T10:30:00.000+00:00");
  });
});

/**
 * NRMP's early registration closes Mon 30 Nov 2026, 11:59 PM ET (projected): 4:59 AM on 1 Dec in
 * Lagos and Accra, 12:59 PM on 1 Dec in Manila, 10:59 PM on 30 Nov in Chicago. Signed up at 13:00
 * local on the 30th, the next 09:00 is after it or leaves under a day: a late arrival, sent at once.
 */
describe("a true late arrival is still sent at once", () => {
  it.each([
    ["Africa/Lagos", "2026-11-30T12:00:00.000Z"],
    ["Africa/Accra", "2026-11-30T13:00:00.000Z"],
    ["Asia/Manila", "2026-11-30T05:00:00.000Z"],
    ["America/Chicago", "2026-11-30T19:00:00.000Z"],
  ])("%s, signed up at 13:00 on NRMP's early-registration deadline day", (timezone, now) => {
    const input = inputFactory({
      applicant: applicantFactory({
        externalId: "late-1",
        timezone,
        matchYear: 2027,
        graduation: "2025-06-30",
      }),
      milestones: doneMilestones([
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "ecfmg_pathway",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
      ]),
    });
    const reminders = plan(input, seasonCalendar(2027), new Date(now)).reminders;
    const notice = reminders.find((r) => r.milestone === "nrmp_registration");
    expect(notice?.sendAt).toBe(now);
  });
});
