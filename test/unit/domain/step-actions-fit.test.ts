import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import milestonesData from "#domain/catalog/milestones.json" with { type: "json" };
import laddersData from "#domain/catalog/reminder-ladders.json" with { type: "json" };
import { catalogFileSchema } from "#domain/catalog/schema.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { doneMilestones, inputFactory } from "./factories.ts";

/**
 * The one-tap actions must fit the step. "Scheduled for…" is for a day
 * the applicant books (an exam sitting, a consular visa interview); the ECFMG Pathway is an application they submit, so it
 * offered a booking it cannot have. Each step kind, with the actions that make sense for it
 * (snooze left out: the plan decides it, while a reminder is left to quiet).
 */
const BOOKED_EXAMS: readonly MilestoneKey[] = ["usmle_step1", "usmle_step2ck", "oet_medicine", "usmle_step3"];
// The visa steps' day is a consular interview the applicant books: "Scheduled for…" gives it.
const BOOKED_INTERVIEWS: readonly MilestoneKey[] = ["visa_j1", "visa_h1b_stamping"];
// The H-1B stamping too, for an applicant in a US zone (this test's New York): skipped on an in-US
// change of status (catalog waivable, applicant-choices.ts).
const SKIPPABLE: readonly MilestoneKey[] = ["research", "soap", "visa_h1b_stamping"];

function expectedFor(key: MilestoneKey): StepAction[] {
  return [
    // The H-1B petition's filing day ("Filed on…", START_RECORDS) comes first, its Done being USCIS's approval.
    ...(key === "visa_h1b" ? (["start"] as const) : []),
    "done",
    ...(BOOKED_EXAMS.includes(key) || BOOKED_INTERVIEWS.includes(key) ? (["schedule"] as const) : []),
    // SOAP in progress is Match Week's answer "not matched, in SOAP" (START_RECORDS).
    ...(key === "soap" ? (["start"] as const) : []),
    ...(SKIPPABLE.includes(key) ? (["waive"] as const) : []),
  ];
}

describe("the one-tap actions fit each step", () => {
  // Ranking has opened (20 Jan 2026): every step's own window is open, so Done is offered
  // wherever the catalog lists it (done-before-season-opens.test.ts covers the windows). The exams
  // are done, so the 2026 Match is in reach: a plan moved to 2027 follows that Match's windows
  // (later-match-done-window.test.ts).
  const fresh = plan(
    inputFactory({
      milestones: doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2025-06-01",
      ),
    }),
    seasonCalendar(2026),
    new Date("2026-01-20T12:00:00Z"),
  );
  const zone = "America/New_York";
  // SOAP's Done (an accepted offer) and a Match outcome's open at NRMP's hour in Match Week (SOAP's
  // first offer round, Match Week's notification: done-opens-at-hour.test.ts), so those steps are
  // judged on Thursday of the 2026 Match Week, the list certified.
  // Match Day's Done (where you matched) opens at Match Day's release (Fri 20 Mar 2026, 12:00 PM ET).
  const AT_AN_HOUR: readonly MilestoneKey[] = ["soap", "match_week", "match_day"];
  const matchWeekInput = inputFactory({
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
          "eras_application",
          "nrmp_registration",
        ],
        "2025-10-01",
      ),
      ...doneMilestones(["rank_order_list"], "2026-02-10"),
    ],
  });
  const matchWeek = plan(matchWeekInput, seasonCalendar(2026), new Date("2026-03-19T12:00:00Z"));
  const matchDay = plan(matchWeekInput, seasonCalendar(2026), new Date("2026-03-20T17:00:00Z"));

  it.each(MILESTONE_CATALOG.map((entry) => [entry.key] as const))("%s", (key) => {
    const on = key === "match_day" ? matchDay : AT_AN_HOUR.includes(key) ? matchWeek : fresh;
    const offered = actionsFor({ milestone: key }, on, zone, []).filter((action) => action !== "snooze");
    expect(offered).toEqual(expectedFor(key));
  });

  it("offers no booking on the ECFMG Pathway, an application the applicant submits", () => {
    expect(actionsFor({ milestone: "ecfmg_pathway" }, fresh, zone, [])).not.toContain("schedule");
    // Abroad, the stamping is the consular route's: never skippable there.
    expect(actionsFor({ milestone: "visa_h1b_stamping" }, fresh, "Africa/Lagos", [])).not.toContain("waive");
    expect(actionsFor({ milestone: "oet_medicine" }, fresh, zone, [])).toContain("schedule");
  });
});

describe("the catalog's stepActions are checked against the entry", () => {
  const schema = catalogFileSchema(new Set(Object.keys(laddersData.ladders)));
  const withActions = (key: string, stepActions: string[]) => ({
    ...milestonesData,
    entries: milestonesData.entries.map((entry) => (entry.key === key ? { ...entry, stepActions } : entry)),
  });
  const problems = (file: unknown) =>
    schema.safeParse(file).error?.issues.map((issue) => issue.message) ?? [];

  it("accepts the catalog as it is", () => {
    expect(problems(milestonesData)).toEqual([]);
  });

  it.each([
    ["ecfmg_pathway", ["snooze"], "ecfmg_pathway: stepActions: every step offers done"],
    [
      "eras_application",
      ["done", "schedule"],
      "eras_application: stepActions: schedule needs applicantDateIsDue",
    ],
    ["cv", ["done", "waive"], "cv: stepActions: waive exactly when waivable"],
    ["research", ["done", "snooze"], "research: stepActions: waive exactly when waivable"],
    ["match_week", ["done", "start"], "match_week: stepActions: start exactly with START_RECORDS"],
    ["soap", ["done", "snooze", "waive"], "soap: stepActions: start exactly with START_RECORDS"],
  ])("refuses %s offering %j", (key, actions, message) => {
    expect(problems(withActions(key, actions))).toEqual([message]);
  });
});
