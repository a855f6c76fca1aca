import { describe, expect, it } from "vitest";
import { pastSeasonWork } from "#domain/planner/past-season.ts";
import { StepEntries } from "#domain/planner/step-entries.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS, type MilestoneEntry, type MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A re-applicant's Match-year switch: work done for an
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
  it("reads the same steps, in the same order, from a plan's entries as from a Map, whatever the snapshot's order", () => {
    // Every step, in reverse catalog order, done before the season began (documents before the
    // application), one given twice (the last wins, in its first place), as buildContext stores them.
    const entries = [...MILESTONE_KEYS].reverse().map((key) => milestoneFactory(key, "done", "2026-03-01"));
    entries.push(milestoneFactory("eras_application", "done", "2026-05-01"));
    const stored = new StepEntries();
    for (const entry of entries) stored.set(entry);
    const byMap = pastSeasonWork(
      new Map(entries.map((entry) => [entry.key, entry])),
      calendar2027,
      AFTER_START,
    );

    const byPlace = pastSeasonWork(stored, calendar2027, AFTER_START);

    expect(byMap.size).toBeGreaterThan(5);
    expect([...byPlace]).toEqual([...byMap]);
    expect([...pastSeasonWork(stored.copy(), calendar2027, AFTER_START)]).toEqual([...byMap]);
  });

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
    // NRMP registration still to pay is listed with the fees to verify.
    const status = (result: typeof staying, key: string) =>
      [...result.budget.items, ...(result.budget.toVerify ?? [])].find((item) => item.key === key)?.status;
    expect(status(staying, "eras_token")).toBe("spent");
    expect(status(switched, "eras_token")).toBe("upcoming");
    expect(status(switched, "nrmp_registration")).toBe("upcoming");
    const token = switched.nextSteps.find((step) => step.milestone === "eras_token");
    expect(token?.action).toContain("does not count for the 2028 Match");
    expect(staying.nextSteps.find((step) => step.milestone === "eras_token")).toBeUndefined();
  });
});

describe("a re-applicant's budget after the Match-year switch", () => {
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
  // Mid-October: this season's ERAS application is due, not yet so late that the plan weighs the
  // next Match (then NRMP's fee is owed only on that condition: nrmp-while-weighing-next-match.test.ts).
  const result = plan(input, calendar2027, new Date("2026-10-15T12:00:00Z"));
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
    // The ECFMG application, never reported, is presumed paid from the exams (presumed-fees.ts impliedPaidSteps).
    expect(budget.totalUsd).toBe(budget.spentUsd + (budget.presumedUsd ?? 0) + budget.upcomingUsd);
    // Without the earlier season's lines the total would have stayed where it was.
    const withoutSwitch = plan(
      { ...input, applicant: applicantFactory({ matchYear: 2026 }) },
      seasonCalendar(2026),
      new Date("2025-11-01T12:00:00Z"),
    ).budget;
    // This season's NRMP registration is counted and flagged to verify, as last season's, paid, is
    // (one treatment while upcoming and once paid).
    expect((budget.toVerify ?? []).map((item) => item.key)).not.toContain("nrmp_registration");
    expect(budget.items.find((item) => item.key === "nrmp_registration")?.verify).toMatch(/^flagged, verify/);
    expect(budget.totalUsd).toBe(withoutSwitch.totalUsd + earlierUsd);
  });

  it("brings 'Plan your budget' back, since the new season's fees came back", () => {
    expect(result.nextSteps.map((step) => step.milestone)).toContain("budget");
    const action = result.nextSteps.find((step) => step.milestone === "budget")?.action ?? "";
    expect(action).toContain("What you did for an earlier Match season does not count for the 2027 Match.");
  });
});

describe("documents that went with an ERAS application reported done", () => {
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

describe("documents done in an earlier season's MyERAS, never applied with", () => {
  // Chiamaka Okafor in the demo: a 2027 applicant with her ERAS token, letters and CV done (undated),
  // statement and program list under way, switching to the 2028 Match on 2026-12-01, before the
  // 2028 season begins (the 2027 season ends 2027-05-31).
  const calendar2028 = seasonCalendar(2028);
  const SWITCH_DAY = Date.parse("2026-12-01T12:00:00Z");
  const chiamaka = [
    ...examsDone("2024-06-18"),
    milestoneFactory("lors", "done"),
    milestoneFactory("personal_statement", "in_progress"),
    milestoneFactory("cv", "done"),
    milestoneFactory("program_list", "in_progress"),
    milestoneFactory("eras_token", "done"),
  ];
  const pastIn2028 = (entries: MilestoneEntry[], now = SWITCH_DAY) =>
    [...pastSeasonWork(new Map(entries.map((entry) => [entry.key, entry])), calendar2028, now)].sort();

  it("takes back the letters and CV with the 2027 token; documents under way stay under way", () => {
    expect(calendar2028.dates.eras_previous_season_ends.date).toBe("2027-05-31");
    expect(pastIn2028(chiamaka)).toEqual(["cv", "eras_token", "lors"]);
  });

  it("keeps documents finished after the earlier season ended, and all of them with this season's token", () => {
    const later = [
      milestoneFactory("eras_token", "done", "2026-06-20"),
      milestoneFactory("lors", "done", "2027-06-10"),
      milestoneFactory("cv", "done", "2027-05-31"),
    ];
    expect(pastIn2028(later, Date.parse("2027-06-15T12:00:00Z"))).toEqual(["cv", "eras_token"]);
    // Staying on the 2027 Match: the token is this season's, so nothing is taken back.
    expect(past(chiamaka)).toEqual([]);
  });

  it("says to import the letters and CV data and upload the statement again, not to ask the writers again", () => {
    const switched = plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2028 }), milestones: chiamaka }),
      calendar2028,
      new Date(SWITCH_DAY),
    );
    const action = (key: MilestoneKey) =>
      switched.nextSteps.find((step) => step.milestone === key)?.action ?? "";
    // This season's token not done yet, the import waits for it.
    const tokenFirst = "Once you have registered in this season's MyERAS with this season's ERAS token, ";
    expect(action("lors")).toMatch(
      new RegExp(`^${tokenFirst}import your letters into this season's MyERAS application`),
    );
    expect(action("lors")).not.toContain("Ask your writers now");
    expect(action("lors")).toContain("is not in your 2028 application until you do");
    expect(action("cv")).toMatch(
      new RegExp(`^${tokenFirst}import your last certified and submitted application's data`),
    );
    // The token has no import: it is bought again, with the sentence it always had.
    expect(action("eras_token")).toContain("does not count for the 2028 Match.");
    // Under way now: written for this season, its first-time text.
    expect(action("personal_statement")).not.toContain("earlier Match season");
  });

  it("asks a re-applicant whose statement went with last season's application to upload it again", () => {
    const reapplicant = plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027 }),
        milestones: [
          ...examsDone(),
          milestoneFactory("eras_token", "done", "2025-06-05"),
          milestoneFactory("personal_statement", "done", "2025-08-20"),
          milestoneFactory("eras_application", "done", "2025-09-10"),
        ],
      }),
      calendar2027,
      new Date(AFTER_START),
    );
    const statement = reapplicant.nextSteps.find((step) => step.milestone === "personal_statement");
    // This season's token not done yet, the upload waits for it.
    expect(statement?.action).toMatch(
      /^Revise your personal statement .* upload it to this season's MyERAS application once you have registered there with this season's ERAS token/,
    );
  });
});
