import { describe, expect, it } from "vitest";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
} from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

/**
 * README ("Emails and one-tap actions"): an interview's time is given in the applicant's zone and
 * the program's, never US Eastern, which is neither's. The timeline and the emails say so; the CLI's
 * NEXT STEPS put it in the ET column ("Tue 12 Jan 2027, 11:00 AM ET" for a Denver program) and its
 * REMINDERS said the preparation was "Due", where the email says the interview "Starts".
 */
const NOW = "2027-01-11T02:00:00Z"; // 10:00 on Mon 11 Jan in Manila, the day before the interview
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "cli-program-time",
    timezone: "Asia/Manila",
    matchYear: 2027,
    graduation: "2025-04-30",
  }),
  milestones: doneMilestones(
    [
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "ecfmg_certification",
      "eras_token",
      "eras_application",
      "nrmp_registration",
    ],
    "2026-09-20",
  ),
  interviews: [
    interviewFactory({
      id: "iv-denver",
      program: "Front Range Medical Center IM",
      startsAt: "2027-01-12T09:00:00-07:00",
      timezone: "America/Denver",
      format: "virtual",
    }),
  ],
});

function cli(): string {
  let out = "";
  const snapshot = { type: "applicant.snapshot", submissionId: "cli-program-time", ...input };
  const code = runPlanCli(["manila.json", "--now", NOW], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(NOW),
    out: (text) => {
      out += text;
    },
    err: () => {},
  });
  expect(code).toBe(0);
  return out;
}

const text = cli();
const rowsOf = (section: string, next: string): string[] =>
  text
    .slice(text.indexOf(`\n${section}\n`), text.indexOf(`\n${next}`))
    .split("\n")
    .filter((line) => line.includes("interview iv-denver"));

describe("the CLI gives an interview's time in the applicant's zone and the program's", () => {
  it("shows the preparation row in Manila's time and Denver's, never ET", () => {
    const [row, ...others] = rowsOf("NEXT STEPS", "BLOCKED");
    expect(others).toEqual([]);
    expect(row).toContain("Wed 13 Jan 2027, 12:00 AM GMT+8");
    expect(row).toContain("Tue 12 Jan 2027, 9:00 AM MST (at the program)");
    expect(row).not.toMatch(/ ET\b/);
    expect(text.split("\n").find((line) => line.includes("standing  step"))).toContain(
      "deadline (ET; interview: program's time)",
    );
  });

  it("says in its REMINDERS what the email says: the interview starts, it is not due", () => {
    const rows = rowsOf("REMINDERS", "BUDGET").filter((line) => line.includes("interview-prep"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/ Starts\b/);
      expect(row).not.toMatch(/ Due\b/);
    }
  });
});
