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
const lastDayRisk = (result: Plan) => result.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
const LAST_DAY = "Wed 3 Feb 2027, 3:00 PM GMT+13 (Tue 2 Feb 2027, 9:00 PM ET)";

describe("the Pathway planned for a day past the last day that keeps the Match", () => {
  it("planned the day after it: the risk says her date falls after that last day", () => {
    const risk = lastDayRisk(
      planOf("pathway-planned-after-last-day-auckland-j1", "2027-01-20T10:00:00+13:00"),
    );
    expect(risk?.message).toContain(
      "Your planned date, Thu 4 Feb 2027, is too late for that deadline, and falls after the last day your plan keeps the 2027 Match",
    );
    expect(risk?.message).toContain(`Your plan keeps the 2027 Match only until ${LAST_DAY}`);
  });

  it("planned on that last day: the risk says the day ends at 3:00 PM her time", () => {
    const risk = lastDayRisk(planOf("pathway-planned-on-last-day-auckland-j1", "2027-01-20T10:00:00+13:00"));
    expect(risk?.message).toContain(
      "Your planned date, Wed 3 Feb 2027, is too late for that deadline, and it is the last day your plan keeps the 2027 Match, which ends at 3:00 PM GMT+13: sent after that hour",
    );
  });
});
