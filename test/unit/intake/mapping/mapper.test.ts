import { describe, expect, it } from "vitest";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import type { MappingProblem } from "#intake/mapping/problems.ts";
import { parseMapping } from "#intake/mapping/registry.ts";
import type { AnswerValue, ParsedForm } from "#intake/providers/common.ts";

function form(answers: Record<string, AnswerValue>, submissionId = "resp-1"): ParsedForm {
  return { provider: "tally", formId: "F1", submissionId, answers: new Map(Object.entries(answers)) };
}

const intake = parseMapping({
  provider: "tally",
  formId: "F1",
  kind: "applicant.snapshot",
  fields: {
    id: { to: "applicant.externalId" },
    email: { to: "applicant.email", transform: "lower" },
    name: { to: "applicant.fullName" },
    zone: { to: "applicant.timezone" },
    year: { to: "applicant.matchYear" },
    specialties: { to: "applicant.specialties" },
    visa: {
      to: "applicant.visa",
      transform: { choices: { "J-1 (ECFMG)": "J-1", "H-1B": "H-1B", "No visa": "none" } },
    },
    graduated: { to: "applicant.graduation", transform: "date" },
    school: { to: "applicant.medicalSchool.name" },
    country: { to: "applicant.medicalSchool.country", transform: "upper" },
    sponsor: { to: "applicant.medicalSchool.wdomsSponsorNote" },
    programs: { to: "applicant.programsPlanned" },
    step2: {
      to: "milestones.usmle_step2ck.status",
      transform: { choices: { Passed: "done", Booked: "scheduled" } },
    },
    step2date: { to: "milestones.usmle_step2ck.date", transform: "date" },
    step2score: { to: "milestones.usmle_step2ck.score" },
  },
  required: ["id", "email", "name"],
});

const goodAnswers: Record<string, AnswerValue> = {
  id: "IMG-1",
  email: "Priya.Nair@Example.com",
  name: "Priya Nair",
  zone: "Asia/Kolkata",
  year: "2027",
  specialties: ["Internal Medicine", "Neurology"],
  visa: "j-1 (ecfmg)",
  graduated: "2024-04-30T00:00:00+05:30",
  school: "Government Medical College, Kozhikode",
  country: "in",
  sponsor: "Yes",
  programs: 110,
  step2: ["Passed"],
  step2date: "2026-06-09",
  step2score: "251",
};

describe("mapSubmission: a complete answer set", () => {
  it("converts by transform and by the target's kind, and the result passes SubmissionSchema", () => {
    const submission = mapSubmission(intake, form(goodAnswers));
    expect(SubmissionSchema.safeParse(submission).success).toBe(true);
    expect(submission).toEqual({
      type: "applicant.snapshot",
      submissionId: "tally:resp-1",
      applicant: {
        externalId: "IMG-1",
        email: "priya.nair@example.com",
        fullName: "Priya Nair",
        timezone: "Asia/Kolkata",
        matchYear: 2027,
        specialties: ["Internal Medicine", "Neurology"],
        visa: "J-1",
        graduation: "2024-04-30",
        medicalSchool: {
          name: "Government Medical College, Kozhikode",
          country: "IN",
          wdomsSponsorNote: true,
        },
        programsPlanned: 110,
      },
      milestones: [{ key: "usmle_step2ck", status: "done", date: "2026-06-09", score: 251 }],
      interviews: [],
    });
  });
});

describe("mapSubmission: every problem at once", () => {
  const answers: Record<string, AnswerValue> = {
    ...goodAnswers,
    email: "not-an-email",
    visa: "F-1",
    graduated: "31/04/2024",
    year: "next year",
    sponsor: "maybe",
    step2: "Failed",
    step2score: "1200",
    country: "India",
  };
  delete answers.id;
  delete answers.name;

  const problems = capture(() => mapSubmission(intake, form(answers)));

  it.each<[string, string, RegExp]>([
    ["applicant.externalId", "id", /required but was not answered/],
    ["applicant.fullName", "name", /required but was not answered/],
    [
      "applicant.visa",
      "visa",
      /"F-1" is not one of the mapped choices \["J-1 \(ECFMG\)", "H-1B", "No visa"\]/,
    ],
    ["applicant.graduation", "graduated", /expected a date/],
    ["applicant.matchYear", "year", /expected a number/],
    ["applicant.medicalSchool.wdomsSponsorNote", "sponsor", /expected yes or no/],
    ["milestones.usmle_step2ck.status", "step2", /"Failed" is not one of the mapped choices/],
    ["applicant.email", "email", /must be an email address/],
    ["applicant.medicalSchool.country", "country", /ISO 3166-1 alpha-2/],
    ["milestones.usmle_step2ck.score", "step2score", /./],
  ])("%s (from field %s)", (path, field, message) => {
    const problem = problems.find((p) => p.path === path);
    expect(problem).toMatchObject({ field });
    expect(problem?.message).toMatch(message);
    expect(problem?.message).toContain(`"${field}"`);
  });

  it("reports each path once", () => {
    expect(new Set(problems.map((p) => p.path)).size).toBe(problems.length);
    expect(problems).toHaveLength(10);
  });
});

describe("mapSubmission: details", () => {
  it("names a snapshot path no field or default fills", () => {
    const partial = parseMapping({
      provider: "tally",
      formId: "F1",
      kind: "applicant.snapshot",
      fields: { email: { to: "applicant.email" } },
    });
    const problems = capture(() => mapSubmission(partial, form({ email: "a@example.com" })));
    expect(problems.find((p) => p.path === "applicant.timezone")?.message).toMatch(/no form field maps here/);
    expect(problems.find((p) => p.path === "applicant.medicalSchool")).toBeDefined();
  });

  it("uses defaults for what the form does not ask, and answers override nothing they do not fill", () => {
    const mapping = parseMapping({ ...rawOf(intake), defaults: { "applicant.visa": "undecided" } });
    const { visa: _, ...withoutVisa } = goodAnswers;
    expect(mapSubmission(mapping, form(withoutVisa))).toMatchObject({ applicant: { visa: "undecided" } });
    expect(mapSubmission(mapping, form(goodAnswers))).toMatchObject({ applicant: { visa: "J-1" } });
  });

  it("refuses several answers for a one-answer path", () => {
    const problems = capture(() => mapSubmission(intake, form({ ...goodAnswers, name: ["Priya", "Nair"] })));
    expect(problems).toEqual([
      {
        path: "applicant.fullName",
        field: "name",
        message: expect.stringMatching(/expected one answer, got 2/),
      },
    ]);
  });

  it("maps a multi-select through choices into a list, naming the labels it cannot map", () => {
    const mapping = parseMapping({
      ...rawOf(intake),
      fields: {
        ...rawOf(intake).fields,
        specialties: {
          to: "applicant.specialties",
          transform: { choices: { IM: "Internal Medicine", FM: "Family Medicine" } },
        },
      },
    });
    expect(mapSubmission(mapping, form({ ...goodAnswers, specialties: ["IM", "fm"] }))).toMatchObject({
      applicant: { specialties: ["Internal Medicine", "Family Medicine"] },
    });
    const problems = capture(() =>
      mapSubmission(mapping, form({ ...goodAnswers, specialties: ["IM", "Surgery"] })),
    );
    expect(problems[0]?.message).toMatch(/\["Surgery"\] not among the mapped choices/);
  });

  it("rejects an impossible calendar date", () => {
    const problems = capture(() => mapSubmission(intake, form({ ...goodAnswers, graduated: "2025-02-30" })));
    expect(problems[0]).toMatchObject({ path: "applicant.graduation", field: "graduated" });
  });

  it("rejects a provider submission id the snapshot cannot carry", () => {
    const problems = capture(() => mapSubmission(intake, form(goodAnswers, "has space")));
    expect(problems).toEqual([{ path: "submissionId", message: expect.any(String) }]);
  });

  it("reads a record-shaped date by its provider: Jotform's Date Picker from Jotform, refused from Tally", () => {
    const fields = {
      email: { to: "applicant.email" },
      step2: { to: "milestones.usmle_step2ck.status" },
      step2date: { to: "milestones.usmle_step2ck.date", transform: "date" },
    } as const;
    const answers = new Map<string, AnswerValue>([
      ["email", "a@b.org"],
      ["step2", "done"],
      ["step2date", { year: "2026", month: "6", day: "9" }],
    ]);
    const jotform = parseMapping({ provider: "jotform", formId: "F1", kind: "milestone.update", fields });
    expect(
      mapSubmission(jotform, { provider: "jotform", formId: "F1", submissionId: "1", answers }).milestones,
    ).toEqual([{ key: "usmle_step2ck", status: "done", date: "2026-06-09" }]);
    const tally = parseMapping({ provider: "tally", formId: "F1", kind: "milestone.update", fields });
    expect(capture(() => mapSubmission(tally, { ...form({}), answers }))).toEqual([
      {
        path: "milestones.usmle_step2ck.date",
        field: "step2date",
        message: expect.stringMatching(/Tally field "step2date": expected a date/),
      },
    ]);
  });

  it("builds a milestone.update that finds the applicant by email when no external id is given", () => {
    const update = parseMapping({
      provider: "tally",
      formId: "F1",
      kind: "milestone.update",
      fields: {
        id: { to: "applicant.externalId" },
        email: { to: "applicant.email", transform: "lower" },
        step1: { to: "milestones.usmle_step1.status", transform: { choices: { Passed: "done" } } },
        oet: { to: "milestones.oet_medicine.status", transform: { choices: { Passed: "done" } } },
        oetDate: { to: "milestones.oet_medicine.date", transform: "date" },
      },
    });
    expect(
      mapSubmission(
        update,
        form({ email: "A@B.org", oet: "Passed", oetDate: "2026-01-31", step1: "Passed" }),
      ),
    ).toEqual({
      type: "milestone.update",
      submissionId: "tally:resp-1",
      applicant: { email: "a@b.org" },
      milestones: [
        { key: "usmle_step1", status: "done" },
        { key: "oet_medicine", status: "done", date: "2026-01-31" },
      ],
    });
    // A date without a status is reported at the milestone's own path, not an array index.
    const problems = capture(() => mapSubmission(update, form({ id: "IMG-1", oetDate: "2026-01-31" })));
    expect(problems).toEqual([
      {
        path: "milestones.oet_medicine.status",
        field: "oet",
        message: expect.stringMatching(/Tally field "oet" was not answered/),
      },
    ]);
  });
});

describe("the mapping schema", () => {
  it.each([
    [
      "an unknown snapshot path",
      { fields: { a: { to: "applicant.favouriteColour" } } },
      /not a snapshot path/,
    ],
    [
      "an unknown milestone",
      { fields: { a: { to: "milestones.usmle_step4.status" } } },
      /not a snapshot path/,
    ],
    ["a required field not in fields", { required: ["nope"] }, /nope is required but not listed/],
    ["an unknown transform", { fields: { a: { to: "applicant.email", transform: "rot13" } } }, /./],
    ["an unknown provider", { provider: "surveymonkey" }, /./],
    ["an unknown key (typo)", { feilds: {} }, /./],
  ])("rejects %s", (_, change, message) => {
    expect(() => parseMapping({ ...rawOf(intake), ...change })).toThrow(InvalidInputError);
    try {
      parseMapping({ ...rawOf(intake), ...change });
    } catch (error) {
      expect((error as InvalidInputError).problems.map((p) => p.message).join("\n")).toMatch(message);
    }
  });

  it("requires a milestone.update to find the applicant and to change a milestone, and nothing else", () => {
    const base = { provider: "tally", formId: "F", kind: "milestone.update" };
    expect(schemaMessages({ ...base, fields: { s: { to: "milestones.cv.status" } } })).toMatch(
      /externalId or applicant.email/,
    );
    expect(schemaMessages({ ...base, fields: { e: { to: "applicant.email" } } })).toMatch(
      /must map a milestone/,
    );
    expect(
      schemaMessages({
        ...base,
        fields: {
          e: { to: "applicant.email" },
          v: { to: "applicant.visa" },
          s: { to: "milestones.cv.status" },
        },
      }),
    ).toMatch(/applicant.visa: a milestone.update only finds the applicant/);
  });
});

function schemaMessages(document: unknown): string {
  try {
    parseMapping(document);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems.map((p) => p.message).join("\n");
    throw error;
  }
  throw new Error("expected the mapping to be refused");
}

function capture(run: () => unknown): MappingProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems;
    throw error;
  }
  throw new Error("expected InvalidInputError");
}

function rawOf(
  mapping: ReturnType<typeof parseMapping>,
): Record<string, unknown> & { fields: Record<string, unknown> } {
  return {
    provider: mapping.provider,
    formId: mapping.formId,
    kind: mapping.kind,
    fields: { ...mapping.fields },
    required: mapping.required,
  };
}
