import { describe, expect, it } from "vitest";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Matched, the application is over: letters dated in an earlier season (so "import them into this
// season's MyERAS" while the application was open) no longer make an overdue next step or a reminder
// beside a signed contract. Here a New York applicant (no visa) matched in the 2027 Match whose
// letters were uploaded on 1 Aug 2025, for the 2026 season.
const calendar = seasonCalendar(2027);

/** `input` with `entries` in place of its own entries for the same steps. */
const withEntries = (input: PlannerInput, entries: MilestoneEntry[]): PlannerInput => ({
  ...input,
  milestones: [
    ...input.milestones.filter((each) => !entries.some((entry) => entry.key === each.key)),
    ...entries,
  ],
});

// Letters and the ERAS token from the 2026 season; this season's application sent in September.
const earlierLetters = [
  milestoneFactory("lors", "done", "2025-08-01"),
  milestoneFactory("eras_token", "done", "2025-06-10"),
  milestoneFactory("eras_application", "done", "2026-09-24"),
];

const lorsIn = (input: PlannerInput, iso: string) => {
  const result = plan(input, calendar, new Date(iso));
  return [
    ...result.nextSteps.filter((step) => step.milestone === "lors").map(() => "next step"),
    ...result.overdue.filter((step) => step.milestone === "lors").map(() => "overdue"),
    ...result.reminders.filter((reminder) => reminder.milestone === "lors").map(() => "reminder"),
  ];
};

describe("the application's steps once matched, past the rank order list deadline", () => {
  it("leave the next steps, the overdue list and the reminders in April and June", () => {
    const matched = withEntries(matched2027("America/New_York", { visa: "none" }), [
      ...earlierLetters,
      milestoneFactory("contract", "done", "2027-03-25"),
    ]);
    for (const iso of ["2027-04-10T16:00:00Z", "2027-06-10T16:00:00Z"])
      expect(lorsIn(matched, iso), iso).toEqual([]);
  });

  it("still ask for this season's letters while the application is open (January)", () => {
    const listed = matched2027("America/New_York", { visa: "none", matchDay: false });
    const january = withEntries(
      { ...listed, milestones: listed.milestones.filter((each) => each.key !== "match_week") },
      earlierLetters,
    );
    expect(lorsIn(january, "2027-01-15T16:00:00Z")).toContain("next step");
  });
});
