import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sentReminderLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Words that did not fit the step's status or the plan's dates, replayed on the
 * new user's own applicants (test/fixtures/new-user-trial-2027) at the instants they named.
 */
const DIR = fileURLToPath(new URL("../../fixtures/new-user-trial-2027/", import.meta.url));

function planOf(file: string, now: string): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}

const stepOf = (result: Plan, milestone: string) =>
  result.nextSteps.find((step) => step.milestone === milestone);

describe("a Pathway too late for the 2027 Match says which deadline passed and when the 2028 one can be applied for", () => {
  it.each([
    // Past the latest candidate's Pathway deadline too, Tue 2 Feb 2027.
    ["kolkata_ck_march.json", "2027-02-04T10:00:00+05:30"],
    ["karachi_ck_sat_late.json", "2027-02-20T08:00:00+05:00"],
  ])("%s at %s", (file, now) => {
    const pathway = stepOf(planOf(file, now), "ecfmg_pathway");
    expect(pathway?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(pathway?.action).not.toContain("submit the application now");
    expect(pathway?.action).toContain(
      "The 2027 Match's deadline for Pathway applications, Sat 26 Dec 2026 (projected), has passed: your Pathway is now for the 2028 Match.",
    );
    // "Otherwise apply once …" while the 2027 Pathways may still be open.
    expect(pathway?.action).toContain(
      "pply once ECFMG's 2028 Pathways are open (check ECFMG's news; the 2026 Pathways opened on Tue 19 Aug 2025), and submit it by Sat 25 Dec 2027 (projected).",
    );
  });
});

describe("a result still missing once the plan moved to the 2028 Match", () => {
  it("karachi_ck_sat_late at 2027-02-20T08:00+05:00: SCHEDULED_DATE_PASSED no longer says 2027 programs are reading the application", () => {
    const result = planOf("karachi_ck_sat_late.json", "2027-02-20T08:00:00+05:00");
    expect(result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(true);
    const risk = result.risks.find((each) => each.code === "SCHEDULED_DATE_PASSED");
    expect(risk?.message).toContain(
      "Pass USMLE Step 2 CK: your date was Tue 1 Dec 2026 and no result is recorded",
    );
    expect(risk?.message).not.toContain("reviewing applications for the 2027 Match");
    expect(risk?.severity).toBe("warning");
  });

  it("while the 2027 Match is still planned, the same missing result is read by programs reviewing it (critical)", () => {
    // The Pathway in progress: not started, its projected deadline (26 Dec) passing would put the
    // 2027 Match out of reach before this result is due to be out.
    const snapshot = ApplicantSnapshotSchema.parse(
      JSON.parse(readFileSync(`${DIR}karachi_ck_sat_late.json`, "utf8")),
    );
    const inProgress = {
      ...snapshot,
      milestones: snapshot.milestones.map((entry) =>
        entry.key === "ecfmg_pathway" ? { ...entry, status: "in_progress" as const } : entry,
      ),
    };
    const risk = plan(inProgress, seasonCalendar(2027), new Date("2027-01-10T08:00:00+05:00")).risks.find(
      (each) => each.code === "SCHEDULED_DATE_PASSED",
    );
    expect(risk?.message).toContain("Programs have been reviewing applications for the 2027 Match since");
    expect(risk?.severity).toBe("critical");
  });
});

describe("MATCH_YEAR_NOT_FEASIBLE on the rank order list deadline's day says both days in one convention", () => {
  it("karachi_ck_sat_late at 2027-01-28T08:00+05:00: the ET day of the results beside the deadline in ET", () => {
    // The Pathway not submitted is refused only after the latest
    // candidate (Tue 2 Feb 2027): on 28 Jan the Match is kept and the ROL day's words are not reached.
    const risks = planOf("karachi_ck_sat_late.json", "2027-01-28T08:00:00+05:00").risks;
    expect(risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY")?.message).toContain("submit today");
  });
});

describe("a start-by rung says start", () => {
  it("auckland_paid at 2027-01-02T21:00+13:00: its start-by reminders say to start, then the date they count down to", () => {
    const startBy = planOf("auckland_paid.json", "2027-01-02T21:00:00+13:00").reminders.filter(
      (reminder) => reminder.rung === "start-by",
    );
    expect(startBy.length).toBeGreaterThan(0);
    for (const reminder of startBy) {
      const words = sentReminderLabel(reminder, reminder.sendAt);
      expect(words.label).toMatch(/^Start now/);
      expect(words.label).not.toBe("Aim to finish by");
    }
  });
});
