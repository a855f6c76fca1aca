import { describe, expect, it } from "vitest";
import { type CohortRow, cohortRow, countsByStage, sameRow, selectRows } from "#domain/console/cohort-row.ts";
import { stageOf } from "#domain/console/stage.ts";
import { applyWhatIf, planDiff, whatIfAsUpdate } from "#domain/console/what-if.ts";
import { stepCountdown } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS, MilestoneUpdateSchema } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

const NOW = new Date("2025-08-01T12:00:00Z");
const planOf = (input = inputFactory()) => plan(input, seasonCalendar(input.applicant.matchYear), NOW);

function row(overrides: Partial<CohortRow>): CohortRow {
  return {
    applicantId: "a_1",
    fullName: "Asha Rao",
    email: "asha@example.org",
    matchYear: 2026,
    visa: "J-1",
    stage: "exams",
    risks: { critical: 0, warning: 0, codes: [] },
    overdue: 0,
    ...overrides,
  };
}

describe("stage", () => {
  it("is the earliest stage with an open step: exams at first, ranking when only the rank list and visa remain", () => {
    expect(stageOf(planOf())).toBe("exams");
    // Ranking runs through Match Week and Match Day; the contract and the J-1 steps are visa work (issue #9).
    const ranking = ["rank_order_list", "match_week", "soap", "match_day"] as const;
    const visa = [
      "contract",
      "j1_statement_of_need",
      "j1_ecfmg_sponsorship",
      "j1_ds2019",
      "visa_j1",
      "visa_h1b",
      "visa_h1b_stamping",
      "usmle_step3",
    ];
    const keys = MILESTONE_KEYS.filter(
      (key) => !(ranking as readonly string[]).includes(key) && !visa.includes(key),
    );
    const almostThere = inputFactory({ milestones: doneMilestones(keys) });
    expect(stageOf(planOf(almostThere))).toBe("ranking");
    const onlyVisa = inputFactory({ milestones: doneMilestones([...keys, ...ranking]) });
    // Match Week and Match Day done count only once NRMP has told them (MATCH_OUTCOME_BEFORE_MATCH_WEEK):
    // planned the day after Match Day.
    const calendar = seasonCalendar(onlyVisa.applicant.matchYear);
    const afterMatchDay = new Date(calendar.dates.nrmp_match_day.at + 86_400_000);
    expect(stageOf(plan(onlyVisa, calendar, afterMatchDay))).toBe("visa");
  });

  // Applied, registered and waiting to rank, with the optional research step
  // left open, the cohort said "ERAS application". An optional step with no date (catalog
  // `waivable` and no due rule: research) never holds them at an earlier stage.
  it("is the ranking stage for an applicant who applied and registered, whatever optional step is open", () => {
    const registered = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
      milestones: doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2026-09-01"),
    });
    const planned = plan(registered, seasonCalendar(2027), new Date("2026-12-01T20:00:00Z"));
    expect(planned.nextSteps.some((step) => step.milestone === "research")).toBe(true);
    expect(stageOf(planned)).toBe("ranking");
  });
});

describe("cohort row", () => {
  it("counts risks by severity, names what the plan counts down to next and lower-cases the advisor", () => {
    const input = inputFactory({
      applicant: applicantFactory({ visa: "H-1B", advisorEmail: "Priya@Example.org" }),
    });
    const planned = planOf(input);
    const result = cohortRow({ applicantId: "a_1", applicant: input.applicant, plan: planned });
    expect(result.advisorEmail).toBe("priya@example.org");
    expect(result.risks.critical).toBe(planned.risks.filter((risk) => risk.severity === "critical").length);
    expect(result.risks.warning).toBe(planned.risks.filter((risk) => risk.severity === "warning").length);
    const future = planned.nextSteps.flatMap((step) =>
      step.deadline && step.deadline.at >= planned.now ? [step.deadline.at] : [],
    );
    // What the plan counts down to, in the timeline's reading order (the
    // soonest hard deadline hid the targets the reminders count down to); never later than it.
    const zone = input.applicant.timezone;
    const counted = listedInReadingOrder(planned, zone)
      .map((step) => stepCountdown(step, Date.parse(planned.now), zone))
      .find((countdown) => countdown !== undefined);
    expect(result.nextDeadline?.at).toBe(counted && new Date(counted.at).toISOString());
    expect(result.nextDeadline?.kind).toBe(counted?.kind);
    expect(Date.parse(result.nextDeadline?.at ?? "")).toBeLessThanOrEqual(Date.parse(future.sort()[0] ?? ""));
  });

  it("is equal to itself whatever the order of its members (as storage returns them)", () => {
    const a = row({ lastEmail: { sentAt: "2025-08-01T00:00:00Z", messageId: "m1", outcome: "sent" } });
    const shuffled: CohortRow = {
      ...(Object.fromEntries(Object.entries(a).reverse()) as unknown as CohortRow),
      risks: { codes: [], warning: 0, critical: 0 },
    };
    expect(sameRow(a, shuffled)).toBe(true);
    expect(sameRow(a, { ...a, remindersPausedAt: "2025-08-01T00:00:00Z" })).toBe(false);
  });
});

describe("cohort selection", () => {
  const rows = [
    row({
      applicantId: "a_1",
      fullName: "Ben",
      risks: { critical: 1, warning: 0, codes: ["X"] },
      advisorEmail: "p@x.org",
    }),
    row({
      applicantId: "a_2",
      fullName: "Ada",
      nextDeadline: { title: "t", at: "2025-09-01T00:00:00Z", status: "confirmed" },
    }),
    row({
      applicantId: "a_3",
      fullName: "Cy",
      matchYear: 2027,
      stage: "interviews",
      risks: { critical: 0, warning: 2, codes: [] },
    }),
  ];

  it.each([
    [{ risk: "critical" as const }, "risk" as const, ["a_1"]],
    [{ risk: "any" as const }, "name" as const, ["a_1", "a_3"]],
    [{ matchYear: 2027 }, "name" as const, ["a_3"]],
    [{ advisorEmail: "P@X.org" }, "name" as const, ["a_1"]],
    [{ stage: "interviews" as const }, "name" as const, ["a_3"]],
    [{}, "name" as const, ["a_2", "a_1", "a_3"]],
    [{}, "risk" as const, ["a_1", "a_3", "a_2"]],
    [{}, "deadline" as const, ["a_2", "a_1", "a_3"]],
    [{ deadlineBefore: "2025-10-01T00:00:00Z" }, "name" as const, ["a_2"]],
  ])("filter %o sorted by %s gives %o", (filter, sort, ids) => {
    expect(selectRows(rows, filter, sort).map((r) => r.applicantId)).toEqual(ids);
  });

  it("counts every stage, zero where none", () => {
    const counts = countsByStage(rows);
    expect(counts.exams).toBe(2);
    expect(counts.interviews).toBe(1);
    expect(counts.ranking).toBe(0);
  });
});

describe("what-if", () => {
  it("applies changes without touching the input, and an unchanged what-if shows no difference", () => {
    const input = inputFactory({ milestones: doneMilestones(["usmle_step1"]) });
    const frozen = JSON.stringify(input);
    const changed = applyWhatIf(input, [
      { kind: "milestone", key: "usmle_step2ck", status: "scheduled", date: "2025-10-01" },
    ]);
    expect(JSON.stringify(input)).toBe(frozen);
    expect(changed.milestones).toContainEqual({
      key: "usmle_step2ck",
      status: "scheduled",
      date: "2025-10-01",
    });
    expect(planDiff(planOf(input), planOf(input)).unchanged).toBe(true);
    expect(planDiff(planOf(input), planOf(changed)).unchanged).toBe(false);
  });

  it("shows an exam date the applicant schedules as a step change, beside its deadline", () => {
    // The deadline stays the authority's when the applicant schedules the exam (ownDate beside it),
    // so comparing deadlines alone said "No change" for the most common what-if.
    const input = inputFactory();
    const scheduled = applyWhatIf(input, [
      { kind: "milestone", key: "usmle_step2ck", status: "scheduled", date: "2025-09-30" },
    ]);
    const after = planOf(scheduled);
    const step = planDiff(planOf(input), after).steps.find((s) => s.subject === "usmle_step2ck");
    const own = after.nextSteps.find((s) => s.milestone === "usmle_step2ck")?.ownDate;
    expect(own?.local).toContain("30 Sep 2025");
    expect(step?.before?.ownDate).toBeUndefined();
    expect(step?.after?.ownDate).toEqual(own);
    expect(step?.after?.dueBy).toBe(
      after.nextSteps.find((s) => s.milestone === "usmle_step2ck")?.deadline?.at,
    );
  });

  it("switching to H-1B brings Step 3 into the plan and its fee into the budget", () => {
    const input = inputFactory();
    const after = planOf(applyWhatIf(input, [{ kind: "visa", visa: "H-1B" }]));
    const diff = planDiff(planOf(input), after);
    const titles = [...diff.steps.map((step) => step.title), ...diff.blocked.added];
    expect(titles.some((title) => /Step 3/.test(title))).toBe(true);
    // Not yet certified, so Step 3 cannot be taken: its fee is listed apart, in no total.
    expect(diff.budget.toVerify.added.map((fee) => fee.label)).toContain("USMLE Step 3 exam fee");
  });

  it("moves an interview by id and adds one without", () => {
    const input = inputFactory({
      interviews: [
        {
          id: "iv1",
          program: "Mercy IM",
          startsAt: "2025-11-12T10:00:00-05:00",
          timezone: "America/New_York",
          format: "virtual",
        },
      ],
    });
    const moved = applyWhatIf(input, [
      {
        kind: "interview",
        id: "iv1",
        program: "Mercy IM",
        startsAt: "2025-11-20T10:00:00-05:00",
        timezone: "America/New_York",
        format: "virtual",
      },
      {
        kind: "interview",
        program: "Hope FM",
        startsAt: "2025-12-01T09:00:00-06:00",
        timezone: "America/Chicago",
        format: "in_person",
      },
    ]);
    expect(moved.interviews).toHaveLength(2);
    expect(moved.interviews[0]?.startsAt).toBe("2025-11-20T10:00:00-05:00");
  });

  it("saves every kind of change as one milestone.update: interviews as listed, visa and Match year as its track", () => {
    const milestone = {
      kind: "milestone" as const,
      key: "usmle_step2ck" as const,
      status: "done" as const,
      date: "2025-07-01",
    };
    expect(whatIfAsUpdate([milestone], "ext-1", "console-1")).toEqual({
      type: "milestone.update",
      submissionId: "console-1",
      applicant: { externalId: "ext-1" },
      milestones: [{ key: "usmle_step2ck", status: "done", date: "2025-07-01" }],
    });
    const interview = {
      kind: "interview" as const,
      program: "Mercy IM",
      startsAt: "2026-11-02T14:00:00-05:00",
      timezone: "America/Chicago",
      format: "virtual" as const,
    };
    expect(whatIfAsUpdate([interview], "ext-1", "c")).toEqual({
      type: "milestone.update",
      submissionId: "c",
      applicant: { externalId: "ext-1" },
      milestones: [],
      interviews: [
        {
          program: "Mercy IM",
          startsAt: "2026-11-02T14:00:00-05:00",
          timezone: "America/Chicago",
          format: "virtual",
        },
      ],
    });
    const switched = whatIfAsUpdate(
      [
        milestone,
        { kind: "visa", visa: "J-1" },
        { kind: "matchYear", matchYear: 2028 },
        { kind: "visa", visa: "H-1B" },
      ],
      "ext-1",
      "c",
    );
    expect(switched?.track).toEqual({ visa: "H-1B", matchYear: 2028 });
    expect(switched?.milestones).toHaveLength(1);
    expect(MilestoneUpdateSchema.safeParse(switched).success).toBe(true);
    expect(whatIfAsUpdate([{ kind: "matchYear", matchYear: 2027 }], "ext-1", "c")?.track).toEqual({
      matchYear: 2027,
    });
    expect(whatIfAsUpdate([], "ext-1", "c")).toBeUndefined();
  });
});
