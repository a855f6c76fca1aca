import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Auckland, J-1, every exam and the OET done, interviewing, the Pathway not submitted past its
 * projected deadline (Sat 26 Dec 2026): the plan keeps the 2027 Match until Tue 2 Feb 2027, 9:00 PM
 * ET, which is Wed 3 Feb, 3:00 PM in Auckland. Every surface names that one day in her time, and no
 * card promises a deadline the plan itself dates before today.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-days-auckland/", import.meta.url));
function planOf(name: string, now: string): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")));
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
const card = (result: Plan) => result.nextSteps.find((each) => each.milestone === "ecfmg_pathway")?.action;
const LAST_DAY = "Wed 3 Feb 2027, 3:00 PM GMT+13 (Tue 2 Feb 2027, 9:00 PM ET)";

describe("the Pathway in progress with no date, interviewing, past its projected deadline", () => {
  const result = planOf("pathway-in-progress-auckland-j1", "2027-01-31T10:00:00+13:00");

  it("its countdown's emails ask what its notice asks, never the generic step title", () => {
    const rungs = result.reminders.filter(
      (each) => each.milestone === "ecfmg_pathway" && each.rung.startsWith("deadline-in-"),
    );
    expect(rungs.map((each) => each.rung)).toEqual(["deadline-in-3d", "deadline-in-1d"]);
    for (const rung of rungs) {
      expect(rung.title).toBe(
        "Your ECFMG Pathway deadline has passed: submitted it? Tell us the date; if not, submit it today",
      );
      expect(rung.deadlineDetail.local).toBe("Wed 3 Feb 2027, 3:00 PM GMT+13");
    }
  });

  it("the card and the rungs' words name the email's day in her time, with ET beside it", () => {
    const words = card(result);
    expect(words).toContain(`by ${LAST_DAY} (our advice) at the latest`);
    expect(words).toContain(
      "the rank order list deadline, Thu 25 Feb 2027, 3:00 PM GMT+13 (Wed 24 Feb 2027, 9:00 PM ET) (projected)",
    );
    expect(words).not.toContain("by Tue 2 Feb 2027 (our advice)");
    const followUp = result.reminders.find((each) => each.rung === "pending-follow-up");
    if (followUp !== undefined) expect(followUp.why).not.toContain("If you never submitted it, Tue 2 Feb");
  });
});
