import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A score its exam's status does not fit is refused at intake (RFC 9457 problems from
 * InvalidInputError) and by `npm run plan`, as a passing score on a scheduled exam is:
 * - a failing Step 2 CK score `in_progress` with a date after today: that date cannot be the failed
 *   attempt's, so it is a booked retake, which the planner would read as the attempt's day and drop;
 * - a passing score on an exam `in_progress` or `not_started`: a typo, or an exam sat and reported in
 *   the wrong status.
 * Kwame (Accra, 2027 Match) as of Fri 4 Dec 2026; Step 2 CK's passing score then is 218.
 */
const FIXTURE = new URL(
  "../../fixtures/failed-exam-dated/step2ck-failed-in-progress-attempt-dated.json",
  import.meta.url,
);
const NOW = new Date("2026-12-04T17:00:00Z");
const STEP2CK_INDEX = 3;

/** Kwame's snapshot with Step 2 CK as given. */
function withStep2ck(step2ck: Record<string, unknown>): Record<string, unknown> {
  const snapshot = JSON.parse(readFileSync(FIXTURE, "utf8")) as { milestones: Record<string, unknown>[] };
  expect(snapshot.milestones[STEP2CK_INDEX]?.key).toBe("usmle_step2ck");
  snapshot.milestones[STEP2CK_INDEX] = { key: "usmle_step2ck", ...step2ck };
  return snapshot;
}
const setup = () => ({ intake: new InMemoryApplicantStore(), clock: new FixedClock(NOW) });
const RETAKE =
  "a retake you have booked is reported as scheduled, with its date; the failed attempt's score stays";
const PASS = "a score is reported once the exam is done; mark it done";

/** The CLI's exit code and what it wrote to stderr for `body`. */
function cli(body: object): { code: number; err: string } {
  let err = "";
  const code = runPlanCli(["applicant.json", "--now", "2026-12-04T17:00:00Z"], {
    readFile: () => JSON.stringify(body),
    now: () => NOW,
    out: () => undefined,
    err: (text) => {
      err += text;
    },
  });
  return { code, err };
}

const refused: [string, Record<string, unknown>, string, string][] = [
  [
    "a failing score in progress dated after today (a booked retake)",
    { status: "in_progress", date: "2027-01-10", score: 205 },
    `milestones.${STEP2CK_INDEX}.status`,
    RETAKE,
  ],
  [
    "a passing score in progress",
    { status: "in_progress", date: "2026-10-20", score: 235 },
    `milestones.${STEP2CK_INDEX}.score`,
    PASS,
  ],
  [
    "a passing score not started",
    { status: "not_started", score: 235 },
    `milestones.${STEP2CK_INDEX}.score`,
    PASS,
  ],
];

describe.each(refused)("%s is refused", (_case, step2ck, path, message) => {
  it("at intake, naming the field; nothing is stored", async () => {
    const deps = setup();
    const failure = await receiveSubmission(withStep2ck(step2ck), "webhook", deps).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).problems).toEqual([{ path, message }]);
    expect(deps.intake.calls.applySubmission).toBeUndefined();
  });

  it("by npm run plan, with the same problem", () => {
    const { code, err } = cli(withStep2ck(step2ck));
    expect(code).toBe(2);
    expect(err).toContain(`${path}: ${message}`);
  });
});

const accepted: [string, Record<string, unknown>][] = [
  [
    "a failing score in progress dated today or before (the failed attempt's day)",
    { status: "in_progress", date: "2026-12-04", score: 205 },
  ],
  ["a failing score in progress with no date", { status: "in_progress", score: 205 }],
  ["a failing score on a booked retake", { status: "scheduled", date: "2027-01-10", score: 205 }],
  ["a failing score not started", { status: "not_started", score: 205 }],
  ["a passing score done", { status: "done", date: "2026-10-20", score: 235 }],
];

describe.each(accepted)("%s is accepted", (_case, step2ck) => {
  it("at intake and by npm run plan", async () => {
    await expect(receiveSubmission(withStep2ck(step2ck), "webhook", setup())).resolves.toMatchObject({
      outcome: "created",
    });
    const { code, err } = cli(withStep2ck(step2ck));
    expect(err).toBe("");
    expect(code).toBe(0);
  });
});
