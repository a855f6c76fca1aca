import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 1 "in progress" (studying, no test date) while the ECFMG application is
 * still in progress read "Finish your registration with FSMB and book your test date" with a
 * book-by reminder, though FSMB registers no one before ECFMG approves the application. Rule: an
 * exam in progress whose ECFMG gate (a catalog prerequisite it may start before) is not done says
 * the not-started wording's gate sentence and gets no booking rungs until the gate is done; its
 * target and deadline rungs stay. Karachi, 2028 Match, as of Fri 4 Dec 2026.
 */
function karachi(application: MilestoneStatus, exam: MilestoneKey, examStatus: MilestoneStatus) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2028, graduation: "2025-06-01" }),
    milestones: [
      ...doneMilestones(["wdoms_listing"], "2026-11-01"),
      milestoneFactory(
        "ecfmg_application",
        application,
        application === "not_started" ? undefined : "2026-11-15",
      ),
      milestoneFactory(exam, examStatus),
    ],
  });
}
const planOf = (
  application: MilestoneStatus,
  exam: MilestoneKey,
  status: MilestoneStatus = "in_progress",
): Plan => plan(karachi(application, exam, status), seasonCalendar(2028), new Date("2026-12-04T06:00:00Z"));
const card = (result: Plan, exam: MilestoneKey) => result.nextSteps.find((step) => step.milestone === exam);
const rungs = (result: Plan, exam: MilestoneKey) =>
  result.reminders.filter((each) => each.milestone === exam).map((each) => each.rung);
const gateSentence = catalogEntry("usmle_step1").statusActions?.prerequisitePending ?? "";

describe("an exam in progress behind its ECFMG gate", () => {
  it.each<MilestoneKey>(["usmle_step1", "usmle_step2ck"])(
    "%s in progress, the ECFMG application in progress: the gate sentence, no book-by, its target rungs kept",
    (exam) => {
      const result = planOf("in_progress", exam);
      expect(gateSentence).toContain("once ECFMG approves");
      expect(card(result, exam)?.action).toBe(catalogEntry(exam).statusActions?.prerequisitePending);
      expect(card(result, exam)?.action).not.toContain("book your test date");
      const laid = rungs(result, exam);
      expect(laid).not.toContain("book-by");
      expect(laid).toEqual(expect.arrayContaining(["due-in-14d", "deadline-in-14d"]));
    },
  );

  it("the same with the application not started", () => {
    const result = planOf("not_started", "usmle_step1");
    expect(card(result, "usmle_step1")?.action).toBe(gateSentence);
    expect(rungs(result, "usmle_step1")).not.toContain("book-by");
  });

  it("once ECFMG approved the application, the in-progress words and the book-by rung come back", () => {
    const result = planOf("done", "usmle_step1");
    expect(card(result, "usmle_step1")?.action).toBe(catalogEntry("usmle_step1").statusActions?.inProgress);
    expect(rungs(result, "usmle_step1")).toContain("book-by");
  });
});
