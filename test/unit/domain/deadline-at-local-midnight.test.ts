import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A deadline at a zone's local midnight, as an applicant there meets it. The 2027
 * Pathway deadline, projected Sat 26 Dec 2026, 6:00 PM ET, is Lagos's midnight (GMT+1) and SOAP's
 * end, Thu 18 Mar 2027, 5:00 PM ET, Nairobi's (GMT+3). Such a deadline closes the day before:
 * - its rungs count from that day (the 14-day rung 14 days before Sat 26 Dec, never 13 Dec);
 * - an own date on the next day (Lagos's Sunday) leaves nothing of that day before the deadline:
 *   it is after the deadline, as New York's Sunday is;
 * - it reads "Sat 26 Dec 2026, end of the day (midnight GMT+1)", never "24:00" nor "Sun 27 Dec,
 *   12:00 AM".
 * Where the deadline is not at midnight (Cairo, Sun 27 Dec 1:00 AM GMT+2) the day it falls on
 * still leaves its first hour: an own date that day is in time, said with the deadline's hour.
 */
const DIR = fileURLToPath(new URL("../../fixtures/deadline-at-local-midnight/", import.meta.url));
const planOf = (file: string, now: string): Plan => planInOwnMatch(readSnapshot(DIR, file), now);
const pathwayStep = (planned: Plan) => planned.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
/** The local day (ISO) each of a step's rungs is sent on, by rung. */
const rungDays = (planned: Plan, milestone: string): Record<string, string> =>
  Object.fromEntries(
    planned.reminders
      .filter((reminder: Reminder) => reminder.milestone === milestone && reminder.rung.includes("-in-"))
      .map((reminder: Reminder) => [reminder.rung, (reminder.sendAtLocal ?? "").slice(0, 10)]),
  );
const messages = (planned: Plan): string => planned.risks.map((risk) => risk.message).join("\n");

describe("Lagos, the Pathway deadline at midnight GMT+1", () => {
  const sunday = "lagos-pathway-planned-sunday-2027.json";
  const saturday = "lagos-pathway-planned-saturday-2027.json";
  const early = "2026-12-06T12:00:00+01:00";

  it("names the day it closes, the same on the step, its reminders and in ET", () => {
    const planned = planOf(sunday, early);
    const deadline = pathwayStep(planned)?.deadline;
    expect(deadline?.local).toBe("Sat 26 Dec 2026, end of the day (midnight GMT+1)");
    expect(deadline?.et).toBe("Sat 26 Dec 2026, 6:00 PM ET");
    const rungs = planned.reminders.filter((reminder) => reminder.milestone === "ecfmg_pathway");
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) expect(rung.deadlineDetail.local).toBe(deadline?.local);
    expect(JSON.stringify(planned)).not.toContain("24:00");
  });

  it("lays the deadline's rungs on the days before Saturday, as in New York", () => {
    expect(rungDays(planOf(sunday, early), "ecfmg_pathway")).toEqual({
      "due-in-14d": "2026-12-12",
      "due-in-3d": "2026-12-23",
      "due-in-1d": "2026-12-25",
    });
  });

  it("a Sunday date is after the deadline: the step says so and the risk is critical, never 'keep that date'", () => {
    const planned = planOf(sunday, early);
    expect(pathwayStep(planned)?.action).toContain("on Sun 27 Dec 2026, after its deadline");
    const late = planned.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.severity).toBe("critical");
    expect(messages(planned)).not.toContain("keep that date");
    expect(messages(planned)).toContain("move it earlier");
  });

  it("a Saturday date is in time, the whole day, with no hour to add", () => {
    const planned = planOf(saturday, early);
    expect(pathwayStep(planned)?.action).not.toContain("after its deadline");
    expect(messages(planned)).toContain("on Sat 26 Dec 2026 leaves little margin; keep that date.");
  });
});

describe("Cairo, the Pathway deadline at 1:00 AM on Sunday (not at midnight)", () => {
  const planned = planOf("cairo-pathway-planned-sunday-2027.json", "2026-12-06T12:00:00+02:00");

  it("keeps its own day and hour, and rungs counted from Sunday", () => {
    expect(pathwayStep(planned)?.deadline?.local).toBe("Sun 27 Dec 2026, 1:00 AM GMT+2");
    // A Sunday date is in time, so the rungs count to it; the deadline's own 14-day rung, counted
    // from the same Sunday, goes out beside the first.
    expect(rungDays(planned, "ecfmg_pathway")).toEqual({
      "deadline-in-14d": "2026-12-13",
      "due-in-14d": "2026-12-13",
      "due-in-3d": "2026-12-24",
      "due-in-1d": "2026-12-26",
    });
  });

  it("a Sunday date is in time, by the deadline's hour that day", () => {
    expect(pathwayStep(planned)?.action).not.toContain("after its deadline");
    // In time, a warning, said with the deadline's hour: a plan for the deadline's own day holds only
    // until that hour (past it the plan is too late), so the risk names the hour to act by.
    const risk = planned.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(
      "act by Sun 27 Dec 2026, 1:00 AM GMT+2 (Sat 26 Dec 2026, 6:00 PM ET) (projected): submit your ECFMG Pathway application by then",
    );
  });
});

describe("Nairobi, SOAP's end at midnight GMT+3", () => {
  const file = "nairobi-match-week-2027.json";

  it("Match Week's Tuesday: the step and its notices name Thursday's end", () => {
    const planned = planOf(file, "2027-03-16T12:00:00+03:00");
    const local = "Thu 18 Mar 2027, end of the day (midnight GMT+3)";
    for (const key of ["match_week", "soap"]) {
      const step = planned.nextSteps.find((each) => each.milestone === key);
      expect(step?.deadline?.local).toBe(local);
      expect(step?.deadline?.et).toBe("Thu 18 Mar 2027, 5:00 PM ET");
    }
    const notices = planned.reminders.filter((r) => r.milestone === "soap" || r.milestone === "match_week");
    for (const notice of notices) expect(notice.deadlineDetail.local).toBe(local);
    expect(JSON.stringify(planned)).not.toContain("24:00");
  });

  it("a whole-day deadline (the certificate's Wed 16 Jun, ending at midnight) has its 1-day rung on the day before", () => {
    const planned = planOf(file, "2027-03-01T12:00:00+03:00");
    expect(rungDays(planned, "ecfmg_certification")).toEqual({
      "deadline-in-14d": "2027-06-02",
      "deadline-in-3d": "2027-06-13",
      "deadline-in-1d": "2027-06-15",
    });
  });
});
