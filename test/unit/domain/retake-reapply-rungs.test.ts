import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * After a fail FSMB books no one before a new application and fee (ECFMG Information Booklet), so
 * the rungs that ask to book a retake not booked ask to reapply first. Valentina, Bogotá, failed
 * Step 2 CK with 201: for the 2028 Match (target ahead, its book-by rung), and for the 2027 Match
 * past its last day to reapply (the plan moves to 2028, its one book-now rung).
 */
function valentina(matchYear: number, failedOn: string, now: string): Plan {
  const failed: MilestoneEntry = { ...milestoneFactory("usmle_step2ck", "done", failedOn), score: 201 };
  const done =
    matchYear === 2027
      ? REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck")
      : (["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"] as const);
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: `retake-bog-${matchYear}`,
      timezone: "America/Bogota",
      matchYear,
      visa: "J-1",
      graduation: "2025-12-01",
    }),
    milestones: [...doneMilestones(done, "2026-09-01"), failed],
  });
  return plan(input, seasonCalendar(matchYear), new Date(now));
}

const stepTwo = (result: Plan) => result.reminders.filter((each) => each.milestone === "usmle_step2ck");

describe("a retake's booking rungs ask to reapply to FSMB first", () => {
  it("the ladder's booking rung reads 'Reapply to FSMB now (then book)', never 'Book your test date now'", () => {
    const result = valentina(2028, "2027-03-10", "2027-04-01T14:00:00Z");
    const rungs = stepTwo(result).map((each) => each.rung);
    expect(rungs).toContain("reapply-by");
    expect(rungs).not.toContain("book-by");
    const reapply = stepTwo(result).find((each) => each.rung === "reapply-by");
    expect(reapply && reminderDateLabel(reapply).label).toBe("Reapply to FSMB now (then book), to sit by");
  });

  it("on a plan moved past the Match, its one reminder asks to reapply, then book", () => {
    const result = valentina(2027, "2027-01-25", "2027-02-10T14:00:00Z");
    const moved = stepTwo(result).find((each) => each.rung === "reapply-now");
    expect(moved?.title).toBe("Reapply to FSMB for your USMLE Step 2 CK retake now, then book a test date");
    expect(moved?.why).toContain(
      "After a fail you must reapply to FSMB and pay the exam fee again before you can book",
    );
    expect(moved && reminderDateLabel(moved).label).toBe("Reapply to FSMB now (then book), to sit by");
    expect(JSON.stringify(stepTwo(result))).not.toContain("Book your USMLE Step 2 CK test date now");
  });

  it("a first attempt under way keeps 'Book your test date now'", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "America/Bogota", matchYear: 2028, graduation: "2025-12-01" }),
      milestones: [
        ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-09-01"),
        milestoneFactory("usmle_step2ck", "in_progress"),
      ],
    });
    const result = plan(input, seasonCalendar(2028), new Date("2027-04-01T14:00:00Z"));
    const book = stepTwo(result).find((each) => each.rung === "book-by");
    expect(book && reminderDateLabel(book).label).toBe("Book your test date now, to sit by");
  });
});
