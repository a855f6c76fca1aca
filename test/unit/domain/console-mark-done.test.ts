import { describe, expect, it } from "vitest";
import {
  applicantToday,
  markDoneNotYet,
  markDoneProblems,
  whatIfDoneProblems,
} from "#domain/console/mark-done.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/** Mark done refuses a blocked step and names what it waits for in words. */
describe("marking a step done on the applicant's behalf", () => {
  it("names a blocked step's prerequisites by their titles, never by their keys", () => {
    // Before the 2026 Match's rank list deadline: a Match that is over lists its waiting steps
    // nowhere, so the blocked step is looked for while that Match is still ahead.
    const now = new Date("2025-10-01T12:00:00Z");
    const input = inputFactory({ milestones: examsDone("2025-06-01") });
    const plan = planFor(input, seasonCalendar(input.applicant.matchYear), now);
    const blocked = plan.blocked.find((step) => step.milestone === "rank_order_list");
    expect(blocked?.waitingFor).toContain("nrmp_registration");

    const [problem] = markDoneProblems(input, plan, "rank_order_list", "2025-09-30", now);
    expect(problem?.path).toBe("milestone");
    expect(problem?.message).toMatch(/is blocked: waiting for .*NRMP/);
    expect(problem?.message).not.toContain("nrmp_registration");
  });

  /**
   * The console accepts every past calendar date the intake accepts: a
   * Match 2028 applicant who passed Step 1 in 2012, sixteen years before, is recorded as the form
   * recorded him, by Mark done and by a saved what-if alike.
   */
  it("accepts a done date years before the Match year, as the intake does", () => {
    const now = new Date("2027-06-01T12:00:00Z");
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028, graduation: "2010-06-30" }),
    });
    const plan = planFor(input, seasonCalendar(2028), now);
    expect(markDoneProblems(input, plan, "usmle_step1", "2012-03-01", now)).toEqual([]);
    expect(markDoneProblems(input, plan, "ecfmg_application", "2011-06-01", now)).toEqual([]);
    expect(
      whatIfDoneProblems(
        input,
        [{ kind: "milestone", key: "usmle_step1", status: "done", date: "2012-03-01" }],
        now,
      ),
    ).toEqual([]);
  });

  /**
   * "Not in the future" is the applicant's own today: at
   * 2027-03-20 00:01 UTC it is 01:01 on the 20th in Lagos, 14:01 on the 20th in Kiritimati
   * (UTC+14) and still the 19th in Los Angeles.
   */
  it.each([
    ["Africa/Lagos", "2027-03-20"],
    ["Pacific/Kiritimati", "2027-03-20"],
    ["America/Los_Angeles", "2027-03-19"],
  ])("in %s the latest day is %s", (timezone, today) => {
    const now = new Date("2027-03-20T00:01:00Z");
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone }),
      milestones: [milestoneFactory("usmle_step1", "done", "2025-01-10")],
    });
    const plan = planFor(input, seasonCalendar(2027), now);
    expect(applicantToday(input.applicant, now)).toBe(today);
    expect(markDoneProblems(input, plan, "usmle_step1", today, now)).toEqual([]);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const [problem] = markDoneProblems(input, plan, "usmle_step1", tomorrow, now);
    expect(problem?.path).toBe("date");
    expect(problem?.message).toContain(`(${today}, ${timezone})`);
  });
});

/**
 * A one-tap Done before the booked exam day is refused (bookedDayAhead), yet
 * the console's Mark done recorded Step 2 CK passed on 2027-03-27 while it was booked for
 * 2027-04-15. The same rule now holds with the done date in place of today, for Mark done and a
 * saved what-if's done steps alike; on or after the exam day the date is accepted as before.
 */
describe("a pass dated before the booked exam day", () => {
  const booked = "2027-04-15";
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" }),
    milestones: [
      ...examsDone("2025-01-15").filter((entry) => entry.key !== "usmle_step2ck"),
      milestoneFactory("usmle_step2ck", "scheduled", booked),
    ],
  });
  // After the sitting, so the dates below are all in the past: only the booked day decides.
  const now = new Date("2027-04-20T06:00:00Z");
  const plan = planFor(input, seasonCalendar(2028), now);

  it.each(["2027-03-27", "2027-04-14"])("refuses %s, naming date and the exam day", (date) => {
    const problems = markDoneProblems(input, plan, "usmle_step2ck", date, now);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("date");
    expect(problems[0]?.message).toContain(booked);
    expect(problems[0]?.message).toContain("if the exam moved, save a what-if with the new date first");

    const whatIf = whatIfDoneProblems(
      input,
      [{ kind: "milestone", key: "usmle_step2ck", status: "done", date }],
      now,
    );
    expect(whatIf).toEqual([{ path: "0.date", message: problems[0]?.message }]);
  });

  it.each([booked, "2027-04-16", "2027-04-20"])("accepts %s, on or after the exam day", (date) => {
    expect(markDoneProblems(input, plan, "usmle_step2ck", date, now)).toEqual([]);
    expect(
      whatIfDoneProblems(input, [{ kind: "milestone", key: "usmle_step2ck", status: "done", date }], now),
    ).toEqual([]);
  });

  it("refuses a past date while the exam is still ahead, with the one problem", () => {
    const before = new Date("2027-04-01T06:00:00Z");
    const early = planFor(input, seasonCalendar(2028), before);
    const [problem, ...rest] = markDoneProblems(input, early, "usmle_step2ck", "2027-03-27", before);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("date");
    expect(problem?.message).toContain(booked);
  });

  /**
   * A date both in the future and before the exam day drew two
   * `date` problems, both true. It is one problem, naming the field, that says the exam is still
   * ahead and what the date may be.
   */
  it("a date in the future and before the exam day is one problem: the exam is still ahead", () => {
    const before = new Date("2027-04-01T06:00:00Z");
    const early = planFor(input, seasonCalendar(2028), before);
    const problems = markDoneProblems(input, early, "usmle_step2ck", "2027-04-10", before);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("date");
    expect(problems[0]?.message).toContain(booked);
    expect(problems[0]?.message).toContain("(2027-04-01, Asia/Kolkata)");
    expect(problems[0]?.message).toMatch(/still ahead/);
    expect(
      whatIfDoneProblems(
        input,
        [{ kind: "milestone", key: "usmle_step2ck", status: "done", date: "2027-04-10" }],
        before,
      ),
    ).toHaveLength(1);
  });

  it("leaves a step whose day is not booked, and an exam with no day booked, as before", () => {
    const unbooked = inputFactory({
      applicant: input.applicant,
      milestones: examsDone("2025-01-15").filter((entry) => entry.key !== "usmle_step2ck"),
    });
    const unbookedPlan = planFor(unbooked, seasonCalendar(2028), now);
    expect(markDoneProblems(unbooked, unbookedPlan, "usmle_step2ck", "2027-03-27", now)).toEqual([]);
    expect(markDoneProblems(input, plan, "lors", "2027-03-27", now)).toEqual([]);
  });
});

/**
 * Mark done recorded NRMP registration for a 2028 Match applicant on
 * 2027-03-20, answered "Marked … done", and the plan ignored it (a March 2027 registration is the
 * 2027 Match's) while the budget counted its fee as paid for an earlier season. The applicant's own
 * Done refuses the same step until its window opens (doneOpensFor); Mark done and a saved
 * what-if's done steps now follow that rule, with the done date in place of today.
 */
describe("a step done before its window opens for the applicant's Match", () => {
  const now = new Date("2027-03-20T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" }),
    milestones: examsDone("2025-01-15"),
  });
  const plan = planFor(input, seasonCalendar(2028), now);

  it.each([
    ["nrmp_registration", "NRMP registration for the 2028 Match opens on Wed 15 Sep 2027"],
    ["eras_token", "The 2028 ERAS season begins on Tue 1 Jun 2027"],
  ] as const)("refuses %s, saying when it opens", (key, opens) => {
    const problem = markDoneProblems(input, plan, key, "2027-03-20", now).find((p) =>
      p.message.includes(opens),
    );
    expect(problem?.path).toBe("date");
    expect(problem?.message).toMatch(/^Not yet: /);
    expect(problem?.message).toContain("counts for an earlier Match, not the 2028 Match");
    const whatIf = whatIfDoneProblems(
      input,
      [{ kind: "milestone", key, status: "done", date: "2027-03-19" }],
      now,
    );
    expect(whatIf.some((p) => p.path === "0.date" && p.message.includes(opens))).toBe(true);
  });

  it("judges the done date once the window is open: before it refused, from it accepted", () => {
    const september = new Date("2027-09-20T12:00:00Z");
    const later = planFor(input, seasonCalendar(2028), september);
    const early = markDoneProblems(input, later, "eras_token", "2027-05-30", september);
    expect(early.map((p) => p.message).join()).toContain("The 2028 ERAS season begins on Tue 1 Jun 2027");
    expect(markDoneProblems(input, later, "eras_token", "2027-06-02", september)).toEqual([]);
  });

  it("takes the Match year from the what-if's own switch", () => {
    const for2027 = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      milestones: examsDone(),
    });
    const whatIf = whatIfDoneProblems(
      for2027,
      [
        { kind: "matchYear", matchYear: 2028 },
        { kind: "milestone", key: "eras_token", status: "done", date: "2027-03-19" },
      ],
      now,
    );
    expect(whatIf.map((p) => p.message).join()).toContain("The 2028 ERAS season begins");
  });
});

/**
 * A plan moved to a later Match: a 2027 applicant with nothing done, on
 * 20 Mar 2027, is planned for 2028, and a Done counts for the 2028 Match (doneCountsFor, the
 * applicant's Done link's rule). Mark done, a saved what-if and the console's button judged the
 * step by the entered 2027 Match's windows and accepted NRMP registration dated 15 Mar 2027.
 */
describe("a step of a plan moved to a later Match", () => {
  const now = new Date("2027-03-20T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "America/Chicago", graduation: "2025-06-30" }),
  });
  const plan = planFor(input, seasonCalendar(2027), now);

  it("is judged by the later Match's windows: NRMP registration for 2028 opens in September 2027", () => {
    expect(plan.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const [problem] = markDoneProblems(input, plan, "nrmp_registration", "2027-03-15", now);
    expect(problem?.path).toBe("date");
    expect(problem?.message).toContain("NRMP registration for the 2028 Match opens on Wed 15 Sep 2027");
    expect(problem?.message).toContain("counts for an earlier Match, not the 2028 Match");
    const whatIf = whatIfDoneProblems(
      input,
      [{ kind: "milestone", key: "nrmp_registration", status: "done", date: "2027-03-15" }],
      now,
    );
    expect(whatIf.map((p) => `${p.path} ${p.message}`).join()).toContain(
      "0.date Not yet: NRMP registration for the 2028 Match",
    );
  });

  it("the console offers Mark done when the planner's rule does (markDoneNotYet reads the plan)", () => {
    expect(markDoneNotYet("nrmp_registration", plan, "2027-03-20")?.what).toBe(
      "NRMP registration for the 2028 Match",
    );
    expect(markDoneNotYet("usmle_step1", plan, "2027-03-20")).toBeUndefined();
  });
});
