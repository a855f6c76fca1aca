import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A failing Step 2 CK score reported `scheduled` with the retake's
 * date (the README's way) is a booked retake. Its card said "Your exam is on …" as for a first
 * attempt, BOOKED_AFTER_TARGET said programs "see no result for it", and the budget counted one exam
 * fee. Now: the card names the retake, the risk names the earlier attempt without claiming what
 * programs see, and the budget has the first attempt's fee spent and the retake's still to pay.
 */
const DIR = fileURLToPath(new URL("../../fixtures/advisor-review-2027/", import.meta.url));
const planOf = (file: string, now: string): Plan => {
  const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(`${DIR}${file}`, "utf8")),
  );
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
};
const LAHORE = "step2ck-failed-retake-lahore.json";
const NOW = "2026-12-04T18:00:00+05:00";

describe("a booked retake is a retake", () => {
  const result = planOf(LAHORE, NOW);

  it("the card says the retake is on its day", () => {
    const step = result.nextSteps.find((next) => next.milestone === "usmle_step2ck");
    expect(step?.action).toMatch(/^Your retake is on Tue 12 Jan 2027; scores take about 4 weeks/);
  });

  it("BOOKED_AFTER_TARGET names the retake and the earlier attempt, never 'see no result'", () => {
    const risk = result.risks.find((each) => each.code === "BOOKED_AFTER_TARGET");
    expect(risk?.message).toContain("Your USMLE Step 2 CK retake is booked for Tue 12 Jan 2027");
    expect(risk?.message).toContain("will not have your retake's result, only your earlier attempt's");
    expect(JSON.stringify(result.risks)).not.toContain("see no result");
  });

  it("the budget keeps the first attempt's fee spent and counts the retake's as a second, upcoming line", () => {
    const fees = result.budget.items.filter((item) => item.key.startsWith("usmle_step2ck_exam"));
    expect(fees.map((item) => [item.key, item.status, item.label])).toEqual([
      ["usmle_step2ck_exam", "spent", "USMLE Step 2 CK exam fee"],
      ["usmle_step2ck_exam.retake", "upcoming", "USMLE Step 2 CK exam fee: your retake"],
    ]);
    const [first, retake] = fees;
    expect(retake?.amountUsd).toBe(first?.amountUsd);
    expect(result.budget.upcomingUsd).toBeGreaterThanOrEqual(retake?.amountUsd ?? Number.NaN);
  });

  it("the same booking with a passing score is a first attempt: one fee line, no retake words", () => {
    const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${LAHORE}`, "utf8")));
    const passing = {
      ...snapshot,
      milestones: snapshot.milestones.map((entry) =>
        entry.key === "usmle_step2ck" ? { key: entry.key, status: entry.status, date: entry.date } : entry,
      ),
    };
    const first = plan(passing, seasonCalendar(2027), new Date(NOW));
    const step = first.nextSteps.find((next) => next.milestone === "usmle_step2ck");
    expect(step?.action).toMatch(/^Your exam is on Tue 12 Jan 2027/);
    expect(first.budget.items.filter((item) => item.key.startsWith("usmle_step2ck_exam"))).toHaveLength(1);
    expect(JSON.stringify(first)).not.toContain("retake");
  });
});
