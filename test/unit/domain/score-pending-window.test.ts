import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Chiamaka: Accra, J-1, 2027 Match, ERAS
 * submitted on 25 Nov, NRMP not yet registered; Step 2 CK booked for Mon 16 Nov 2026 and not
 * reported since; her Pathway application went in on Mon 12 Oct 2026 (in progress).
 * - Within the score-reporting time (16 Nov + reportingDays 28 = Mon 14 Dec, advice): the score is
 *   expected, not "did you take it?", no re-sit sentence and no re-sit rungs.
 * - After it: the old words stay, the reminders ask for the score first; the re-sit rungs carry the
 *   last sitting day they count down to, the others the step's own deadline (the result's).
 * - The submitted Pathway is dated by ECFMG's acceptance by the rank order list deadline.
 */
const calendar = seasonCalendar(2027);
const ROL_DEADLINE = "2027-02-25T02:00:00.000Z"; // Wed 24 Feb 2027, 9:00 PM ET (projected)

const DONE: MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "oet_medicine",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
];

function chiamaka(...open: ReturnType<typeof milestoneFactory>[]): PlannerInput {
  const given = new Set(open.map((entry) => entry.key));
  return inputFactory({
    applicant: applicantFactory({
      externalId: "chiamaka-accra",
      fullName: "Chiamaka Mensah",
      timezone: "Africa/Accra",
      matchYear: 2027,
      graduation: "2024-07-01",
    }),
    milestones: [
      ...doneMilestones(
        DONE.filter((key) => !given.has(key)),
        "2026-09-01",
      ),
      milestoneFactory("eras_application", "done", "2026-11-25"),
      ...open,
    ],
  });
}

const step2ck = milestoneFactory("usmle_step2ck", "scheduled", "2026-11-16");
const pathwaySent = milestoneFactory("ecfmg_pathway", "in_progress", "2026-10-12");
const stepOf = (result: Plan, key: string) => result.nextSteps.find((s) => s.milestone === key);
const remindersOf = (result: Plan, key: string) => result.reminders.filter((r) => r.milestone === key);

describe("a sat exam within its score-reporting time", () => {
  const result = plan(chiamaka(step2ck, pathwaySent), calendar, new Date("2026-11-30T08:00:00Z"));

  it("says when the score is expected and asks for it when it comes", () => {
    const action = stepOf(result, "usmle_step2ck")?.action ?? "";
    expect(action).toContain(
      "Your exam was on Mon 16 Nov 2026; your score is expected around Mon 14 Dec 2026 (advice: scores take about 4 weeks to be reported). Tell us the result when it comes, or your new date if you rescheduled;",
    );
    expect(action).not.toContain("Did you take it?");
    expect(action).not.toContain("did not take it");
    expect(action).not.toContain("book a seat");
  });

  it("no question about the sitting and no re-sit rung before the score is due", () => {
    const early = remindersOf(result, "usmle_step2ck").filter(
      (r) => Date.parse(r.sendAt) < Date.parse("2026-12-14T00:00:00Z"),
    );
    expect(early).toEqual([]);
    const rungs = remindersOf(result, "usmle_step2ck").map((r) => r.rung);
    expect(rungs).not.toContain("sitting-question");
    expect(rungs).not.toContain("rebook-follow-up");
    // The day the score is due: the one follow-up, asking for the score first.
    const followUp = remindersOf(result, "usmle_step2ck").find((r) => r.rung === "result-follow-up");
    expect(followUp?.sendAtLocal.slice(0, 10)).toBe("2026-12-14");
    expect(followUp?.title).toBe("Has your USMLE Step 2 CK score come? If so, tell us the result");
  });

  it("the same for the OET, from its own reporting time (data, not the exam's key)", () => {
    const oet = plan(
      chiamaka(step2ck, pathwaySent, milestoneFactory("oet_medicine", "scheduled", "2026-11-21")),
      calendar,
      new Date("2026-11-30T08:00:00Z"),
    );
    const action = stepOf(oet, "oet_medicine")?.action ?? "";
    expect(action).toContain(
      "Your OET sitting was on Sat 21 Nov 2026; your results are expected around Sat 12 Dec 2026",
    );
    expect(action).not.toContain("Did you reach 350");
  });
});

describe("a sat exam once its score should be out", () => {
  const result = plan(chiamaka(step2ck, pathwaySent), calendar, new Date("2026-12-15T08:00:00Z"));

  it("the card keeps asking whether it was taken, and when to sit it if not", () => {
    const action = stepOf(result, "usmle_step2ck")?.action ?? "";
    expect(action).toContain("Did you take it? Tell us the result");
    expect(action).toContain(
      "If you did not take it, sit it as soon as you can: its target, Wed 26 Aug 2026 (our advice), has passed",
    );
    expect(action).toContain("and Wed 27 Jan 2027 (our advice) is the last day that still counts");
  });

  it("every reminder asks for the score first: printed for the day it counts down to", () => {
    const step = stepOf(result, "usmle_step2ck");
    const reminders = remindersOf(result, "usmle_step2ck");

    expect(reminders.some((r) => r.rung === "rebook-follow-up" || r.rung === "sit-by-in-3d")).toBe(true);
    // The re-sit ladder's rungs count down to the last sitting day (the end of Wed 27 Jan in Accra)
    // and say so; the follow-ups, which ask for the score first (the result's and the re-sit's), and
    // the rungs after them, carry the step's own deadline (README: After the exam day).
    const LAST_SITTING_DAY_END = "2027-01-28T00:00:00.000Z";
    for (const reminder of reminders) {
      const reSit = reminder.rung.startsWith("sit-by-in");
      expect(reminder.deadline).toBe(reSit ? LAST_SITTING_DAY_END : step?.deadline?.at);
      expect(reminder.title).not.toContain("book a seat now");
    }
    const rebook = reminders.filter((r) => Date.parse(r.sendAt) < Date.parse("2027-01-28T00:00:00Z"));
    expect(rebook.length).toBeGreaterThan(0);
    for (const reminder of rebook.filter((r) => r.rung !== "result-follow-up")) {
      expect(reminder.title).toBe("Has your USMLE Step 2 CK score come? If so, tell us the result");
      expect(reminder.why).toMatch(
        /^If you did not take it, sit it as soon as you can: its target, Wed 26 Aug 2026 \(our advice\), has passed .*; the last day to sit it for this Match is Wed 27 Jan 2027/,
      );
    }
  });
});

describe("a Pathway application reported in progress, dated before its deadline", () => {
  const now = new Date("2026-11-30T08:00:00Z");

  it("is dated by ECFMG's acceptance by the rank order list deadline, its follow-up kept, its ladder counting to it", () => {
    const result = plan(chiamaka(step2ck, pathwaySent), calendar, now);
    const step = stepOf(result, "ecfmg_pathway");
    expect(step?.deadline?.at).toBe(ROL_DEADLINE);
    expect(step?.deadline?.status).toBe("projected");
    expect(step?.deadline?.source).toContain("rank order list deadline");
    expect(step?.action).toContain("Your Pathway application went in on Mon 12 Oct 2026");
    const reminders = remindersOf(result, "ecfmg_pathway");
    expect(reminders.map((r) => r.rung)).toEqual([
      "result-follow-up",
      "deadline-in-14d",
      "deadline-in-3d",
      "deadline-in-1d",
    ]);
    expect(reminders.every((r) => r.deadline === ROL_DEADLINE)).toBe(true);
  });

  it("not started, or only planned (scheduled), it keeps the application deadline", () => {
    for (const pathway of [
      milestoneFactory("ecfmg_pathway", "not_started"),
      milestoneFactory("ecfmg_pathway", "scheduled", "2026-10-12"),
    ]) {
      const step = stepOf(plan(chiamaka(step2ck, pathway), calendar, now), "ecfmg_pathway");
      expect(step?.deadline?.at).not.toBe(ROL_DEADLINE);
      expect(Date.parse(step?.deadline?.at ?? "")).toBeLessThan(Date.parse("2027-01-01T00:00:00Z"));
    }
  });
});
