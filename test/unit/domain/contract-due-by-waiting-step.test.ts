import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { snoozeOptions } from "#domain/snoozes.ts";

/**
 * Matched, the program's contract past our date for it (two weeks after Match Day, Fri 2 Apr 2027,
 * advice) is due by the date the visa step waiting on it needs, never residency's start: an
 * applicant told "due 1 July" signs late and loses the visa for a July start. That date is our
 * advice (†), its rule naming the step; past it, the contract is "Overdue since" it in every channel.
 * Marisol: Manila, H-1B (Step 3 passed), matched on 20 Mar 2027 (her day), contract not signed: the
 * petition is planned by Fri 16 Apr. Kofi: Accra, J-1: the sponsorship by Mon 5 Apr.
 */
function snapshotAt(name: string): ApplicantSnapshot {
  const file = fileURLToPath(new URL(`../../fixtures/after-the-match/${name}.json`, import.meta.url));
  return ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
const calendar = seasonCalendar(2027);
const marisol = snapshotAt("contract-unsigned-h1b-manila");
const kofi = snapshotAt("contract-overdue-j1-accra");
const contractRow = (result: Plan) => result.nextSteps.find((each) => each.milestone === "contract");
const contractReminders = (result: Plan) => result.reminders.filter((each) => each.milestone === "contract");

describe("H-1B: the contract due by the petition's date", () => {
  const between = plan(marisol, calendar, new Date("2027-04-10T03:00:00Z")); // Sat 10 Apr, 11:00 Manila

  it("its row reads due Fri 16 Apr 2027, our advice naming the petition, our date beside it as a passed target", () => {
    const row = contractRow(between);
    expect(row?.urgency).toBe("urgent");
    expect(row?.deadline?.local).toBe("Fri 16 Apr 2027");
    expect(row?.deadline?.basis).toBe("advice");
    expect(row?.deadline?.source).toContain("the H-1B petition with the program waiting on the contract");
    expect(row?.target?.local).toBe("Fri 2 Apr 2027");
    expect(row && stepDatesInline(row, Date.parse(between.now), between.risks)).not.toContain("residency");
  });

  it("every reminder counts to that date, and no snooze runs past it", () => {
    const chase = contractReminders(between);
    expect(chase.length).toBeGreaterThan(0);
    for (const each of chase) {
      expect(each.deadlineDetail.local).toBe("Fri 16 Apr 2027");
      expect(reminderDateLabel(each).label).toBe("Due");
    }
    const options = snoozeOptions(between, "contract", "2027-04-10", "Asia/Manila");
    for (const option of options) expect(option.until <= "2027-04-16").toBe(true);
  });

  it("past it, the contract is behind our plan since Fri 16 Apr 2027, act by the petition's last filing day, in the row and the chase; overdue since that day after it", () => {
    const after = plan(marisol, calendar, new Date("2027-04-20T03:00:00Z"));
    expect(after.overdue.map((each) => each.milestone)).not.toContain("contract");
    expect(contractRow(after)?.urgency).toBe("overdue");
    expect(contractRow(after)?.behindPlan).toBe(true);
    expect(contractRow(after)?.deadline?.local).toBe("Fri 16 Apr 2027");
    expect(contractRow(after)?.actBy?.local).toBe("Fri 30 Apr 2027");
    const chase = contractReminders(after);
    expect(chase.map((each) => each.rung)).toContain("critical-risk");
    // The petition unfiled past its date has a last filing day (Fri 30 Apr): the critical notice is
    // due by it, never headed "Overdue since Fri 16 Apr" above "must file by about Fri 30 Apr", and so
    // are that day's eve and own morning rungs; each chase before it is behind our plan since Fri 16 Apr
    // and names it; each after it, overdue since it.
    const lastDay = new Set(["critical-risk", "last-day-in-1d", "last-day-today"]);
    for (const each of chase.filter((reminder) => !lastDay.has(reminder.rung))) {
      const ahead = each.sendAt < "2027-05-01";
      expect(each.overdueSince?.local, each.sendAt).toBe(ahead ? "Fri 16 Apr 2027" : "Fri 30 Apr 2027");
      expect(reminderDateLabel(each).label, each.sendAt).toBe(
        ahead ? "Behind our plan since" : "Overdue since",
      );
      expect(each.actBy?.local, each.sendAt).toBe(ahead ? "Fri 30 Apr 2027" : undefined);
    }
    for (const rung of lastDay) {
      const told = chase.find((reminder) => reminder.rung === rung);
      expect(told?.overdueSince).toBeUndefined();
      expect(told?.deadlineDetail.local).toBe("Fri 30 Apr 2027");
    }
    const past = plan(marisol, calendar, new Date("2027-05-03T03:00:00Z"));
    expect(past.overdue.find((each) => each.milestone === "contract")?.deadline.local).toBe(
      "Fri 30 Apr 2027",
    );
  });

  it("its critical notice cites what governs the petition (USCIS, DOL, the State Department), not ECFMG", () => {
    const after = plan(marisol, calendar, new Date("2027-04-20T03:00:00Z"));
    const sources = after.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.sources ?? [];
    expect(
      sources.some((source) => source.startsWith("http://www.uscis.gov/forms/h-and-l-filing-fees")),
    ).toBe(true);
    expect(sources.some((source) => source.includes("section-655.740"))).toBe(true);
    expect(sources.some((source) => source.includes("temporary-worker-visas"))).toBe(true);
    expect(sources.filter((source) => source.includes("ecfmg.org"))).toEqual([]);
  });
});

describe("J-1: the contract overdue since the sponsorship's date", () => {
  it("its row, its overdue entry and its chase say Mon 5 Apr 2027, never residency's start", () => {
    const result = plan(kofi, calendar, new Date("2027-04-10T10:00:00Z"));
    expect(contractRow(result)?.urgency).toBe("overdue");
    expect(contractRow(result)?.deadline?.local).toBe("Mon 5 Apr 2027");
    expect(contractRow(result)?.target?.local).toBe("Fri 2 Apr 2027");
    // The J-1 visa's own date still holds on 10 Apr: behind our plan, not in the overdue list.
    expect(contractRow(result)?.behindPlan).toBe(true);
    expect(result.overdue.map((each) => each.milestone)).not.toContain("contract");
    const chase = contractReminders(result);
    expect(chase.length).toBeGreaterThan(0);
    // Overdue only once the last day that keeps the start (Mon 3 May) is over, and since that day.
    for (const each of chase) {
      const behind = reminderDateLabel(each).label === "Behind our plan since";
      expect(each.overdueSince?.local, each.sendAt).toBe(behind ? "Mon 5 Apr 2027" : "Mon 3 May 2027");
      expect(reminderDateLabel(each).label).toMatch(/^(Behind our plan|Overdue) since$/);
    }
    expect(reminderDateLabel(chase[0] ?? { countsDownTo: undefined }).label).toBe("Behind our plan since");
    expect(chase.find((each) => each.rung === "visa-behind")?.why).toContain(
      "your J-1 sponsorship through ECFMG waits on it",
    );
  });
});
