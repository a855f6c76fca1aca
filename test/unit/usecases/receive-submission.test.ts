import { describe, expect, it } from "vitest";
import { ApplicantNotFoundError, InvalidInputError } from "#errors";
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
  store: new InMemoryApplicantStore(),
  clock: new FixedClock(new Date("2026-03-01T00:00:00Z")),
});

describe("receiveSubmission", () => {
  it("stores a valid snapshot under its submission id", async () => {
    const deps = setup();
    await expect(receiveSubmission(snapshot, "webhook", deps)).resolves.toEqual({
      applicantId: "a_ada",
      outcome: "created",
    });
    expect(deps.store.state("a_ada").milestones).toHaveLength(1);
  });

  it("answers a redelivery as a duplicate", async () => {
    const deps = setup();
    await receiveSubmission(snapshot, "webhook", deps);
    await expect(receiveSubmission(snapshot, "webhook", deps)).resolves.toMatchObject({
      outcome: "duplicate",
    });
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
    expect(deps.store.calls.applySubmission).toBeUndefined();
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
});
