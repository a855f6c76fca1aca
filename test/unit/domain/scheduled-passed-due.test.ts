import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { ET_ZONE, localDate, renderDate } from "#domain/time.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The USMLE `scheduledPassed` text says "the result must
 * reach ECFMG and NRMP by the rank order list deadline, {due}"; the worry was that {due} is the last
 * sitting day there. Once the sitting day has passed the step is due by its result's deadline
 * (resultDueAt: the rank order list deadline for a USMLE result), so {due} is that deadline: this pins
 * the words to it, for a first attempt and a booked retake (failing score), Step 1 and Step 2 CK.
 */
const DIR = new URL("../../fixtures/failed-exam-dated/", import.meta.url).pathname;
const base = readSnapshot(DIR, "step2ck-failed-in-progress-undated.json");
const rol = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline;
const ROL_DAY = renderDate(localDate(ET_ZONE, rol.at));
const LAST_SITTING = "Wed 27 Jan 2027";

const withExam = (exam: MilestoneEntry): ApplicantSnapshot => ({
  ...base,
  milestones: [
    ...base.milestones.filter((one) => one.key !== exam.key && one.key !== "usmle_step2ck"),
    ...(exam.key === "usmle_step2ck"
      ? []
      : [{ key: "usmle_step2ck" as const, status: "done" as const, date: "2026-08-01" }]),
    exam,
  ],
});
const card = (result: Plan, key: string) =>
  result.nextSteps.find((step) => step.milestone === key)?.action ?? "";

describe("a passed sitting's card names the rank order list deadline as {due}", () => {
  it("the deadline is not the last sitting day, so the two cannot be confused below", () => {
    expect(ROL_DAY).toBe("Wed 24 Feb 2027");
    expect(ROL_DAY).not.toBe(LAST_SITTING);
  });

  for (const key of ["usmle_step1", "usmle_step2ck"] as const)
    for (const score of [undefined, 205])
      it.each(["2026-12-04T17:00:00Z", "2027-01-10T09:00:00Z", "2027-02-20T09:00:00Z"])(
        `${key}${score === undefined ? "" : " (a booked retake)"} sat on 20 Oct 2026, at %s`,
        (now) => {
          const exam: MilestoneEntry = {
            key,
            status: "scheduled",
            date: "2026-10-20",
            ...(score === undefined ? {} : { score }),
          };
          const action = card(planInOwnMatch(withExam(exam), now), key);
          expect(action).toMatch(/Did you take it\?/);
          expect(action).toContain(`by the rank order list deadline, ${ROL_DAY}`);
          expect(action).not.toContain(`by the rank order list deadline, ${LAST_SITTING}`);
        },
      );
});
