import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * One email per step per morning. Wanjiru (Nairobi) arrives at 22:30 on Mon 7 Dec 2026,
 * inside her quiet hours, NRMP registration not started and an interview the next evening: the
 * interview's notice goes out at once, the critical NRMP notice when quiet hours end (08:00), and
 * the NRMP rung due at 09:00 that day joined neither; two NRMP emails an hour apart. The earlier one
 * stays, with its id; re-planned after it went out (the ledger's remindersSent), the 09:00 rung is
 * not sent that day, nor caught up the next.
 */
const file = fileURLToPath(
  new URL("../../fixtures/late-arrival/nrmp-unregistered-nairobi-interview.json", import.meta.url),
);
const wanjiru = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const calendar = seasonCalendar(2027);
const ARRIVAL = "2026-12-07T19:30:00Z"; // 22:30 in Nairobi
const QUIET_END = Date.parse("2026-12-08T05:00:00Z"); // 08:00 in Nairobi
// Registration's late deadline is weeks away: the notice goes at the delivery slot, not the quiet hours' end.
const SLOT = Date.parse("2026-12-08T06:00:00Z"); // 09:00 in Nairobi
const DAY_AFTER_END = Date.parse("2026-12-09T21:00:00Z"); // midnight ending Wed 9 Dec in Nairobi

const nrmpBefore = (result: Plan, before: number) =>
  result.reminders.filter(
    (each) => each.milestone === "nrmp_registration" && Date.parse(each.sendAt) < before,
  );

describe("a late arrival in quiet hours: one NRMP email the next morning", () => {
  const arrival = plan(wanjiru, calendar, new Date(ARRIVAL));

  it("the critical notice at the morning's delivery slot is the only NRMP email that morning", () => {
    const morning = nrmpBefore(arrival, QUIET_END + 12 * 3_600_000);
    expect(morning.map((each) => [each.rung, Date.parse(each.sendAt)])).toEqual([[CRITICAL_RISK_RUNG, SLOT]]);
    // The interview's notice still goes at once: it is another step.
    expect(
      arrival.reminders.some(
        (each) => each.interviewId !== undefined && Date.parse(each.sendAt) === Date.parse(ARRIVAL),
      ),
    ).toBe(true);
  });

  it("the same input and instant give the same ids", () => {
    const again = plan(wanjiru, calendar, new Date(ARRIVAL));
    expect(again.reminders.map((each) => each.id)).toEqual(arrival.reminders.map((each) => each.id));
  });

  it("re-planned after the notice went out, no second NRMP email that day or the next", () => {
    const [notice] = nrmpBefore(arrival, SLOT + 1);
    expect(notice?.rung).toBe(CRITICAL_RISK_RUNG);
    const remindersSent = { [notice?.id as string]: new Date(SLOT).toISOString() };
    for (const now of ["2026-12-08T06:00:30Z", "2026-12-08T06:30:00Z", "2026-12-08T09:00:00Z"]) {
      const later = plan({ ...wanjiru, remindersSent }, calendar, new Date(now));
      const unsent = nrmpBefore(later, DAY_AFTER_END).filter((each) => each.id !== notice?.id);
      expect(unsent, now).toEqual([]);
    }
  });
});
