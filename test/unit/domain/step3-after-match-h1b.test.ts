import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Nour, Cairo, H-1B, list certified, no Step 3, Match Day unanswered. Her Step 3 card calls the
 * petition's sit-by day (Fri 19 Mar 2027) out of reach and waits for where she matched. The row had
 * no date on Match Day, then from April a passed 19 Mar standing "urgent", while the notice said "Due"
 * then "Overdue since" Fri 2 Apr. One date: the row shows none throughout, nor does the notice on
 * it (a notice with no date); Match Day's own row keeps its date and its overdue line.
 */
const nour = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL(
          "../../fixtures/step3-after-match-h1b/h1b-cairo-no-step3-list-certified.json",
          import.meta.url,
        ),
      ),
      "utf8",
    ),
  ),
);
const calendar = seasonCalendar(2027);

describe("H-1B Step 3 waiting for where she matched, its petition day out of reach", () => {
  for (const now of ["2027-03-19T21:00:00+02:00", "2027-04-10T10:00:00+03:00", "2027-06-15T10:00:00+03:00"]) {
    it(`at ${now}: the row has no date, is never overdue, and neither has its notice`, () => {
      const result = plan(nour, calendar, new Date(now));
      const step = result.nextSteps.find((next) => next.milestone === "usmle_step3");
      expect(step).toBeDefined();
      expect(step?.deadline).toBeUndefined();
      expect(result.overdue.map((overdue) => overdue.milestone)).not.toContain("usmle_step3");
      const notice = result.reminders.find(
        (reminder) => reminder.milestone === "usmle_step3" && reminder.rung === "critical-risk",
      );
      if (notice === undefined) throw new Error("no notice on Step 3");
      expect(isUndatedNotice(notice)).toBe(true);
      expect(notice.overdueSince).toBeUndefined();
      expect(notice.stepDate).toBeUndefined();
    });
  }
});
