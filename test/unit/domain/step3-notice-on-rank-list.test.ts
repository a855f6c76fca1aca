import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sentReminderLabel } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Ayesha, Karachi time, H-1B, the 2027 Match: every exam done, the certificate not reported, so
 * Step 3 waits for it and ranking on H-1B is out of reach (STEP3_NEEDED_FOR_H1B). The eve of the
 * rank order list deadline, its notice was on the waiting Step 3, "Due in 23 hours", while the risk
 * said Step 3 could not be sat: what the notice asks (rank J-1 programs too) is done on the rank
 * order list, so it rides there, in place of the rank list's own rung at that instant.
 */
const file = fileURLToPath(
  new URL(
    "../../fixtures/step3-notice-on-rank-list/h1b-rawalpindi-certificate-pending.json",
    import.meta.url,
  ),
);
const ayesha = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const calendar = seasonCalendar(2027);
const rolDeadline = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

describe("the Step 3 notice, Step 3 waiting for the certificate", () => {
  for (const now of ["2026-11-30T15:00:00Z", "2027-02-23T20:00:00Z"]) {
    const result = plan(ayesha, calendar, new Date(now));
    const notice = result.reminders.find((reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B");

    it(`at ${now}: rides on the rank order list, due its deadline, and Step 3 gets no reminder`, () => {
      expect(result.blocked.map((step) => step.milestone)).toContain("usmle_step3");
      expect(result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B")?.severity).toBe("critical");
      expect(notice?.milestone).toBe("rank_order_list");
      expect(notice?.title).toContain("rank J-1 programs too");
      expect(Date.parse(notice?.deadline ?? "")).toBe(rolDeadline);
      expect(result.reminders.filter((reminder) => reminder.milestone === "usmle_step3")).toEqual([]);
    });
  }

  it("on the eve of the deadline it is the rank list's one email, due in 23 hours", () => {
    const result = plan(ayesha, calendar, new Date("2027-02-23T20:00:00Z"));
    const notice = result.reminders.find((reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B");
    if (notice === undefined) throw new Error("no Step 3 notice");
    expect(notice.sendAtLocal).toBe("2027-02-24T08:00:00.000+05:00");
    const atThatInstant = result.reminders.filter(
      (reminder) => reminder.milestone === "rank_order_list" && reminder.sendAt === notice.sendAt,
    );
    expect(atThatInstant.map((reminder) => reminder.rung)).toEqual(["critical-risk"]);
    expect(sentReminderLabel(notice, notice.sendAt).label).toBe("Due in 23 hours");
  });
});
