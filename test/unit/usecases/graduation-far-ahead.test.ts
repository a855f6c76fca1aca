import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A graduation more than eight years after today is a typo (advice: the longest medical courses,
 * an internship year included, take about seven): refused at intake and by `npm run plan`, naming
 * `applicant.graduation`, rather than planned for a Match years out. Rahul (Chennai, 2028 Match)
 * types 2040 for 2027, or is a first-year student in a long course.
 */
const NOW = new Date("2026-12-05T04:30:00Z");
const snapshot = (graduation: string) => ({
  type: "applicant.snapshot",
  submissionId: "sub-grad",
  applicant: {
    externalId: "rahul",
    email: "rahul@example.org",
    fullName: "Rahul Menon",
    timezone: "Asia/Kolkata",
    matchYear: 2028,
    specialties: ["Pediatrics"],
    visa: "J-1",
    graduation,
    medicalSchool: { name: "Example Medical College", country: "IN", wdomsSponsorNote: true },
    programsPlanned: 60,
  },
  milestones: [{ key: "wdoms_listing", status: "done", date: "2026-11-02" }],
});

async function received(body: object): Promise<unknown> {
  return receiveSubmission(body, "webhook", {
    intake: new InMemoryApplicantStore(),
    clock: new FixedClock(NOW),
  }).catch((error: unknown) => error);
}

describe("a graduation far ahead", () => {
  it.each(["2040-06-30", "2034-12-06"])(
    "%s: the intake refuses it, asking whether the year is a typo",
    async (graduation) => {
      const error = await received(snapshot(graduation));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems).toEqual([
        {
          path: "applicant.graduation",
          message: expect.stringContaining(
            "must be no later than 2034-12-05, 8 years after today (2026-12-05): is the year a typo?",
          ),
        },
      ]);
    },
  );

  it("npm run plan refuses it the same way", () => {
    let err = "";
    const code = runPlanCli(["rahul.json", "--now", NOW.toISOString()], {
      readFile: () => JSON.stringify(snapshot("2040-06-30")),
      now: () => NOW,
      out: () => undefined,
      err: (text) => {
        err += text;
      },
    });
    expect(code).toBe(2);
    expect(err).toContain("applicant.graduation: must be no later than 2034-12-05");
  });

  it.each(["2034-12-05", "2032-06-30", "2027-05-31"])("%s: accepted", async (graduation) => {
    await expect(received(snapshot(graduation))).resolves.toMatchObject({ outcome: "created" });
  });
});
