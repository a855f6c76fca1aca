import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * After Match Day, a result dated between the
 * projected rank order list deadline and its later candidate no longer says "check R3 now" as a
 * critical risk: it folds into the Match Day question as a warning (R3 shows whether you matched;
 * withdrawn means the result came after NRMP's deadline: plan for the next Match), and the weekly
 * Match Day question goes at the applicant's morning delivery slot, not at the release's hour.
 *
 * Chinedu, in Lagos, list certified 10 Feb 2027, Step 2 CK result dated Sat 27 Feb 2027.
 */
const calendar = seasonCalendar(2027);

function chinedu(now: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Chinedu Eze",
        timezone: "Africa/Lagos",
        matchYear: 2027,
        graduation: "2025-06-30",
        visa: "J-1",
      }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
          "2026-09-20",
        ),
        milestoneFactory("usmle_step2ck", "done", "2027-02-27"),
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
      ],
    }),
    calendar,
    new Date(now),
  );
}

const late = (result: Plan) => result.risks.find((risk) => risk.code === "ROL_DEADLINE_MAY_BE_LATER");

describe("a result dated after the projected deadline, once Match Day has passed", () => {
  it("before Match Day: still critical, R3 to check now", () => {
    expect(late(chinedu("2027-03-10T09:00:00Z"))?.severity).toBe("critical");
  });

  it("after Match Day: a warning on Match Day's question, R3 shows whether you matched", () => {
    const result = chinedu("2027-03-25T09:00:00Z");
    const risk = late(result);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toContain("match_day");
    expect(risk?.message).toContain("R3 shows whether you matched");
    expect(risk?.message).toContain("plan for the 2028 Match");
    expect(risk?.message).not.toContain("Check R3 now");
    expect(result.reminders.some((reminder) => reminder.risk === "ROL_DEADLINE_MAY_BE_LATER")).toBe(false);
  });

  it("the weekly Match Day question goes at the morning delivery slot", () => {
    const weekly = chinedu("2027-03-25T09:00:00Z").reminders.find(
      (reminder) => reminder.rung === "match-day-weekly",
    );
    expect(weekly?.sendAtLocal).toMatch(/T09:00:00\.000\+01:00$/);
  });
});
