import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { ANSWER_TYPES, answerTypesMarkdown } from "#intake/mapping/answer-types.ts";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseMapping } from "#intake/mapping/registry.ts";
import type { AnswerValue, ParsedForm, ProviderName } from "#intake/providers/common.ts";
import { parseTally } from "#intake/providers/tally/tally.ts";
import { parseTypeform } from "#intake/providers/typeform/typeform.ts";
import { exampleMapping } from "../providers/support.ts";

function form(
  answers: Record<string, AnswerValue>,
  extra: Partial<ParsedForm> = {},
  provider: ProviderName = "tally",
): ParsedForm {
  return { provider, formId: "F1", submissionId: "r1", answers: new Map(Object.entries(answers)), ...extra };
}

const report = (
  fields: Record<string, unknown>,
  defaults: Record<string, unknown> = {},
  provider = "tally",
) => ({
  provider,
  formId: "F1",
  kind: "milestone.update",
  fields: { id: { to: "applicant.externalId" }, ...fields },
  defaults: { "interviews.0.program": "Mercy General IM", "interviews.0.format": "virtual", ...defaults },
});

function problemsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems;
    throw error;
  }
  throw new Error("expected InvalidInputError");
}

describe("an interview's start from a date, a time and a zone", () => {
  const mapping = parseMapping(
    report(
      {
        date: { to: "interviews.0.startsAt.date" },
        time: { to: "interviews.0.startsAt.time" },
        zone: { to: "interviews.0.startsAt.zone" },
      },
      { "interviews.0.timezone": "America/Chicago" },
    ),
  );

  it("joins Tally's separate Date and Time with the zone answered", () => {
    const submission = mapSubmission(
      mapping,
      form({ id: "ada", date: "2026-12-11", time: "14:30", zone: "EST5EDT" }),
    );
    expect(submission.interviews).toEqual([
      {
        program: "Mercy General IM",
        // 14:30 in EST5EDT (the zone answered) is 19:30Z, written with the program's own offset.
        startsAt: "2026-12-11T13:30:00-06:00",
        timezone: "America/Chicago",
        format: "virtual",
      },
    ]);
  });

  it("refuses a time the clocks skip, naming the field", () => {
    const problems = problemsOf(() =>
      mapSubmission(
        mapping,
        form({ id: "ada", date: "2027-03-14", time: "2:30 AM", zone: "America/New_York" }),
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: "interviews.0.startsAt",
        message: expect.stringMatching(/does not exist/),
      }),
    ]);
  });

  it("names a missing zone answer and what to do", () => {
    const problems = problemsOf(() =>
      mapSubmission(mapping, form({ id: "ada", date: "2026-12-11", time: "14:30" })),
    );
    expect(problems[0]?.message).toMatch(/names no zone; map the form's zone question/);
  });

  it.each([
    // 14:30 in the zone named, written with the interview's own (America/Chicago) offset.
    ["applicant", "applicant.snapshot", "2026-12-11T03:00:00-06:00"], // 14:30+05:30
    ["interview", "milestone.update", "2026-12-11T14:30:00-06:00"],
    ["Europe/London", "milestone.update", "2026-12-11T08:30:00-06:00"], // 14:30+00:00
  ])("takes the zone default %s", (zone, kind, instant) => {
    const snapshotOnly =
      kind === "applicant.snapshot"
        ? {
            "applicant.email": "ada@example.org",
            "applicant.fullName": "Ada",
            "applicant.timezone": "Asia/Kolkata",
            "applicant.matchYear": 2027,
            "applicant.specialties": ["Internal Medicine"],
            "applicant.visa": "J-1",
            "applicant.graduation": "2024-06-30",
            "applicant.medicalSchool.name": "AIIMS",
            "applicant.medicalSchool.country": "IN",
            "applicant.medicalSchool.wdomsSponsorNote": true,
            "applicant.programsPlanned": 80,
          }
        : {};
    const zoned = parseMapping({
      ...report(
        { date: { to: "interviews.0.startsAt.date" }, time: { to: "interviews.0.startsAt.time" } },
        { "interviews.0.timezone": "America/Chicago", "interviews.0.startsAt.zone": zone, ...snapshotOnly },
      ),
      kind,
    });
    const submission = mapSubmission(zoned, form({ id: "ada", date: "2026-12-11", time: "14:30" }));
    expect(submission.interviews?.[0]).toMatchObject({ startsAt: instant });
  });
});

describe("a form that cancels an interview", () => {
  const mapping = parseMapping(
    report(
      {
        ref: { to: "interviews.0.id" },
        what: {
          to: "interviews.0.status",
          transform: { choices: { Booked: "scheduled", Cancelled: "cancelled" } },
        },
        date: { to: "interviews.0.startsAt.date" },
        time: { to: "interviews.0.startsAt.time" },
      },
      { "interviews.0.startsAt.zone": "America/Chicago" },
    ),
  );

  it("needs only the id, whatever else the form left empty", () => {
    const submission = mapSubmission(mapping, form({ id: "ada", ref: "MERCY-1", what: "Cancelled" }));
    expect(submission).toMatchObject({
      milestones: [],
      interviews: [{ id: "MERCY-1", status: "cancelled" }],
    });
  });

  it("still needs a date and time to book", () => {
    const problems = problemsOf(() =>
      mapSubmission(mapping, form({ id: "ada", ref: "MERCY-1", what: "Booked" })),
    );
    expect(problems).toEqual([
      {
        path: "interviews.0.startsAt.date",
        field: "date",
        message: `Tally field "date" was not answered, and the interview's start needs its date`,
      },
    ]);
  });
});

describe("the shipped Jotform 'I got an interview' example with questions left blank", () => {
  const mapping = exampleMapping("jotform-interview-report.json");
  // What Jotform sends for an empty Time question: the AM/PM selector keeps its preset.
  const blankTime = { timeInput: "", hourSelect: "", minuteSelect: "", ampm: "AM" };
  const blankDate = { month: "", day: "", year: "" };
  const booked = {
    q11_applicantId: "IMG-1",
    q7_interviewReference: "MERCY-1",
    q4_program: "Mercy General IM",
    q12_programTimeZone: "Central (Chicago)",
    q6_format: "Virtual",
  };
  const jotform = (answers: Record<string, AnswerValue>) => form(answers, {}, "jotform");

  it("reports a cancellation with only the reference", () => {
    const submission = mapSubmission(
      mapping,
      jotform({
        q11_applicantId: "IMG-1",
        q7_interviewReference: "MERCY-1",
        q8_whatHappened: "Cancelled",
        q9_interviewDate: blankDate,
        q10_interviewTime: blankTime,
      }),
    );
    expect(submission.interviews).toEqual([{ id: "MERCY-1", status: "cancelled" }]);
  });

  it.each([
    [
      "time",
      { q9_interviewDate: { month: "December", day: "11", year: "2026" }, q10_interviewTime: blankTime },
      "q10_interviewTime",
    ],
    [
      "date",
      {
        q9_interviewDate: { ...blankDate, hour: "", min: "", ampm: "PM" },
        q10_interviewTime: { ...blankTime, timeInput: "09:30" },
      },
      "q9_interviewDate",
    ],
  ])(
    "names the %s question a booking left blank as not answered, and nothing else",
    (part, answers, field) => {
      const problems = problemsOf(() =>
        mapSubmission(mapping, jotform({ ...booked, q8_whatHappened: "Invited / booked", ...answers })),
      );
      expect(problems).toEqual([
        {
          path: `interviews.0.startsAt.${part}`,
          field,
          message: `Jotform field "${field}" was not answered, and the interview's start needs its ${part}`,
        },
      ]);
    },
  );

  it.each([
    [
      "a DST gap",
      { month: "3", day: "14", year: "2027" },
      { timeInput: "02:30", ampm: "AM" },
      /does not exist in America\/Chicago/,
    ],
    [
      "a year typed 0026",
      { month: "12", day: "11", year: "0026" },
      { timeInput: "09:30", ampm: "AM" },
      /year 0026, outside 1900–2100/,
    ],
    [
      "February 30",
      { month: "February", day: "30", year: "2026" },
      { timeInput: "09:30", ampm: "AM" },
      /not a calendar date: February has no day 30/,
    ],
  ])("reports only the root problem for %s", (_, date, time, message) => {
    const problems = problemsOf(() =>
      mapSubmission(
        mapping,
        jotform({
          ...booked,
          q8_whatHappened: "Invited / booked",
          q9_interviewDate: date,
          q10_interviewTime: time,
        }),
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
  });

  it("names an optional question left blank as not answered, not as unmapped", () => {
    const { q6_format: _, ...withoutFormat } = booked;
    const problems = problemsOf(() =>
      mapSubmission(
        mapping,
        jotform({
          ...withoutFormat,
          q8_whatHappened: "Invited / booked",
          q9_interviewDate: { month: "Sept", day: "30", year: "2026" },
          q10_interviewTime: { timeInput: "09:30", ampm: "AM" },
        }),
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: "interviews.0.format",
        field: "q6_format",
        message: expect.stringMatching(/^Jotform field "q6_format" was not answered/),
      }),
    ]);
  });
});

describe("mapping load refuses what cannot work, saying what to use instead", () => {
  function refusal(document: unknown): string {
    try {
      parseMapping(document);
    } catch (error) {
      if (error instanceof InvalidInputError)
        return error.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
      throw error;
    }
    throw new Error("expected the mapping to be refused");
  }

  it.each([
    [
      "a date transform on a whole start",
      report({ d: { to: "interviews.0.startsAt", transform: "date" } }),
      /moment, not a date: map the date to interviews.0.startsAt.date/,
    ],
    [
      "a date part without a time",
      report({ d: { to: "interviews.0.startsAt.date" } }, { "interviews.0.startsAt.zone": "GMT" }),
      /startsAt.date is mapped but interviews.0.startsAt.time is not/,
    ],
    [
      "parts without a zone",
      report({ d: { to: "interviews.0.startsAt.date" }, t: { to: "interviews.0.startsAt.time" } }),
      /say which zone the date and time are in/,
    ],
    [
      "the applicant's zone in an update",
      report(
        { d: { to: "interviews.0.startsAt.date" }, t: { to: "interviews.0.startsAt.time" } },
        { "interviews.0.startsAt.zone": "applicant" },
      ),
      /"applicant" needs the applicant's zone, which a milestone.update does not carry/,
    ],
    [
      "a zone default that is no zone",
      report({ s: { to: "interviews.0.startsAt" } }, { "interviews.0.startsAt.zone": "+05:00" }),
      /must be "applicant", "interview" or a time zone name/,
    ],
    [
      "a start's date default that is not a date",
      report(
        { t: { to: "interviews.0.startsAt.time" } },
        { "interviews.0.startsAt.date": "12/11/2026", "interviews.0.startsAt.zone": "GMT" },
      ),
      /defaults.interviews.0.startsAt.date: must be a date written YYYY-MM-DD/,
    ],
    [
      "a start's date default that is no calendar date",
      report(
        { t: { to: "interviews.0.startsAt.time" } },
        { "interviews.0.startsAt.date": "2026-02-30", "interviews.0.startsAt.zone": "GMT" },
      ),
      /February has no day 30/,
    ],
    [
      "a start's time default written for people",
      report(
        { d: { to: "interviews.0.startsAt.date" } },
        { "interviews.0.startsAt.time": "8:00 PM", "interviews.0.startsAt.zone": "GMT" },
      ),
      /defaults.interviews.0.startsAt.time: must be a 24-hour time written HH:MM/,
    ],
    [
      "a whole start default without an offset",
      report({}, { "interviews.0.startsAt": "2026-12-11 14:30" }),
      /defaults.interviews.0.startsAt: must be an ISO 8601 date-time with an offset/,
    ],
    [
      "a cancellation without the interview's id",
      report({ s: { to: "interviews.0.status" } }),
      /needs its id; map interviews.0.id/,
    ],
    [
      "a Tally signature",
      report({ s: { to: "interviews.0.program", type: "SIGNATURE" } }),
      /Tally field "s" is a SIGNATURE answer: a signature is not applicant data/,
    ],
    [
      "a Tally INPUT_DATE as a whole start",
      report({ s: { to: "interviews.0.startsAt", type: "INPUT_DATE" } }),
      /a date without a time: map it to interviews.0.startsAt.date/,
    ],
    [
      "a Google Forms DURATION",
      report({ s: { to: "interviews.0.startsAt", type: "DURATION" } }, {}, "google-forms"),
      /a duration is not a moment/,
    ],
    [
      "a Typeform Calendly answer",
      report({ s: { to: "interviews.0.startsAt", type: "calendly" } }, {}, "typeform"),
      /the booking's URL, not its time/,
    ],
    [
      "an unknown answer type",
      report({ s: { to: "interviews.0.program", type: "INPUT_HOLOGRAM" } }),
      /not a Tally answer type; use one of INPUT_TEXT/,
    ],
  ])("%s", (_, document, message) => {
    expect(refusal(document)).toMatch(message);
  });

  it("accepts start defaults in the shape the mapper joins", () => {
    expect(() =>
      parseMapping(
        report(
          { d: { to: "interviews.0.startsAt.date" } },
          { "interviews.0.startsAt.time": "14:30", "interviews.0.startsAt.zone": "GMT" },
        ),
      ),
    ).not.toThrow();
  });

  it("accepts a mapping with only interviews as a milestone.update", () => {
    expect(() =>
      parseMapping(report({ s: { to: "interviews.0.startsAt", type: "INPUT_TEXT" } })),
    ).not.toThrow();
  });

  it("types every documented answer type of every provider as mapped or refused with advice", () => {
    for (const types of Object.values(ANSWER_TYPES)) {
      for (const entry of types) {
        expect(entry.fills.length > 0 || (entry.refused?.length ?? 0) > 20).toBe(true);
      }
    }
  });
});

describe("choices as ids or texts, single or many", () => {
  const options = [
    { id: "opt-a", text: "In progress" },
    { id: "opt-b", text: "Done" },
  ];
  const tally = (value: unknown) =>
    parseTally(
      JSON.stringify({
        eventType: "FORM_RESPONSE",
        data: {
          formId: "F1",
          responseId: "r1",
          fields: [
            { key: "q_id", label: "Applicant ID", type: "INPUT_TEXT", value: "ada" },
            { key: "q_status", label: "Status", type: "MULTIPLE_CHOICE", value, options },
          ],
        },
      }),
    );
  const byText = parseMapping({
    provider: "tally",
    formId: "F1",
    kind: "milestone.update",
    fields: {
      q_id: { to: "applicant.externalId" },
      Status: {
        to: "milestones.cv.status",
        transform: { choices: { "In progress": "in_progress", Done: "done" } },
      },
    },
  });
  const byId = parseMapping({
    ...byText,
    fields: {
      q_id: { to: "applicant.externalId" },
      q_status: {
        to: "milestones.cv.status",
        transform: { choices: { "opt-a": "in_progress", "opt-b": "done" } },
      },
    },
  });

  it.each([
    ["a bare id, choices by text", "opt-b", byText],
    ["a one-id list, choices by text", ["opt-b"], byText],
    ["a bare id, choices by id", "opt-b", byId],
    ["a one-id list, choices by id", ["opt-b"], byId],
  ])("%s", (_, value, mapping) => {
    expect(mapSubmission(mapping, tally(value)).milestones).toEqual([{ key: "cv", status: "done" }]);
  });

  it("maps Typeform choices by ref, one or many", () => {
    const body = JSON.stringify({
      form_response: {
        form_id: "F1",
        token: "t1",
        hidden: { user_id: "ada" },
        answers: [
          {
            type: "choices",
            choices: {
              ids: ["c1", "c2"],
              refs: ["im", "fm"],
              labels: ["Internal Medicine", "Family Medicine"],
            },
            field: { id: "f1", ref: "specialties", type: "multiple_choice" },
          },
        ],
      },
    });
    const mapping = parseMapping({
      provider: "typeform",
      formId: "F1",
      kind: "applicant.snapshot",
      fields: {
        "hidden.user_id": { to: "applicant.externalId" },
        specialties: { to: "applicant.specialties", transform: { choices: { im: "IM", fm: "FM" } } },
      },
    });
    const problems = problemsOf(() => mapSubmission(mapping, parseTypeform(body)));
    // The snapshot lacks a profile, but the choices themselves mapped: no problem names them.
    expect(problems.some((p) => p.path === "applicant.specialties")).toBe(false);
  });

  it("refuses a refused answer type when the provider sends it", () => {
    const mapping = parseMapping({
      provider: "tally",
      formId: "F1",
      kind: "milestone.update",
      fields: { q_id: { to: "applicant.externalId" }, sig: { to: "milestones.cv.note" } },
    });
    const parsed = form(
      { q_id: "ada", sig: ["https://example.org/sig.png"] },
      { types: new Map([["sig", "SIGNATURE"]]) },
    );
    expect(problemsOf(() => mapSubmission(mapping, parsed))[0]?.message).toMatch(/SIGNATURE answer/);
  });
});

describe("the providers guide", () => {
  it("shows the answer-types table exactly as the code decides it (npm run forms -- types)", () => {
    const guide = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "..", "shared", "intake", "PROVIDERS.md"),
      "utf8",
    );
    const section = /<!-- answer-types:start[^>]*-->\n([\s\S]*?)<!-- answer-types:end -->/.exec(guide)?.[1];
    expect(section).toBe(answerTypesMarkdown());
  });

  it("names every shipped interview example", () => {
    const guide = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "..", "shared", "intake", "PROVIDERS.md"),
      "utf8",
    );
    for (const provider of ["typeform", "tally", "jotform", "google-forms"]) {
      expect(guide).toContain(`forms/${provider}-interview-booking.json`);
      expect(guide).toContain(`forms/${provider}-interview-report.json`);
    }
  });
});
