import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Ioana, in Bucharest, interviews for the 2027 Match with Step 2 CK still being prepared (not
 * booked) and her Pathway application not started. MATCH_YEAR_LAST_DAY's day was the Pathway's
 * projected deadline (Sat 26 Dec 2026), yet it told her to "book your USMLE Step 2 CK sitting by"
 * that day, while EXAMS_LATE_FOR_RANKING gave Step 2 CK its own last day, Wed 27 Jan 2027: two
 * "by" days for one exam, and two warnings where the README says, with an interview, there is one.
 * Now EXAMS_LATE_FOR_RANKING alone, each step with its own day, and what past the Pathway's day means.
 */
const FILE = fileURLToPath(
  new URL(
    "../../fixtures/pathway-day-beside-exam/step2ck-preparing-pathway-not-started-2027.json",
    import.meta.url,
  ),
);
const ioana = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const planAt = (iso: string): Plan => plan(ioana, seasonCalendar(2027), new Date(iso));
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

describe("the Pathway's last day beside an exam's own", () => {
  const early = planAt("2026-11-30T20:00:00+02:00");
  const late = early.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");

  it("raises EXAMS_LATE_FOR_RANKING as the one warning", () => {
    expect(codes(early)).toContain("EXAMS_LATE_FOR_RANKING");
    expect(codes(early)).not.toContain("MATCH_YEAR_LAST_DAY");
    expect(late?.severity).toBe("warning");
    expect(late?.milestones).toEqual(["usmle_step2ck", "ecfmg_pathway"]);
  });

  it("binds Step 2 CK to its own last day and only the Pathway to 26 Dec", () => {
    expect(late?.message).toContain("take it by Wed 27 Jan 2027 at the latest");
    expect(late?.message).toContain("by Sat 26 Dec 2026 at the latest (projected)");
    expect(late?.message).not.toMatch(/Step 2 CK sitting by Sat 26 Dec/);
    expect(late?.message).toContain(
      "Past Sat 26 Dec 2026 (projected), ECFMG's 2027 deadline is not confirmed (it was 31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match): submit at once",
    );
  });

  it("in the Pathway day's last week, the Pathway is counted down by its own rungs", () => {
    const lastWeek = planAt("2026-12-22T20:00:00+02:00");
    expect(codes(lastWeek)).not.toContain("MATCH_YEAR_LAST_DAY");
    const risk = lastWeek.risks.find((entry) => entry.code === "EXAMS_LATE_FOR_RANKING");
    // No critical notice telling her to move an exam she has not booked.
    expect(risk?.severity).toBe("warning");
    const pathwayRungs = lastWeek.reminders.filter((reminder) => reminder.milestone === "ecfmg_pathway");
    // Sat 26 Dec 2026, 6:00 PM ET: the Pathway's projected deadline.
    expect(pathwayRungs.map((reminder) => reminder.deadline)).toContain("2026-12-26T23:00:00.000Z");
  });
});
