import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A milestone.update's done date is held to today in the applicant's stored zone, as a snapshot's
 * is in its own: the update names no zone, and holding it only to the earliest zone (UTC+14) let
 * a done date of tomorrow in the applicant's zone through whenever it was already today further east.
 * Ngozi's snapshot, moved to Los Angeles or Auckland; Fri 4 Dec 2026, 20:00 UTC: noon on the 4th in
 * Los Angeles, 9:00 on the 5th in Auckland and 10:00 on the 5th in Kiritimati.
 */
const FIXTURE = new URL("../../fixtures/confirmed-date-sources/j1-lagos.json", import.meta.url);
const NOW = new Date("2026-12-04T20:00:00Z");

async function storedIn(zone: string) {
  const snapshot = JSON.parse(readFileSync(FIXTURE, "utf8")) as { applicant: { timezone: string } };
  snapshot.applicant.timezone = zone;
  const deps = { intake: new InMemoryApplicantStore(), clock: new FixedClock(NOW) };
  await receiveSubmission(snapshot, "webhook", deps);
  return deps;
}

const update = (date: string) => ({
  type: "milestone.update",
  submissionId: `u-${date}`,
  applicant: { externalId: "t10f-lagos" },
  milestones: [
    { key: "rank_order_list", status: "in_progress" },
    { key: "contract", status: "done", date },
  ],
});

describe("a milestone.update's done date, in the applicant's stored zone", () => {
  it("refuses tomorrow in Los Angeles, though it is today in the earliest zone", async () => {
    const deps = await storedIn("America/Los_Angeles");
    const refusal = await receiveSubmission(update("2026-12-05"), "webhook", deps).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect((refusal as InvalidInputError).message).toBe("The submission marks a step done in the future");
    expect((refusal as InvalidInputError).problems).toEqual([
      {
        path: "milestones.1.date",
        message:
          "must be a date YYYY-MM-DD no later than today in the applicant's zone (2026-12-04, America/Los_Angeles), not in the future",
      },
    ]);
    const stored = [...deps.intake.applicants.values()][0]?.state.milestones ?? [];
    expect(stored.find((entry) => entry.key === "contract")).toBeUndefined();
  });

  it("takes today in Los Angeles", async () => {
    const deps = await storedIn("America/Los_Angeles");
    await expect(receiveSubmission(update("2026-12-04"), "webhook", deps)).resolves.toMatchObject({
      outcome: "updated",
    });
  });

  it("takes the same date from an applicant in Auckland, where it is today", async () => {
    const deps = await storedIn("Pacific/Auckland");
    await expect(receiveSubmission(update("2026-12-05"), "webhook", deps)).resolves.toMatchObject({
      outcome: "updated",
    });
  });

  it("still refuses, before any read, a date after today everywhere", async () => {
    const deps = await storedIn("Pacific/Auckland");
    const refusal = await receiveSubmission(update("2026-12-06"), "webhook", deps).catch(
      (error: unknown) => error,
    );
    expect((refusal as InvalidInputError).problems[0]?.message).toContain(
      "after today everywhere on Earth (2026-12-05 is the latest today, in Pacific/Kiritimati, UTC+14)",
    );
  });
});
