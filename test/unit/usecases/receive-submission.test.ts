import { describe, expect, it } from "vitest";
import { MAX_INTERVIEWS, SubmissionSchema } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, InvalidInputError, LimitExceededError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

const snapshot = {
  type: "applicant.snapshot",
  submissionId: "sub-1",
  applicant: {
    externalId: "ada",
    email: "ada@example.com",
    fullName: "Ada Okafor",
    timezone: "Africa/Lagos",
    matchYear: 2027,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2024-06-30",
    medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
    programsPlanned: 80,
  },
  milestones: [{ key: "usmle_step1", status: "done", date: "2025-05-01" }],
};

const setup = () => ({
  intake: new InMemoryApplicantStore(),
  clock: new FixedClock(new Date("2026-03-01T00:00:00Z")),
});

describe("receiveSubmission", () => {
  it("stores a valid snapshot under its submission id", async () => {
    const deps = setup();
    await expect(receiveSubmission(snapshot, "webhook", deps)).resolves.toEqual({
      applicantId: "a_ada",
      outcome: "created",
    });
    expect(deps.intake.state("a_ada").milestones).toHaveLength(1);
  });

  it("answers a redelivery as a duplicate", async () => {
    const deps = setup();
    await receiveSubmission(snapshot, "webhook", deps);
    await expect(receiveSubmission(snapshot, "webhook", deps)).resolves.toMatchObject({
      outcome: "duplicate",
    });
  });

  it("refuses a date outside 1900-2100 in a JSON submission as a form's would be, naming each field (0001 is a typo, not a plan)", async () => {
    const deps = setup();
    const bad = {
      ...snapshot,
      applicant: { ...snapshot.applicant, graduation: "0001-06-30" },
      milestones: [
        { key: "usmle_step1", status: "done", date: "0001-05-01" },
        { key: "usmle_step2ck", status: "scheduled", date: "2026-05-01", snoozedUntil: "2101-01-01" },
      ],
      interviews: [
        {
          program: "Mercy Internal Medicine",
          startsAt: "0026-11-12T10:00:00Z",
          timezone: "America/New_York",
          format: "virtual",
        },
      ],
    };
    const failure = await receiveSubmission(bad, "webhook", deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    const problems = (failure as InvalidInputError).problems;
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "applicant.graduation",
      "interviews.0.startsAt",
      "milestones.0.date",
      "milestones.1.snoozedUntil",
    ]);
    for (const problem of problems) expect(problem.message).toContain("1900-01-01 to 2100-12-31");
    expect(deps.intake.calls.applySubmission).toBeUndefined();
    expect(
      SubmissionSchema.safeParse({
        ...snapshot,
        applicant: { ...snapshot.applicant, graduation: "1900-01-01" },
      }).success,
    ).toBe(true);
  });

  it("names every invalid field and writes nothing", async () => {
    const deps = setup();
    const bad = {
      ...snapshot,
      applicant: { ...snapshot.applicant, email: "not-an-email", timezone: "Mars/Olympus" },
    };
    const failure = await receiveSubmission(bad, "webhook", deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems.map((problem) => problem.path).sort()).toEqual([
      "applicant.email",
      "applicant.timezone",
    ]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
  });

  it("refuses a snapshot step done after today in the applicant's zone, naming its date, as Mark done does", async () => {
    // 2026-03-01T00:00Z is 01:00 on 1 March in Lagos: 2 March is tomorrow there.
    const deps = setup();
    const future = {
      ...snapshot,
      milestones: [
        { key: "usmle_step1", status: "done", date: "2025-05-01" },
        { key: "ecfmg_certification", status: "done", date: "2026-03-02" },
        { key: "usmle_step2ck", status: "scheduled", date: "2026-05-01" },
      ],
    };
    const failure = await receiveSubmission(future, "webhook", deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems).toEqual([
      {
        path: "milestones.1.date",
        message: expect.stringMatching(
          /no later than today in the applicant's zone \(2026-03-01, Africa\/Lagos\)/,
        ),
      },
    ]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
    // Today in the applicant's zone is accepted: it is 1 March in Lagos, still 28 February in Chicago.
    const today = {
      ...future,
      milestones: [{ key: "ecfmg_certification", status: "done", date: "2026-03-01" }],
    };
    await expect(receiveSubmission(today, "webhook", deps)).resolves.toMatchObject({ outcome: "created" });
    const chicago = {
      ...today,
      submissionId: "sub-chicago",
      applicant: {
        ...snapshot.applicant,
        externalId: "bo",
        email: "bo@example.com",
        timezone: "America/Chicago",
      },
    };
    await expect(receiveSubmission(chicago, "webhook", deps)).rejects.toMatchObject({
      problems: [{ path: "milestones.0.date" }],
    });
  });

  it("refuses an update's step done on a date that is after today in every zone, naming its date", async () => {
    const update = {
      type: "milestone.update",
      submissionId: "sub-3",
      applicant: { externalId: "ada" },
      milestones: [{ key: "ecfmg_certification", status: "done", date: "2027-05-01" }],
    };
    const deps = setup();
    await expect(receiveSubmission(update, "webhook", deps)).rejects.toMatchObject({
      problems: [{ path: "milestones.0.date", message: expect.stringMatching(/not in the future/) }],
    });
    expect(deps.intake.calls.applySubmission).toBeUndefined();
  });

  it('refuses "waived" on a step an applicant may not skip, naming its status field; research and SOAP may be', async () => {
    const deps = setup();
    const waived = {
      ...snapshot,
      milestones: [
        { key: "usmle_step1", status: "done", date: "2025-05-01" },
        { key: "usmle_step2ck", status: "waived" },
        { key: "research", status: "waived" },
      ],
    };
    const failure = await receiveSubmission(waived, "webhook", deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems).toEqual([
      {
        path: "milestones.1.status",
        message: expect.stringMatching(/^cannot be waived: USMLE Step 2 CK is not a step/),
      },
    ]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
    const update = {
      type: "milestone.update",
      submissionId: "sub-waived",
      applicant: { externalId: "ada" },
      milestones: [{ key: "oet_medicine", status: "waived" }],
    };
    await expect(receiveSubmission(update, "webhook", deps)).rejects.toMatchObject({
      problems: [{ path: "milestones.0.status" }],
    });
    const allowed = {
      ...waived,
      milestones: [
        { key: "research", status: "waived" },
        { key: "soap", status: "waived" },
      ],
    };
    await expect(receiveSubmission(allowed, "webhook", deps)).resolves.toMatchObject({ outcome: "created" });
  });

  it("rejects a body of the wrong type at the root", async () => {
    const failure = await receiveSubmission([1, 2], "webhook", setup()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems[0]?.path).toBe("(root)");
  });

  it("passes on the store's ApplicantNotFoundError for an update naming nobody", async () => {
    const update = {
      type: "milestone.update",
      submissionId: "sub-2",
      applicant: { externalId: "nobody" },
      milestones: [{ key: "usmle_step2ck", status: "done", date: "2026-02-01" }],
    };
    await expect(receiveSubmission(update, "webhook", setup())).rejects.toBeInstanceOf(
      ApplicantNotFoundError,
    );
  });

  it.each(["GMT", "EST5EDT", "UTC", "US/Eastern", "Etc/GMT+5", "Asia/Kolkata"])(
    "accepts the tz database zone name %s",
    async (timezone) => {
      const deps = setup();
      const named = { ...snapshot, applicant: { ...snapshot.applicant, timezone } };
      await expect(receiveSubmission(named, "webhook", deps)).resolves.toMatchObject({ outcome: "created" });
    },
  );

  it.each(["+05:00", "Mars/Olympus", " UTC", ""])(
    "refuses %j as a zone, naming the field",
    async (timezone) => {
      const named = { ...snapshot, applicant: { ...snapshot.applicant, timezone } };
      await expect(receiveSubmission(named, "webhook", setup())).rejects.toMatchObject({
        problems: [{ path: "applicant.timezone" }],
      });
    },
  );

  it("takes an update that only reports, moves or cancels interviews, and refuses an empty one", () => {
    const base = { type: "milestone.update", submissionId: "sub-3", applicant: { externalId: "ada" } };
    const interview = {
      id: "iv-1",
      program: "Mercy General IM",
      startsAt: "2026-12-11T20:00:00+00:00",
      timezone: "Europe/London",
      format: "virtual",
    };
    expect(SubmissionSchema.safeParse({ ...base, interviews: [interview] }).success).toBe(true);
    expect(
      SubmissionSchema.safeParse({ ...base, interviews: [{ id: "iv-1", status: "cancelled" }] }).success,
    ).toBe(true);
    const noId = SubmissionSchema.safeParse({ ...base, interviews: [{ status: "cancelled" }] });
    expect(noId.error?.issues.map((issue) => issue.path.join("."))).toEqual(["interviews.0.id"]);
    const empty = SubmissionSchema.safeParse({ ...base, milestones: [], interviews: [] });
    expect(empty.error?.issues.map((issue) => issue.message)).toEqual([
      "a milestone.update must change at least one milestone, interview or the track",
    ]);
  });

  it("takes an update that only switches the track (visa, Match year), and names a bad or empty one", () => {
    const base = { type: "milestone.update", submissionId: "sub-4", applicant: { externalId: "ada" } };
    expect(SubmissionSchema.safeParse({ ...base, track: { visa: "H-1B" } }).success).toBe(true);
    expect(SubmissionSchema.safeParse({ ...base, track: { matchYear: 2028 } }).success).toBe(true);
    const paths = (body: unknown) =>
      SubmissionSchema.safeParse(body).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ ...base, track: {} })).toEqual(["track"]);
    expect(paths({ ...base, track: { visa: "O-1" } })).toEqual(["track.visa"]);
    expect(paths({ ...base, track: { matchYear: 2027, fullName: "x" } })).toEqual(["track"]);
  });

  describe("interviews that DynamoDB would refuse to write together", () => {
    const interview = {
      program: "Mercy Hospital IM",
      startsAt: "2026-11-02T13:00:00-06:00",
      timezone: "America/Chicago",
      format: "virtual",
    };

    it.each([
      [
        "the same explicit id",
        [
          { ...interview, id: "x" },
          { ...interview, id: "x", program: "Other" },
        ],
        "id",
      ],
      ["the same program and start, no ids", [interview, { ...interview, format: "in_person" }], "startsAt"],
      [
        "the same program (spaces aside) and start",
        [interview, { ...interview, program: " Mercy Hospital IM " }],
        "startsAt",
      ],
      [
        "the same program and start instant written with another UTC offset",
        [interview, { ...interview, startsAt: new Date(interview.startsAt).toISOString() }],
        "startsAt",
      ],
    ])("refuses %s, naming both interviews, and writes nothing", async (_name, interviews, field) => {
      const deps = setup();
      const error = await receiveSubmission(
        { ...snapshot, interviews: [{ ...interview, program: "First" }, ...interviews] },
        "webhook",
        deps,
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).not.toBeInstanceOf(LimitExceededError);
      const problems = (error as InvalidInputError).problems;
      expect(problems.map((problem) => problem.path)).toEqual([
        `interviews.1.${field}`,
        `interviews.2.${field}`,
      ]);
      expect(problems[0]?.message).toContain("interviews.2");
      expect(problems[1]?.message).toContain("interviews.1");
      expect(deps.intake.calls.applySubmission).toBeUndefined();
    });

    it("keeps interviews with different starts or ids apart", async () => {
      const deps = setup();
      const interviews = [
        interview,
        { ...interview, startsAt: "2026-11-03T13:00:00-06:00" },
        { ...interview, id: "own-id" },
      ];
      await expect(receiveSubmission({ ...snapshot, interviews }, "webhook", deps)).resolves.toMatchObject({
        outcome: "created",
      });
    });

    it(`takes ${MAX_INTERVIEWS} interviews and answers one more with a limit error (422) naming interviews`, async () => {
      const many = (count: number) =>
        Array.from({ length: count }, (_, index) => ({ ...interview, id: `iv-${index}` }));
      await expect(
        receiveSubmission({ ...snapshot, interviews: many(MAX_INTERVIEWS) }, "webhook", setup()),
      ).resolves.toMatchObject({ outcome: "created" });
      const deps = setup();
      const error = await receiveSubmission(
        { ...snapshot, interviews: many(MAX_INTERVIEWS + 1) },
        "webhook",
        deps,
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LimitExceededError);
      expect((error as LimitExceededError).status).toBe(422);
      expect((error as LimitExceededError).problems.map((problem) => problem.path)).toEqual(["interviews"]);
      expect(deps.intake.calls.applySubmission).toBeUndefined();
    });
  });
});
