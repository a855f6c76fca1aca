import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isUndatedNotice } from "#domain/planner/critical-notice-id.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * Step 3's H-1B notice still falls back to the waiting Step 3 when the rank order list is no next step
 * (step3Carrier): Tanvir (Dhaka, H-1B, certificate pending) certified his list on 20 Feb 2027. On the
 * eve of the rank list deadline the notice on the blocked Step 3 said "Due in 23 hours", beside risks
 * saying Step 3 cannot be sat. Its date is the risk's, none Step 3 can be done by: it is a
 * notice with no date in the email and the CLI.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-list-certified-chittagong.json", import.meta.url);
const tanvir: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const EVE = "2027-02-23T20:00:00Z"; // Wed 24 Feb, 02:00 in Dhaka; the deadline is Thu 25 Feb, 08:00
const planned = plan(tanvir, seasonCalendar(2027), new Date(EVE));
const notice = planned.reminders.find((each) => each.risk === "STEP3_NEEDED_FOR_H1B");

describe("Step 3's notice on the waiting Step 3, the eve of the rank list deadline", () => {
  it("rides the blocked Step 3 (the case under test)", () => {
    expect(planned.blocked.map((each) => each.milestone)).toContain("usmle_step3");
    expect(notice?.milestone).toBe("usmle_step3");
    expect(notice?.sendAtLocal).toBe("2027-02-24T08:00:00.000+06:00");
  });

  it("is a notice with no date: no 'Due', no time left", () => {
    expect(notice !== undefined && isUndatedNotice(notice)).toBe(true);
    const text = renderReminderEmail({
      recipientName: tanvir.applicant.fullName,
      reminders: planned.reminders.filter((each) => each.sendAt === notice?.sendAt),
      plan: planned,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    }).text;
    const lines = text.split("\n");
    const title = lines.findIndex((line) => /^\d+\. Ranking on H-1B/.test(line));
    expect(title).toBeGreaterThan(-1);
    expect(lines[title + 1]?.trim().startsWith("Why it matters:")).toBe(true);
    expect(text).not.toMatch(/[Dd]ue in \d+ hours/);
  });

  it("the CLI's REMINDERS row says the same", () => {
    const row = renderPlan(planned, tanvir.applicant.fullName, "Asia/Dhaka")
      .split("\n")
      .find((line) => line.includes(notice?.id ?? "-none-"));
    expect(row).toMatch(/notice \(no date\)/);
  });
});
