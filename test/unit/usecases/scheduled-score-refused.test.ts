import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A passing score on an exam only `scheduled` is a typo or a
 * sat exam in the wrong status. The intake refuses it naming the field (RFC 9457 problems from
 * InvalidInputError) and the CLI's check says the same; a failing score there is a booked retake.
 */
const snapshot = (score: number, status = "scheduled") => ({
  type: "applicant.snapshot",
  submissionId: "sub-score",
  applicant: {
    externalId: "nusrat",
    email: "nusrat@example.org",
    fullName: "Nusrat",
    timezone: "Asia/Dhaka",
    matchYear: 2028,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2024-06-30",
    medicalSchool: { name: "Dhaka Medical College", country: "BD", wdomsSponsorNote: true },
    programsPlanned: 80,
  },
  milestones: [
    { key: "usmle_step1", status: "done", date: "2026-03-20" },
    { key: "usmle_step2ck", status, date: status === "done" ? "2026-10-20" : "2027-03-10", score },
  ],
});
const setup = () => ({
  intake: new InMemoryApplicantStore(),
  clock: new FixedClock(new Date("2026-12-04T14:00:00Z")),
});
const MESSAGE = "a score is reported once the exam is done; mark it done";

describe("a passing score on a scheduled exam is refused at intake", () => {
  it("refuses 235 on a scheduled Step 2 CK, naming milestones.1.score; nothing is stored", async () => {
    const deps = setup();
    const failure = await receiveSubmission(snapshot(235), "webhook", deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems).toEqual([
      { path: "milestones.1.score", message: MESSAGE },
    ]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
  });

  it("accepts a failing score on a scheduled exam (a booked retake) and a passing one on a done exam", async () => {
    await expect(receiveSubmission(snapshot(205), "webhook", setup())).resolves.toMatchObject({
      outcome: "created",
    });
    await expect(receiveSubmission(snapshot(235, "done"), "webhook", setup())).resolves.toMatchObject({
      outcome: "created",
    });
  });

  it("the CLI's check refuses it the same way", () => {
    let err = "";
    const run = (body: object) =>
      runPlanCli(["applicant.json", "--now", "2026-12-04T20:00:00+06:00"], {
        readFile: () => JSON.stringify(body),
        now: () => new Date("2026-12-04T14:00:00Z"),
        out: () => undefined,
        err: (text) => {
          err += text;
        },
      });
    expect(run(snapshot(235))).toBe(2);
    expect(err).toContain(`milestones.1.score: ${MESSAGE}`);
    err = "";
    expect(run(snapshot(205))).toBe(0);
    expect(err).not.toContain(MESSAGE);
  });
});
