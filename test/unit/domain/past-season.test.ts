import { describe, expect, it } from "vitest";
import { pastSeasonWork } from "#domain/planner/past-season.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A re-applicant's Match-year switch (issue 9 / issue 15 tester, finding 2): work done for an
 * earlier season (ERAS token, application, NRMP registration, ranking, outcome, visa; and the
 * documents that went into a past application) counts as not done for the target season, while
 * exams and certification stay done. The 2027 season begins after the 2026 season ends on
 * 2026-05-31 (eras_previous_season_ends, projected for 2027).
 */
const calendar2027 = seasonCalendar(2027);
const AFTER_START = Date.parse("2026-11-30T12:00:00Z");
const BEFORE_START = Date.parse("2026-05-10T12:00:00Z");

function past(entries: MilestoneEntry[], now = AFTER_START): MilestoneKey[] {
  return [...pastSeasonWork(new Map(entries.map((entry) => [entry.key, entry])), calendar2027, now)].sort();
}

describe("season-bound work of an earlier season", () => {
  it("starts the 2027 season after the day the 2026 season ends", () => {
    expect(calendar2027.dates.eras_previous_season_ends.date).toBe("2026-05-31");
    expect(past([milestoneFactory("eras_token", "done", "2026-05-31")])).toEqual(["eras_token"]);
    expect(past([milestoneFactory("eras_token", "done", "2026-06-01")])).toEqual([]);
  });

  it("counts an undated step as earlier only while the season has not begun", () => {
    expect(past([milestoneFactory("nrmp_registration", "done")], BEFORE_START)).toEqual([
      "nrmp_registration",
    ]);
    expect(past([milestoneFactory("nrmp_registration", "done")], AFTER_START)).toEqual([]);
    expect(past([milestoneFactory("nrmp_registration", "in_progress")], BEFORE_START)).toEqual([
      "nrmp_registration",
    ]);
    // A waiver is the applicant's choice, not last season's work, unless dated in an earlier one.
    expect(past([milestoneFactory("soap", "waived")], BEFORE_START)).toEqual([]);
    expect(past([milestoneFactory("soap", "waived", "2026-03-16")])).toEqual(["soap"]);
  });

  it("keeps exams, certification and clinical experience whatever their date", () => {
    const kept: MilestoneKey[] = [
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "usmle_step3",
      "oet_medicine",
      "ecfmg_pathway",
      "ecfmg_certification",
      "usce",
    ];
    expect(past(kept.map((key) => milestoneFactory(key, "done", "2025-03-01")))).toEqual([]);
  });

  it("takes back documents only when they went into an earlier season's application", () => {
    const documents = [
      milestoneFactory("personal_statement", "done", "2025-08-20"),
      milestoneFactory("lors", "done"),
      milestoneFactory("cv", "in_progress"),
      milestoneFactory("program_list", "done", "2025-10-01"),
    ];
    // No past application: an early starter's finished statement stays finished.
    expect(past(documents)).toEqual([]);
    const application = milestoneFactory("eras_application", "done", "2025-09-24");
    // The statement (before) and the undated letters went with it; the CV is being written now;
    // the program list was finished after that application.
    expect(past([application, ...documents])).toEqual(["eras_application", "lors", "personal_statement"]);
    // This season's application keeps its documents.
    expect(past([milestoneFactory("eras_application", "done", "2026-09-24"), ...documents])).toEqual([]);
  });

  it("gives back the steps, the fees and says why; the same applicant staying on the old Match keeps them", () => {
    const milestones = [
      ...examsDone("2026-03-01"),
      milestoneFactory("eras_token", "done", "2026-06-30"),
      milestoneFactory("eras_application", "done", "2026-09-10"),
      milestoneFactory("nrmp_registration", "done", "2026-10-01"),
    ];
    const now = new Date("2026-11-30T12:00:00Z");
    const staying = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones }),
      seasonCalendar(2027),
      now,
    );
    const switched = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2028 }), milestones }),
      seasonCalendar(2028),
      now,
    );
    const status = (result: typeof staying, key: string) =>
      result.budget.items.find((item) => item.key === key)?.status;
    expect(status(staying, "eras_token")).toBe("spent");
    expect(status(switched, "eras_token")).toBe("upcoming");
    expect(status(switched, "nrmp_registration")).toBe("upcoming");
    const token = switched.nextSteps.find((step) => step.milestone === "eras_token");
    expect(token?.action).toContain("does not count for the 2028 Match");
    expect(staying.nextSteps.find((step) => step.milestone === "eras_token")).toBeUndefined();
  });
});

describe("a re-applicant's budget after the Match-year switch (tester s4, issue 15 item 4; issue 9 papercut 15)", () => {
  // Applied for the 2026 Match (ERAS in Sept 2025), unmatched, now planning the 2027 Match.
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027 }),
    milestones: [
      ...examsDone(),
      milestoneFactory("eras_token", "done", "2025-06-05"),
      milestoneFactory("eras_application", "done", "2025-09-10"),
      milestoneFactory("nrmp_registration", "done", "2025-09-20"),
      milestoneFactory("budget", "done", "2025-06-01"),
    ],
  });
  const result = plan(input, calendar2027, new Date(AFTER_START));
  const { budget } = result;

  it("keeps last season's fees as spent and adds this season's as upcoming: the total rises", () => {
    for (const key of ["eras_token", "nrmp_registration"]) {
      const spent = budget.items.find((item) => item.key === `${key}.earlier-season`);
      const coming = budget.items.find((item) => item.key === key);
      expect(spent?.status).toBe("spent");
      expect(spent?.label).toContain("(paid for an earlier Match season)");
      expect(coming?.status).toBe("upcoming");
      expect(spent?.amountUsd).toBe(coming?.amountUsd);
    }
    const earlier = budget.items.filter((item) => item.key.endsWith(".earlier-season"));
    const earlierUsd = earlier.reduce((sum, item) => sum + item.amountUsd, 0);
    expect(earlierUsd).toBeGreaterThan(0);
    const sum = (status: string) =>
      budget.items
        .filter((item) => item.status === status)
        .reduce((total, item) => total + item.amountUsd, 0);
    expect(budget.spentUsd).toBe(sum("spent"));
    expect(budget.upcomingUsd).toBe(sum("upcoming"));
    expect(budget.totalUsd).toBe(budget.spentUsd + budget.upcomingUsd);
    // Without the earlier season's lines the total would have stayed where it was.
    const withoutSwitch = plan(
      { ...input, applicant: applicantFactory({ matchYear: 2026 }) },
      seasonCalendar(2026),
      new Date("2025-11-01T12:00:00Z"),
    ).budget;
    expect(budget.totalUsd).toBe(withoutSwitch.totalUsd + earlierUsd);
  });

  it("brings 'Plan your budget' back, since the new season's fees came back", () => {
    expect(result.nextSteps.map((step) => step.milestone)).toContain("budget");
    const action = result.nextSteps.find((step) => step.milestone === "budget")?.action ?? "";
    expect(action).toContain("What you did for an earlier Match season does not count for the 2027 Match.");
  });
});

describe("documents that went with an ERAS application reported done (tester s4 papercut 14, s5 A3)", () => {
  const base = [...examsDone(), milestoneFactory("eras_token", "done", "2026-07-01")];
  const at = (milestones: MilestoneEntry[]) =>
    plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones }),
      calendar2027,
      new Date(AFTER_START),
    );
  const documents = ["personal_statement", "cv", "program_list", "lors"];

  it("takes the documents left out of the snapshot as sent with it: never overdue, never a next step", () => {
    const result = at([...base, milestoneFactory("eras_application", "done", "2026-09-05")]);
    const shown = [...result.nextSteps, ...result.overdue].map((step) => step.milestone);
    for (const key of documents) expect(shown).not.toContain(key);
    expect(result.reminders.filter((reminder) => documents.includes(reminder.milestone))).toEqual([]);
  });

  it("keeps a document the applicant reported as still under way, and all of them without the application", () => {
    const reported = at([
      ...base,
      milestoneFactory("eras_application", "done", "2026-09-05"),
      milestoneFactory("lors", "in_progress"),
    ]);
    expect([...reported.nextSteps, ...reported.overdue].map((step) => step.milestone)).toContain("lors");
    const notSubmitted = at(base);
    const shown = [...notSubmitted.nextSteps, ...notSubmitted.overdue].map((step) => step.milestone);
    for (const key of documents) expect(shown).toContain(key);
  });
});
