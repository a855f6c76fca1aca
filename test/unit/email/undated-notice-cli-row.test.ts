import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-notice-id.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * Priya (Kolkata, H-1B, certified, Step 3 not started) certified her rank order list; on 5 Mar 2027,
 * after ranking and before Match Day, Step 3's notice says the H-1B is likely out of reach if she
 * matches with an H-1B program. It has no date, and `npm run plan`'s REMINDERS row read "-" as its
 * step and "-" as its date: the reader could not tell what the row was. It names the step it rides
 * on and says "no date:" with what the notice says, whole on a line under the table.
 */
const FILE = new URL("../../fixtures/undated-step3-notice/h1b-list-certified-kolkata.json", import.meta.url);
const priya = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const planned = plan(priya, seasonCalendar(2027), new Date("2027-03-05T10:00:00Z"));
const notice = planned.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
const cli = renderPlan(planned, priya.applicant.fullName, "Asia/Kolkata").split("\n");

describe("a notice with no date in the CLI's REMINDERS table", () => {
  it("is the undated Step 3 notice (the case under test)", () => {
    expect(notice?.milestone).toBe("usmle_step3");
    expect(notice !== undefined && isUndatedNotice(notice)).toBe(true);
  });

  it("names its step and says what it says, never a bare '-'", () => {
    const row = cli.find((line) => line.includes(notice?.id ?? "-none-")) ?? "";
    const cells = row.trim().split(/\s{2,}/);
    expect(cells[1]).toBe("usmle_step3");
    expect(cells).not.toContain("-");
    expect(row).toContain("notice (no date)");
    expect(cells.at(-1)).toMatch(/^no date: If you match with an H-1B program/);
  });

  it("gives the notice's words whole under the table, where the cell stops", () => {
    expect(cli).toContain(`  - ${notice?.id}, a notice with no date: ${notice?.title}`);
  });
});
