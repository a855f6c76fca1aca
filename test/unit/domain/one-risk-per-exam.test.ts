import { describe, expect, it } from "vitest";
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
 * An applicant in the Match but for one exam
 * under way and not booked, with no interview, read EXAMS_LATE_FOR_RANKING and MATCH_YEAR_LAST_DAY
 * about the same exam and the same last sitting day. Each consequence is read once: the exam's own
 * risk stays (it names the exam, the last sitting day and the action, and turns critical in the
 * exam's last week) and carries what the other said that it did not (the week a test date takes,
 * and that the plan moves to a later Match after that day). Risks about different steps stay apart.
 */
const calendar = seasonCalendar(2027);

function planFor(open: MilestoneEntry[], now: string): Plan {
  const keys = new Set(open.map((entry) => entry.key));
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Nairobi", matchYear: 2027, graduation: "2024-06-30" }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => !keys.has(key)),
          "2026-09-25",
        ),
        ...open,
      ],
      interviews: [],
    }),
    calendar,
    new Date(now),
  );
}
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

describe("one risk per exam fact", () => {
  const step2 = planFor([milestoneFactory("usmle_step2ck", "in_progress")], "2026-12-29T07:00:00Z");
  const late = step2.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");

  it("keeps EXAMS_LATE_FOR_RANKING alone for the exam under way", () => {
    expect(codes(step2)).toContain("EXAMS_LATE_FOR_RANKING");
    expect(codes(step2)).not.toContain("MATCH_YEAR_LAST_DAY");
  });

  it("folds in what MATCH_YEAR_LAST_DAY said: the week for a test date, the move to a later Match", () => {
    expect(late?.milestones).toEqual(["usmle_step2ck"]);
    expect(late?.message).toContain("Wed 27 Jan 2027");
    expect(late?.message).toContain("a test date usually takes about 7 days, our advice, so book your seat");
    // Only after the later candidate's last sitting day.
    expect(late?.message).toMatch(/only after that day does your plan move to a later Match/);
    expect(late?.severity).toBe("warning");
  });

  it("on the Pathway's deadline, keeps each step's own day in EXAMS_LATE_FOR_RANKING alone", () => {
    const both = planFor(
      [milestoneFactory("usmle_step2ck", "in_progress"), milestoneFactory("ecfmg_pathway", "not_started")],
      "2026-12-10T07:00:00Z",
    );
    // MATCH_YEAR_LAST_DAY bound Step 2 CK's booking to the Pathway's day (pathway-day-beside-exam.test.ts).
    expect(codes(both)).toContain("EXAMS_LATE_FOR_RANKING");
    expect(codes(both)).not.toContain("MATCH_YEAR_LAST_DAY");
    const late = both.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(late?.message).toContain("Wed 27 Jan 2027");
    expect(late?.message).toContain("ECFMG's 2027 deadline is not confirmed");
    expect(late?.message).not.toMatch(/your plan moves? to a later Match/);
  });

  it("in the exam's last week, the critical risk keeps its own seat words and takes the move", () => {
    const lastWeek = planFor([milestoneFactory("usmle_step2ck", "in_progress")], "2027-01-22T07:00:00Z");
    expect(codes(lastWeek)).not.toContain("MATCH_YEAR_LAST_DAY");
    const risk = lastWeek.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message.match(/about 7 days/g)).toHaveLength(1);
    expect(risk?.message).toMatch(
      /After Wed 27 Jan 2027 \(our advice\), on our projection, .* later Match\.$/,
    );
  });
});
