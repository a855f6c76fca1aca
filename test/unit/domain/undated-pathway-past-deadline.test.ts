import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// Amaka, Lagos, J-1, 2027 Match: exams done but the OET (sat Sat 19 Dec 2026, result pending), ERAS and
// NRMP done, no interview yet; her ECFMG Pathway reported "in progress" with no date. Its projected
// deadline is Sat 26 Dec 2026, 6:00 PM ET; ECFMG's own has been 31 Dec or 31 Jan. Reported "not
// started", the plan sends a critical "submit today" at once; reported "in progress", it sent nothing
// for three weeks, though in progress most often means not sent yet.
const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
] as const;
const amaka = (pathway: MilestoneStatus) =>
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Africa/Lagos",
      visa: "J-1",
      graduation: "2025-07-31",
    }),
    milestones: [
      ...DONE.map((key) => milestoneFactory(key, "done", "2026-09-01")),
      milestoneFactory("oet_medicine", "scheduled", "2026-12-19"),
      milestoneFactory("ecfmg_pathway", pathway),
    ],
  });
const pathwayCard = (plan: Plan) =>
  plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";
const critical = (plan: Plan) =>
  plan.risks.filter((risk) => risk.severity === "critical" && risk.milestones.includes("ecfmg_pathway"));
/** The notice at the next delivery slot, within the day. */
const noticeNow = (plan: Plan) =>
  plan.reminders.filter(
    (reminder) =>
      reminder.milestone === "ecfmg_pathway" &&
      reminder.rung === "critical-risk" &&
      Date.parse(reminder.sendAt) - Date.parse(plan.now) < 86_400_000,
  );

describe("a Pathway in progress with no date, the Monday after its projected deadline", () => {
  const now = "2026-12-28T09:00:00Z";

  it("gets the same critical notice at the next delivery slot as one not started, asking whether it went in", () => {
    const inProgress = planFor(amaka("in_progress"), now);
    const notStarted = planFor(amaka("not_started"), now);
    expect(noticeNow(notStarted)).toHaveLength(1);
    expect(noticeNow(inProgress)).toHaveLength(1);
    const [asked] = critical(inProgress);
    expect(asked?.code).toBe("MATCH_YEAR_LAST_DAY");
    expect(asked?.message).toContain("Have you submitted it? If so, tell us the date it went in");
    expect(asked?.message).toContain(
      "If not, finish it and submit it today without waiting for your OET result",
    );
    expect(asked?.message).toContain("31 Dec, 6:00 PM ET for the 2024 Match");
    // One verdict: no warning beside it saying the same at a lower level.
    expect(inProgress.risks.filter((risk) => risk.milestones.includes("ecfmg_pathway"))).toHaveLength(1);
  });

  it("its card says the same as its risk: submitted? tell us the date; if not, submit it today", () => {
    const card = pathwayCard(planFor(amaka("in_progress"), now));
    expect(card).toContain("Submitted? Tell us the date it went in");
    expect(card).toContain("If not, finish it and submit it today");
    expect(card).not.toContain("as soon as you can");
  });
});

describe("a Pathway in progress with no date, past the last day one not started keeps the Match (Tue 2 Feb 2027)", () => {
  const plan = planFor(amaka("in_progress"), "2027-02-04T09:00:00Z");

  it("is asked about only: never 'submit it now' beside 'even submitted today it would not be decided in time'", () => {
    const words = [pathwayCard(plan), ...plan.risks.map((risk) => risk.message)].join("\n");
    expect(words).toContain("even submitted today it would not be decided in time");
    expect(words).not.toMatch(/submit it (now|today)/);
    expect(plan.risks.find((risk) => risk.code === "PATHWAY_DEADLINE_PROJECTED")).toBeUndefined();
    expect(pathwayCard(plan)).toContain("Submitted? Tell us the date it went in");
    expect(plan.matchYear).toBe(2027);
  });
});

describe("a Pathway not started, in Honolulu, a minute past its projected deadline (Sat 26 Dec 2026, 1:00 PM HST)", () => {
  const honolulu = inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Pacific/Honolulu",
      visa: "J-1",
      graduation: "2025-07-31",
    }),
    milestones: [
      ...DONE.map((key) => milestoneFactory(key, "done", "2026-09-01")),
      milestoneFactory("oet_medicine", "done", "2026-05-16"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  });

  it("its card says submit it today, as its critical risk does, never 'by its deadline'", () => {
    const plan = planFor(honolulu, "2026-12-26T13:01:00-10:00");
    expect(critical(plan)[0]?.message).toContain("has passed");
    const card = pathwayCard(plan);
    expect(card).toContain("submit the application today");
    expect(card).not.toContain("by its deadline");
  });

  it("a minute before, the card still names its deadline", () => {
    expect(pathwayCard(planFor(honolulu, "2026-12-26T12:59:00-10:00"))).not.toContain("today: the 2027");
  });
});
